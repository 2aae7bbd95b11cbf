//! `/quan-tri/dang-nhap`: the sign-in form. A wrong name and a wrong password get the same
//! answer from the server, so the form cannot say which was wrong either.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_contract::limits::{STAFF_PASSWORD_MAX_CHARS, STAFF_USERNAME_MAX_CHARS};
use portal_contract::staff::SignIn;

use crate::api::{self, Failure};
use crate::app::BASE;
use crate::session::{use_session, SessionState};
use crate::ui::focus_by_id;

/// Where to go after signing in: the page that sent the staff member here, if it is one of
/// the staff area's (never another site's, whatever the address says).
fn return_to(requested: Option<String>) -> String {
    requested
        .filter(|path| path == BASE || path.starts_with("/quan-tri/"))
        .filter(|path| !path.starts_with("/quan-tri/dang-nhap"))
        .unwrap_or_else(|| BASE.to_string())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let target = Memo::new(move |_| return_to(query.read().get("quay-lai")));
    let signed_out_now = move || query.read().get("da-dang-xuat").is_some();

    // Someone signed in already has nothing to do here.
    {
        let navigate = navigate.clone();
        Effect::new(move || {
            if matches!(session.state(), SessionState::SignedIn(_)) {
                navigate(
                    &target.get_untracked(),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        });
    }

    let (username, set_username) = signal(String::new());
    let (password, set_password) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let sign_in = Action::new_local(move |input: &SignIn| {
        let input = input.clone();
        async move {
            match api::sign_in(&input).await {
                Ok(signed_in) => {
                    set_password.set(String::new());
                    session.signed_in(signed_in);
                }
                Err(failure) => {
                    set_problem.set(Some(match failure {
                        Failure::SignedOut => {
                            "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại (chú ý chữ hoa, chữ thường)."
                                .to_string()
                        }
                        Failure::RateLimited(_) => format!(
                            "Đã có quá nhiều lần đăng nhập sai. {}",
                            failure.message()
                        ),
                        other => other.message(),
                    }));
                    focus_by_id("sign-in-password");
                }
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = SignIn {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        };
        if input.username.is_empty() {
            set_problem.set(Some("Vui lòng nhập tên đăng nhập.".into()));
            focus_by_id("sign-in-username");
            return;
        }
        if input.password.is_empty() {
            set_problem.set(Some("Vui lòng nhập mật khẩu.".into()));
            focus_by_id("sign-in-password");
            return;
        }
        set_problem.set(None);
        sign_in.dispatch_local(input);
    };

    view! {
        <Title text="Đăng nhập" />
        <main id="main" class="staff-main staff-sign-in">
            <p class="staff-sign-in-site">{portal_contract::DEFAULT_SITE_NAME}</p>
            <h1 class="page-title">"Đăng nhập quản trị"</h1>
            <p class="notice notice-done" role="status">
                {move || signed_out_now().then_some("Bạn đã đăng xuất.")}
            </p>
            <form class="staff-form" novalidate on:submit=submit>
                <div class="field">
                    <label for="sign-in-username">"Tên đăng nhập"</label>
                    <input
                        id="sign-in-username"
                        name="username"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        maxlength=STAFF_USERNAME_MAX_CHARS
                        prop:value=username
                        on:input=move |event| set_username.set(event_target_value(&event))
                    />
                </div>
                <div class="field">
                    <label for="sign-in-password">"Mật khẩu"</label>
                    <input
                        id="sign-in-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength=STAFF_PASSWORD_MAX_CHARS
                        prop:value=password
                        on:input=move |event| set_password.set(event_target_value(&event))
                    />
                </div>
                <p class="notice notice-problem" role="alert">{move || problem.get()}</p>
                <button type="submit" class="button" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Đang đăng nhập…" } else { "Đăng nhập" }}
                </button>
            </form>
        </main>
    }
}
