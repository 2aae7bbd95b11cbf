//! After a client-side navigation, moves keyboard focus to the new page's heading and
//! announces it, as a full page load would for a screen reader user.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How long to wait for the new page's content before giving up on moving focus.
const WAIT_STEPS: u32 = 100;
const STEP: Duration = Duration::from_millis(50);

#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let location = use_location();
    let (announcement, set_announcement) = signal(String::new());
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (location.pathname.get(), location.search.get());
        // The first load is announced by the browser itself.
        if previous
            .as_ref()
            .is_some_and(|previous| *previous != current)
        {
            focus_heading_when_ready(set_announcement, WAIT_STEPS);
        }
        current
    });
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p> }
}

fn focus_heading_when_ready(announce: WriteSignal<String>, steps_left: u32) {
    set_timeout(
        move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let loading = document
                .query_selector("main .placeholder")
                .ok()
                .flatten()
                .is_some();
            let heading = document
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            match heading {
                Some(heading) if !loading => {
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                    announce.set(document.title());
                }
                _ if steps_left > 0 => focus_heading_when_ready(announce, steps_left - 1),
                _ => {}
            }
        },
        STEP,
    );
}
