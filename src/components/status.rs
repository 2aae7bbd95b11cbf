//! What a reader sees while data loads and when it cannot be loaded.

use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::components::network_status::Reconnections;
use crate::components::not_found::NotFound;

/// Grey blocks in the shape of the content to come, so the page does not jump when it arrives.
#[component]
pub fn Placeholder(#[prop(default = 3)] lines: usize) -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <div class="placeholder" aria-busy="true">
            <span class="visually-hidden" role="status">{t.loading}</span>
            {(0..lines).map(|_| view! { <div class="placeholder-line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// A failed request: what went wrong, and a button that asks again. It also
/// asks again by itself when the device comes back online. `compact` sizes it for a sidebar
/// block.
#[component]
pub fn ErrorNotice(
    failure: ApiFailure,
    retry: Callback<()>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let t = crate::i18n::texts();
    let (retrying, set_retrying) = signal(false);
    retry_when_back_online(retry);
    let (box_class, button_class) = if compact {
        ("block-error", "button button-small")
    } else {
        ("error-notice", "button")
    };
    view! {
        <div class=box_class role="alert">
            <p>{failure.message()}</p>
            <button
                type="button"
                class=button_class
                disabled=move || retrying.get()
                on:click=move |_| {
                    set_retrying.set(true);
                    retry.run(());
                }
            >
                {move || if retrying.get() { t.retrying } else { t.retry }}
            </button>
        </div>
    }
}

/// Where loaded content goes, which decides how its waiting and its failures look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// A page's own content: `lines` of placeholder, a full error notice, and the 404 page
    /// when the content does not exist.
    Page { lines: usize },
    /// A block inside a page (a sidebar block, a home page section, a widget, the menu): a
    /// compact error notice, and `missing` in place of content that does not exist, since
    /// the page around it does.
    Block { lines: usize, missing: &'static str },
}

impl Fit {
    pub const fn page(lines: usize) -> Self {
        Fit::Page { lines }
    }

    pub const fn block(missing: &'static str) -> Self {
        Fit::Block { lines: 3, missing }
    }
}

/// Shows `render(data)` once `resource` has loaded, a placeholder before, and an error
/// notice with a retry button if it failed, each sized by `fit`.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, ApiFailure>>,
    fit: Fit,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => waiting(fit),
        Some(Ok(data)) => render(data).into_any(),
        Some(Err(failure)) => failed(failure, fit, Callback::new(move |_| resource.refetch())),
    }
}

// Outside `loaded`, which is compiled once per kind of content: these views are compiled once.
fn waiting(fit: Fit) -> AnyView {
    let (Fit::Page { lines } | Fit::Block { lines, .. }) = fit;
    view! { <Placeholder lines /> }.into_any()
}

fn failed(failure: ApiFailure, fit: Fit, retry: Callback<()>) -> AnyView {
    match (failure, fit) {
        (ApiFailure::NotFound, Fit::Page { .. }) => view! { <NotFound /> }.into_any(),
        (ApiFailure::NotFound, Fit::Block { missing, .. }) => {
            view! { <p class="empty">{missing}</p> }.into_any()
        }
        (failure, fit) => {
            let compact = matches!(fit, Fit::Block { .. });
            view! { <ErrorNotice failure retry compact /> }.into_any()
        }
    }
}

/// Runs `retry` the next time the device comes back online.
pub fn retry_when_back_online(retry: Callback<()>) {
    let Some(Reconnections(reconnections)) = use_context::<Reconnections>() else {
        return;
    };
    Effect::new(move |previous: Option<u32>| {
        let now = reconnections.get();
        if previous.is_some_and(|previous| previous != now) {
            retry.run(());
        }
        now
    });
}
