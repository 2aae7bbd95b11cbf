//! The reader app's stand-in for the pages only the full app has (the map, the widget
//! gallery). The server sends the full app for those addresses, so the reader app gets here
//! by routing inside itself (a link in an article, say): it loads the page anew. When the
//! document itself was loaded at this address, a web server sent the reader app for it (one
//! set up without the rule for these addresses): loading again would bring the same, so it
//! says so instead.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use std::time::Duration;
use wasm_bindgen::JsCast;

use crate::components::status::Placeholder;
use crate::urls;

#[component]
pub fn InFullApp() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let address = format!("{path}{}", location.search.get_untracked());
    if document_loaded_at() != Some(path) {
        // After the router has put the address in the history (it does so once this page is
        // drawn), so the load replaces this entry and Back still returns to the page before.
        set_timeout(
            move || {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().replace(&address);
                }
            },
            Duration::ZERO,
        );
        return view! { <Placeholder /> }.into_any();
    }
    let t = crate::i18n::texts();
    view! {
        <Title text=t.full_app_title />
        <section class="not-found">
            <h1>{t.full_app_heading}</h1>
            <p>{t.full_app_text}</p>
            <p>
                <a class="button" href=address rel="external">{t.full_app_reload}</a>
                " "
                <a class="button" href=urls::HOME>{t.back_home}</a>
            </p>
        </section>
    }
    .into_any()
}

/// The path this document was loaded at (its navigation entry), whatever the app's router
/// has made of the address bar since.
fn document_loaded_at() -> Option<String> {
    let entry = web_sys::window()?
        .performance()?
        .get_entries_by_type("navigation")
        .get(0)
        .dyn_into::<web_sys::PerformanceEntry>()
        .ok()?;
    let url = web_sys::Url::new(&entry.name()).ok()?;
    Some(url.pathname())
}
