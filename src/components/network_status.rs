//! Tells the reader when the device is offline, and retries what failed once it is back.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Counts the times the device came back online; failed requests watch it to retry.
#[derive(Clone, Copy)]
pub struct Reconnections(pub ReadSignal<u32>);

/// Listens for `online` and `offline`, provides `Reconnections`, and shows a notice while
/// offline.
#[component]
pub fn NetworkStatus() -> impl IntoView {
    let t = crate::i18n::texts();
    let initially_online = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initially_online);
    let (reconnections, set_reconnections) = signal(0u32);
    provide_context(Reconnections(reconnections));
    if let Some(window) = web_sys::window() {
        let went_online = Closure::<dyn Fn()>::new(move || {
            set_online.set(true);
            set_reconnections.update(|count| *count += 1);
        });
        let went_offline = Closure::<dyn Fn()>::new(move || set_online.set(false));
        let _ =
            window.add_event_listener_with_callback("online", went_online.as_ref().unchecked_ref());
        let _ = window
            .add_event_listener_with_callback("offline", went_offline.as_ref().unchecked_ref());
        // The app lives as long as the page: the listeners do too.
        went_online.forget();
        went_offline.forget();
    }
    view! {
        <div class="network-status" role="status">
            <Show when=move || !online.get()>
                <p class="offline-notice">{t.offline_notice}</p>
            </Show>
        </div>
    }
}
