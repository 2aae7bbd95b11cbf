//! The page for an address the portal does not have, and for content that is gone: the
//! router's fallback, and what `status::loaded` shows when a page's own content answers 404.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The page for an address the portal does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <Title text=t.not_found_title />
        <Meta name="description" content=t.not_found_description />
        <section class="not-found">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a class="button" href=crate::i18n::lang().home()>{t.back_home}</a></p>
        </section>
    }
}
