//! `/quan-tri/tai-khoan`: staff accounts (admins): add one, change its role, lock or unlock
//! it, set a new password. The server ends an account's sessions when it is locked or its
//! password is reset.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_meta::Title;
use portal_contract::limits::{
    STAFF_PASSWORD_MAX_CHARS, STAFF_PASSWORD_MIN_CHARS, STAFF_USERNAME_MAX_CHARS,
};
use portal_contract::staff::{
    is_valid_username, NewStaffAccount, StaffAccount, StaffAccountChange, StaffRole,
};

use crate::api;
use crate::session::{role_label, use_session};
use crate::ui::{focus_by_id, loaded, FieldError, Message, MessageArea, RequireRole};

const ROLES: [StaffRole; 3] = [StaffRole::Editor, StaffRole::Approver, StaffRole::Admin];

fn password_problem(password: &str) -> Option<String> {
    let length = password.chars().count();
    if length < STAFF_PASSWORD_MIN_CHARS {
        Some(format!(
            "Mật khẩu cần ít nhất {STAFF_PASSWORD_MIN_CHARS} ký tự (đang có {length})."
        ))
    } else if length > STAFF_PASSWORD_MAX_CHARS {
        Some(format!(
            "Mật khẩu dài tối đa {STAFF_PASSWORD_MAX_CHARS} ký tự."
        ))
    } else {
        None
    }
}

fn role_options(chosen: StaffRole) -> impl IntoView {
    ROLES
        .into_iter()
        .map(|role| {
            view! { <option value=role.code() selected=role == chosen>{role_label(role)}</option> }
        })
        .collect_view()
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let accounts = LocalResource::new(api::users);
    let message = RwSignal::new(Message::None);
    view! {
        <Title text="Tài khoản" />
        <h1 class="page-title">"Tài khoản"</h1>
        <RequireRole role=StaffRole::Admin>
            <MessageArea message />
            {loaded(accounts, move |list: Vec<StaffAccount>| view! {
                <ul class="staff-list staff-accounts">
                    {list.into_iter().map(|account| view! { <AccountItem account accounts message /> }).collect_view()}
                </ul>
            })}
            <AddAccount accounts message />
        </RequireRole>
    }
}

