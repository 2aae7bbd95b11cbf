//! Pieces every page uses: waiting, failures with a retry, the message regions, page links,
//! and the few DOM helpers (focus, times) that would otherwise be copied into each page.

use leptos::prelude::*;
use portal_contract::staff::StaffRole;
use wasm_bindgen::JsCast;

use crate::api::Failure;
use crate::session::{role_label, use_session};

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="staff-loading" role="status">"Đang tải…"</p> }
}

/// A failed load: what went wrong and a button that asks again.
#[component]
pub fn ErrorNotice(failure: Failure, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-notice" role="alert">
            <p>{failure.message()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Thử lại"</button>
        </div>
    }
}

/// `render(data)` once `resource` has loaded, "Đang tải…" before, and the failure with a
/// retry button if it failed.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, Failure>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(data)) => render(data).into_any(),
        Some(Err(failure)) => {
            let retry = Callback::new(move |_| resource.refetch());
            view! { <ErrorNotice failure retry /> }.into_any()
        }
    }
}

/// The outcome of what the staff member just did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Message {
    #[default]
    None,
    Done(String),
    Problem(String),
}

/// Both live regions are always in the page, empty until there is something to say: a
/// screen reader announces a region's changes only if the region was there before them.
#[component]
pub fn MessageArea(message: RwSignal<Message>) -> impl IntoView {
    let done = move || match message.get() {
        Message::Done(text) => text,
        _ => String::new(),
    };
    let problem = move || match message.get() {
        Message::Problem(text) => text,
        _ => String::new(),
    };
    view! {
        <div class="staff-messages">
            <p class="notice notice-done" role="status">{done}</p>
            <p class="notice notice-problem" role="alert">{problem}</p>
        </div>
    }
}

/// The note under a field that the server or the form found wrong; its id goes into the
/// field's `aria-describedby`.
#[component]
pub fn FieldError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! { <p id=id class="field-error" hidden=move || error.get().is_none()>{move || error.get()}</p> }
}

/// For pages only some roles may use: the page, or a notice saying who may.
#[component]
pub fn RequireRole(role: StaffRole, children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    move || {
        if session.may(role) {
            children().into_any()
        } else {
            let who = match role {
                StaffRole::Admin => "quản trị viên".to_string(),
                _ => format!("{} và quản trị viên", role_label(role).to_lowercase()),
            };
            view! { <p class="notice notice-info">{format!("Chỉ {who} mới dùng được trang này.")}</p> }.into_any()
        }
    }
}

/// Previous and next page links, with where the list is.
#[component]
pub fn Pager(current: u32, count: u32, href: impl Fn(u32) -> String + 'static) -> impl IntoView {
    if count <= 1 {
        return ().into_any();
    }
    let previous = (current > 1).then(|| {
        view! { <li><a href=href(current - 1) rel="prev">"‹ Trang trước"</a></li> }
    });
    let next = (current < count).then(|| {
        view! { <li><a href=href(current + 1) rel="next">"Trang sau ›"</a></li> }
    });
    view! {
        <nav class="pagination" aria-label="Phân trang">
            <ul>
                {previous}
                <li class="pagination-gap">{format!("Trang {current}/{count}")}</li>
                {next}
            </ul>
        </nav>
    }
    .into_any()
}

/// `03/12/2021 14:57` from a stored RFC 3339 time; the text itself if it is not one.
pub fn when(text: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|time| portal_contract::format_display(&time))
        .unwrap_or_else(|_| text.to_string())
}

pub fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Focuses `id` once the views being updated now are in the page.
pub fn focus_soon(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}

/// The page's number from `?trang=N`; 1 when absent or unreadable.
pub fn page_number(query: &leptos_router::params::ParamsMap) -> u32 {
    portal_contract::paging::requested_page(query.get_str(portal_contract::paging::PAGE_PARAM))
}

/// A message that outlives a navigation: "Đã lưu" said by the page that saved, shown by the
/// page it went to (a new article's editor moves to the article's own address).
#[derive(Debug, Clone, Copy)]
pub struct Flash(RwSignal<Message>);

impl Default for Flash {
    fn default() -> Self {
        Flash(RwSignal::new(Message::None))
    }
}

impl Flash {
    pub fn set(self, message: Message) {
        self.0.set(message);
    }

    pub fn take(self) -> Message {
        let message = self.0.get_untracked();
        self.0.set(Message::None);
        message
    }
}

/// Focuses the first of `ids` that can take the focus (a disabled button cannot), once the
/// views being updated now are in the page.
pub fn focus_soon_enabled(ids: [String; 2]) {
    request_animation_frame(move || {
        let enabled = ids.iter().find(|id| {
            document()
                .get_element_by_id(id)
                .is_some_and(|element| !element.has_attribute("disabled"))
        });
        if let Some(id) = enabled {
            focus_by_id(id);
        }
    });
}
