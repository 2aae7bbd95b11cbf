//! The blocks beside every article and on the home page (below the content on phones);
//! the embeddable widgets reuse them.

pub mod article_block;
pub mod links;
pub mod map_sketch;
pub mod schedule;
pub mod visit_stats;

use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::components::status::{ErrorNotice, Placeholder};

/// A sidebar block: a heading and its body.
#[component]
pub fn Block(id: &'static str, heading: &'static str, children: Children) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("block block-{id}") aria-labelledby=labelled_by>
            <h2 id=heading_id class="block-heading">{heading}</h2>
            <div class="block-body">{children()}</div>
        </section>
    }
}

/// Like `status::loaded`, sized for a block: a compact error notice, and nothing found shown
/// as `empty` rather than as the 404 page.
pub fn block_content<T, V>(
    resource: LocalResource<Result<T, ApiFailure>>,
    empty: &'static str,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Placeholder lines=3 /> }.into_any(),
        Some(Ok(data)) => render(data).into_any(),
        Some(Err(ApiFailure::NotFound)) => view! { <p class="empty">{empty}</p> }.into_any(),
        Some(Err(failure)) => view! {
            <ErrorNotice failure retry=Callback::new(move |_| resource.refetch()) compact=true />
        }
        .into_any(),
    }
}