#[component]
fn AccountItem(
    account: StaffAccount,
    accounts: LocalResource<Result<Vec<StaffAccount>, api::Failure>>,
    message: RwSignal<Message>,
) -> impl IntoView {
    let session = use_session();
    let username = account.username.clone();
    let myself = session
        .user()
        .is_some_and(|user| user.username == account.username);
    // Element ids from the name, one for one: `a.b` and `a_b` must not share their fields.
    let slug: String = username
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                format!("-{:x}-", u32::from(c))
            }
        })
        .collect();
    let role = RwSignal::new(account.role);
    let (resetting, set_resetting) = signal(false);
    let (password, set_password) = signal(String::new());
    let (password_error, set_password_error) = signal(None::<String>);

    let change = {
        let username = username.clone();
        move |change: StaffAccountChange, done: String| {
            let username = username.clone();
            message.set(Message::None);
            leptos::task::spawn_local(async move {
                match api::change_user(&username, &change).await {
                    Ok(_) => {
                        message.set(Message::Done(done));
                        set_resetting.set(false);
                        set_password.set(String::new());
                        accounts.refetch();
                    }
                    Err(failure) => {
                        if let Some(problem) = failure.fields().get("password") {
                            set_password_error.set(Some(problem.clone()));
                        }
                        message.set(Message::Problem(format!(
                            "Chưa đổi được tài khoản {username}. {}",
                            failure.message()
                        )));
                    }
                }
            });
        }
    };
    let role_id = format!("role-{slug}");
    let password_id = format!("password-{slug}");
    let password_error_id = format!("password-{slug}-error");
    let status = if account.disabled {
        "Đã khóa"
    } else {
        "Đang hoạt động"
    };
    let change_role = change.clone();
    let change_lock = change.clone();
    let change_password = change;
    let name_for_role = username.clone();
    let name_for_lock = username.clone();
    let name_for_password = username.clone();
    let disabled = account.disabled;
    view! {
        <li>
            <h2 class="staff-list-title">{username.clone()}{myself.then_some(" (bạn)")}</h2>
            <p class="article-meta">{role_label(account.role)}" · "{status}</p>
            {(!myself).then(|| view! {
                <div class="staff-account-actions">
                    <div class="field field-inline">
                        <label for=role_id.clone()>"Vai trò"<span class="visually-hidden">{format!(" của {username}")}</span></label>
                        <select id=role_id.clone() on:change=move |event| {
                            if let Some(chosen) = StaffRole::from_code(&event_target_value(&event)) {
                                role.set(chosen);
                            }
                        }>
                            {role_options(account.role)}
                        </select>
                        <button type="button" class="button button-small" on:click=move |_| {
                            let chosen = role.get_untracked();
                            change_role(
                                StaffAccountChange { role: Some(chosen), ..Default::default() },
                                format!("Đã đổi vai trò của {name_for_role} thành {}.", role_label(chosen)),
                            );
                        }>
                            "Đổi vai trò"<span class="visually-hidden">{format!(" của {username}")}</span>
                        </button>
                    </div>
                    <button type="button" class="button button-small button-secondary" on:click=move |_| {
                        change_lock(
                            StaffAccountChange { disabled: Some(!disabled), ..Default::default() },
                            if disabled {
                                format!("Đã mở khóa tài khoản {name_for_lock}.")
                            } else {
                                format!("Đã khóa tài khoản {name_for_lock}: người này không đăng nhập được nữa.")
                            },
                        );
                    }>
                        {if disabled { "Mở khóa" } else { "Khóa tài khoản" }}
                        <span class="visually-hidden">{format!(" {username}")}</span>
                    </button>
                </div>
            })}
            <button
                type="button"
                class="button button-small button-secondary"
                aria-expanded=move || if resetting.get() { "true" } else { "false" }
                on:click=move |_| set_resetting.update(|open| *open = !*open)
            >
                "Đặt lại mật khẩu"<span class="visually-hidden">{format!(" cho {username}")}</span>
            </button>
            {move || resetting.get().then(|| {
                let change_password = change_password.clone();
                let name_for_password = name_for_password.clone();
                let password_error_id = password_error_id.clone();
                let described = {
                    let password_error_id = password_error_id.clone();
                    move || password_error.get().map(|_| password_error_id.clone())
                };
                view! {
                    <div class="staff-inline-form">
                        <div class="field">
                            <label for=password_id.clone()>"Mật khẩu mới"</label>
                            <input
                                id=password_id.clone()
                                type="password"
                                autocomplete="new-password"
                                minlength=STAFF_PASSWORD_MIN_CHARS
                                maxlength=STAFF_PASSWORD_MAX_CHARS
                                aria-invalid=move || password_error.get().map(|_| "true")
                                aria-describedby=described
                                prop:value=password
                                on:input=move |event| set_password.set(event_target_value(&event))
                            />
                            <FieldError id=password_error_id error=password_error.into() />
                        </div>
                        <button type="button" class="button button-small" on:click={
                            let password_id = password_id.clone();
                            move |_| {
                                let typed = password.get_untracked();
                                if let Some(problem) = password_problem(&typed) {
                                    set_password_error.set(Some(problem));
                                    focus_by_id(&password_id);
                                    return;
                                }
                                set_password_error.set(None);
                                change_password(
                                    StaffAccountChange { password: Some(typed), ..Default::default() },
                                    format!("Đã đặt mật khẩu mới cho {name_for_password}; các phiên đăng nhập cũ đã kết thúc."),
                                );
                            }
                        }>
                            "Lưu mật khẩu mới"
                        </button>
                    </div>
                }
            })}
        </li>
    }
}

