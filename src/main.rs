//! The district portal's web app: a client-side-rendered Leptos SPA.

mod api;
mod app;
mod clipboard;
mod components;
#[cfg(feature = "embeds")]
mod embed;
#[cfg(any(feature = "map", feature = "embeds"))]
mod html;
mod i18n;
mod pages;
mod reading_view;
mod site;
mod urls;

fn main() {
    console_error_panic_hook::set_once();
    // Instantiating the wasm and drawing the app are each a long task on a slow phone; as one
    // task they would block the page for their sum. A task each lets the browser answer a tap
    // or a scroll between them.
    leptos::prelude::set_timeout(start, std::time::Duration::ZERO);
}

fn start() {
    remove_static_description();
    // A widget in another site's frame gets the widget alone; every other address, the site.
    #[cfg(feature = "embeds")]
    if let Some(name) = embed::embedded_widget_name() {
        leptos::mount::mount_to_body(move || leptos::view! { <embed::EmbedApp name /> });
        return;
    }
    leptos::mount::mount_to_body(app::App);
    // After the parts the app draws in later tasks (`NextTask`): a view with the frame alone
    // goes once the app's frame and page are there.
    leptos::prelude::set_timeout(reading_view::app_started, std::time::Duration::ZERO);
    keep_for_offline();
}

/// Starts the service worker (`/sw.js`) that keeps the app and the articles a reader opens
/// for reading without a connection. Through `Reflect`: web-sys's service worker bindings
/// would cost more of the download than these few lines.
fn keep_for_offline() {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let workers = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|workers| !workers.is_undefined());
    let register = workers.as_ref().and_then(|workers| {
        js_sys::Reflect::get(workers, &JsValue::from_str("register"))
            .ok()
            .and_then(|register| register.dyn_into::<js_sys::Function>().ok())
    });
    if let (Some(workers), Some(register)) = (workers, register) {
        // A refusal (a private window, say) leaves the portal as it was: online only.
        let _ = register.call1(&workers, &JsValue::from_str("/sw.js"));
    }
}

/// `index.html` carries a description for readers without scripts (and link previews), and
/// the server names the page's other language (`hreflang`); once the app runs, each page sets
/// its own, and two would compete.
fn remove_static_description() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for selector in [
        "meta[name='description']",
        "link[rel='alternate'][hreflang]",
    ] {
        if let Ok(found) = document.query_selector_all(selector) {
            for index in 0..found.length() {
                if let Some(element) = found
                    .item(index)
                    .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
                {
                    element.remove();
                }
            }
        }
    }
}
