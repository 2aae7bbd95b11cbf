//! The router, and the frame around every page but the sign-in form: who is signed in, the
//! staff area's menu, and "Đăng xuất".

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};
use portal_contract::staff::{StaffRole, StaffUser};
use portal_contract::DEFAULT_SITE_NAME;

use crate::api;
use crate::pages::documents::{DocumentEditorPage, DocumentsPage};
use crate::pages::{
    about::{AboutPageEditor, OrganizationEditor},
    articles::ArticlesPage,
    audit::AuditPage,
    editor::EditorPage,
    feedback::{FeedbackItemPage, FeedbackListPage},
    links::LinksPage,
    preview::PreviewPage,
    ratings::RatingsPage,
    revisions::RevisionsPage,
    schedule::SchedulePage,
    sign_in::SignInPage,
    users::UsersPage,
};
use crate::session::{provide_session, role_label, use_session, SessionState};
use crate::ui::{ErrorNotice, Flash, Loading};

/// Where the staff area lives; the server sends this app for every address under it.
pub const BASE: &str = "/quan-tri";
pub const SIGN_IN: &str = "/quan-tri/dang-nhap";

pub fn article_href(id: i64) -> String {
    format!("{BASE}/bai-viet/{id}")
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    provide_context(Flash::default());
    view! {
        <Title
            text=""
            formatter=|page: String| {
                if page.is_empty() {
                    format!("Quản trị – {DEFAULT_SITE_NAME}")
                } else {
                    format!("{page} – Quản trị – {DEFAULT_SITE_NAME}")
                }
            }
        />
        <Router>
            <Routes fallback=|| view! { <Frame><NotFound /></Frame> }>
                <Route path=path!("/quan-tri/dang-nhap") view=SignInPage />
                // The preview is the public page as citizens will see it, header and all: it
                // gets the screen without the staff frame around it.
                <Route path=path!("/quan-tri/bai-viet/:id/xem-truoc") view=|| view! { <SignedInOnly><PreviewPage /></SignedInOnly> } />
                <ParentRoute path=path!("/quan-tri") view=|| view! { <Frame><Outlet /></Frame> }>
                    <Route path=path!("") view=ArticlesPage />
                    <Route path=path!("bai-viet/:id") view=EditorPage />
                    <Route path=path!("bai-viet/:id/lich-su") view=RevisionsPage />
                    <Route path=path!("lich-cong-tac") view=SchedulePage />
                    <Route path=path!("van-ban") view=DocumentsPage />
                    <Route path=path!("van-ban/:slug") view=DocumentEditorPage />
                    <Route path=path!("lien-ket") view=LinksPage />
                    <Route path=path!("tai-khoan") view=UsersPage />
                    <Route path=path!("nhat-ky") view=AuditPage />
                    <Route path=path!("danh-gia") view=RatingsPage />
                    <Route path=path!("gioi-thieu") view=AboutPageEditor />
                    <Route path=path!("co-cau-to-chuc") view=OrganizationEditor />
                    <Route path=path!("phan-hoi") view=FeedbackListPage />
                    <Route path=path!("phan-hoi/:reference") view=FeedbackItemPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <Title text="Không tìm thấy trang" />
        <h1 class="page-title">"Không tìm thấy trang"</h1>
        <p>"Địa chỉ này không có trong khu vực quản trị. " <a href=BASE>"Về danh sách bài viết"</a></p>
    }
}