#[component]
fn AddAccount(
    accounts: LocalResource<Result<Vec<StaffAccount>, api::Failure>>,
    message: RwSignal<Message>,
) -> impl IntoView {
    let (username, set_username) = signal(String::new());
    let (password, set_password) = signal(String::new());
    let role = RwSignal::new(StaffRole::Editor);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let (busy, set_busy) = signal(false);
    let error = move |field: &'static str| {
        Signal::derive(move || errors.with(|errors| errors.get(field).cloned()))
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let account = NewStaffAccount {
            username: username.get_untracked().trim().to_string(),
            role: role.get_untracked(),
            password: password.get_untracked(),
        };
        let mut found = BTreeMap::new();
        if !is_valid_username(&account.username) {
            found.insert(
                "username".to_string(),
                "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang."
                    .to_string(),
            );
        }
        if let Some(problem) = password_problem(&account.password) {
            found.insert("password".to_string(), problem);
        }
        if let Some(first) = ["username", "password"]
            .into_iter()
            .find(|field| found.contains_key(*field))
        {
            errors.set(found);
            focus_by_id(&format!("new-{first}"));
            return;
        }
        errors.set(BTreeMap::new());
        set_busy.set(true);
        message.set(Message::None);
        leptos::task::spawn_local(async move {
            let result = api::add_user(&account).await;
            set_busy.set(false);
            match result {
                Ok(added) => {
                    set_username.set(String::new());
                    set_password.set(String::new());
                    message.set(Message::Done(format!(
                        "Đã thêm tài khoản {} ({}).",
                        added.username,
                        role_label(added.role)
                    )));
                    accounts.refetch();
                }
                Err(api::Failure::Conflict) => {
                    errors.set(BTreeMap::from([(
                        "username".to_string(),
                        "Đã có tài khoản với tên này.".to_string(),
                    )]));
                    focus_by_id("new-username");
                }
                Err(failure) => {
                    let fields = failure.fields();
                    message.set(Message::Problem(format!(
                        "Chưa thêm được tài khoản. {}",
                        failure.message()
                    )));
                    errors.set(fields);
                }
            }
        });
    };
    let username_error = error("username");
    let password_error = error("password");
    view! {
        <section class="staff-add" aria-labelledby="add-account-heading">
            <h2 id="add-account-heading">"Thêm tài khoản"</h2>
            <form class="staff-form" novalidate on:submit=submit>
                <div class="field">
                    <label for="new-username">"Tên đăng nhập"</label>
                    <input
                        id="new-username"
                        type="text"
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        maxlength=STAFF_USERNAME_MAX_CHARS
                        aria-invalid=move || username_error.get().map(|_| "true")
                        aria-describedby=move || if username_error.get().is_some() {
                            "new-username-hint new-username-error"
                        } else {
                            "new-username-hint"
                        }
                        prop:value=username
                        on:input=move |event| set_username.set(event_target_value(&event))
                    />
                    <p id="new-username-hint" class="hint">"Chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang; ví dụ: nguyen.van.a"</p>
                    <FieldError id="new-username-error".to_string() error=username_error />
                </div>
                <div class="field">
                    <label for="new-role">"Vai trò"</label>
                    <select id="new-role" on:change=move |event| {
                        if let Some(chosen) = StaffRole::from_code(&event_target_value(&event)) {
                            role.set(chosen);
                        }
                    }>
                        {role_options(StaffRole::Editor)}
                    </select>
                </div>
                <div class="field">
                    <label for="new-password">"Mật khẩu"</label>
                    <input
                        id="new-password"
                        type="password"
                        autocomplete="new-password"
                        minlength=STAFF_PASSWORD_MIN_CHARS
                        maxlength=STAFF_PASSWORD_MAX_CHARS
                        aria-invalid=move || password_error.get().map(|_| "true")
                        aria-describedby=move || if password_error.get().is_some() {
                            "new-password-hint new-password-error"
                        } else {
                            "new-password-hint"
                        }
                        prop:value=password
                        on:input=move |event| set_password.set(event_target_value(&event))
                    />
                    <p id="new-password-hint" class="hint">{format!("Ít nhất {STAFF_PASSWORD_MIN_CHARS} ký tự. Gửi mật khẩu cho người dùng qua kênh riêng.")}</p>
                    <FieldError id="new-password-error".to_string() error=password_error />
                </div>
                <button type="submit" class="button" disabled=busy>"Thêm tài khoản"</button>
            </form>
        </section>
    }
}
