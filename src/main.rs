//! The district portal's web app: a client-side-rendered Leptos SPA.

mod api;
mod app;
mod clipboard;
mod components;
#[cfg(feature = "embeds")]
mod embed;
#[cfg(any(feature = "map", feature = "embeds"))]
mod html;
mod pages;
mod reading_view;
mod site;
mod urls;

fn main() {
    console_error_panic_hook::set_once();
    remove_static_description();
    // A widget in another site's frame gets the widget alone; every other address, the site.
    #[cfg(feature = "embeds")]
    if let Some(name) = embed::embedded_widget_name() {
        leptos::mount::mount_to_body(move || leptos::view! { <embed::EmbedApp name /> });
        return;
    }
    leptos::mount::mount_to_body(app::App);
    reading_view::app_started();
}

/// `index.html` carries a description for readers without scripts (and link previews); once
/// the app runs, each page sets its own, and two would compete.
fn remove_static_description() {
    let static_meta = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='description']").ok().flatten());
    if let Some(meta) = static_meta {
        meta.remove();
    }
}