/// Sends anyone not signed in to the sign-in form, with the address to come back to.
fn redirect_when_signed_out() {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move || {
        // Signing out goes to the form by itself.
        let path = location.pathname.get_untracked();
        if session.state() == SessionState::SignedOut && path != SIGN_IN {
            let here = format!("{path}{}", location.search.get_untracked());
            navigate(
                &format!("{SIGN_IN}?quay-lai={}", api::encode(&here)),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}

/// `children` once the session is known to be signed in; until then what is happening.
#[component]
fn SignedInOnly(children: ChildrenFn) -> impl IntoView {
    redirect_when_signed_out();
    let session = use_session();
    move || match session.state() {
        SessionState::SignedIn(_) => children().into_any(),
        other => view! { <main id="main" class="staff-main"><SessionWait state=other /></main> }
            .into_any(),
    }
}

#[component]
fn SessionWait(state: SessionState) -> impl IntoView {
    let session = use_session();
    match state {
        SessionState::Unknown(failure) => {
            let retry = Callback::new(move |_| session.check());
            view! { <ErrorNotice failure retry /> }.into_any()
        }
        SessionState::SignedOut => {
            view! { <p role="status">"Đang chuyển tới trang đăng nhập…"</p> }.into_any()
        }
        _ => view! { <Loading /> }.into_any(),
    }
}

#[component]
fn Frame(children: ChildrenFn) -> impl IntoView {
    redirect_when_signed_out();
    let session = use_session();
    // A new page takes the focus to its content, as a page load would: a screen reader then
    // reads the new page instead of staying on the link that opened it.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            crate::ui::focus_soon("main".into());
        }
        path
    });
    move || match session.state() {
        SessionState::SignedIn(user) => view! {
            <a class="skip-link" href="#main" on:click=skip_to_main>"Chuyển đến nội dung chính"</a>
            <StaffHeader user />
            <main id="main" class="staff-main" tabindex="-1">{children()}</main>
        }
        .into_any(),
        other => view! { <main id="main" class="staff-main"><SessionWait state=other /></main> }
            .into_any(),
    }
}

#[component]
fn StaffHeader(user: StaffUser) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let (problem, set_problem) = signal(None::<String>);
    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            match api::sign_out().await {
                Ok(()) => {
                    navigate(&format!("{SIGN_IN}?da-dang-xuat=1"), Default::default());
                    session.signed_out();
                }
                Err(failure) => {
                    set_problem.set(Some(format!("Chưa đăng xuất được. {}", failure.message())))
                }
            }
        }
    });
    let items = [
        ("Bài viết", BASE.to_string(), StaffRole::Editor),
        (
            "Lịch công tác",
            format!("{BASE}/lich-cong-tac"),
            StaffRole::Editor,
        ),
        ("Ý kiến", format!("{BASE}/phan-hoi"), StaffRole::Approver),
        ("Văn bản", format!("{BASE}/van-ban"), StaffRole::Approver),
        ("Đánh giá", format!("{BASE}/danh-gia"), StaffRole::Approver),
        ("Liên kết", format!("{BASE}/lien-ket"), StaffRole::Admin),
        ("Giới thiệu", format!("{BASE}/gioi-thieu"), StaffRole::Admin),
        (
            "Tổ chức",
            format!("{BASE}/co-cau-to-chuc"),
            StaffRole::Admin,
        ),
        ("Tài khoản", format!("{BASE}/tai-khoan"), StaffRole::Admin),
        ("Nhật ký", format!("{BASE}/nhat-ky"), StaffRole::Admin),
    ];
    let menu = items
        .into_iter()
        .filter(|(_, _, role)| user.role >= *role)
        .map(|(label, href, _)| {
            let target = href.clone();
            let current = move || {
                let here = location.pathname.get();
                let here = here.trim_end_matches('/');
                // The articles' item stays marked on an article's pages.
                let on = if target == BASE {
                    here == BASE || here.starts_with("/quan-tri/bai-viet")
                } else {
                    here == target || here.starts_with(&format!("{target}/"))
                };
                on.then_some("page")
            };
            view! { <li><a href=href aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <header class="staff-header">
            <div class="staff-header-inner">
                <a class="staff-brand" href=BASE>"Quản trị cổng thông tin"</a>
                <p class="staff-user">
                    <span class="visually-hidden">"Đang đăng nhập: "</span>
                    <strong>{user.username.clone()}</strong>
                    " · "
                    {role_label(user.role)}
                </p>
                <button
                    type="button"
                    class="button button-small staff-sign-out"
                    disabled=move || sign_out.pending().get()
                    on:click=move |_| {
                        sign_out.dispatch_local(());
                    }
                >
                    "Đăng xuất"
                </button>
            </div>
            <p class="notice notice-problem" role="alert">{move || problem.get()}</p>
            <nav class="staff-menu" aria-label="Khu vực quản trị">
                <ul>{menu}</ul>
            </nav>
        </header>
    }
}

/// The router would treat `#main` as a navigation; move focus to the content instead.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    crate::ui::focus_by_id("main");
}
