//! The blocks beside every article and on the home page (below the content on phones);
//! the embeddable widgets reuse them.

pub mod article_block;
pub mod links;
pub mod map_sketch;
pub mod schedule;
pub mod visit_stats;

use leptos::prelude::*;

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
