//! A− A A+: the reader's text size, kept in local storage for the next visit.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "portal-text-size";
/// Root font sizes, in percent of the browser's own setting (which stays respected).
const SIZES: [u32; 4] = [100, 112, 125, 140];

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn apply(level: usize) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        // Through the CSSOM, which the Content-Security-Policy allows (unlike style attributes).
        let _ = root
            .style()
            .set_property("font-size", &format!("{}%", SIZES[level]));
    }
}

#[component]
pub fn TextSize() -> impl IntoView {
    let saved = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|level| *level < SIZES.len())
        .unwrap_or(0);
    let level = RwSignal::new(saved);
    let t = crate::i18n::texts();
    Effect::new(move |_| {
        let level = level.get();
        apply(level);
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, &level.to_string());
        }
    });
    // Each name starts with what the button shows, so a speech-input user who says what they
    // see reaches it (WCAG 2.5.3); the hidden words say what it does, for screen readers and
    // for users who say the action instead ("giảm cỡ chữ").
    view! {
        <div class="text-size" role="group" aria-label=t.text_size_label>
            <button type="button" disabled=move || level.get() == 0
                on:click=move |_| level.update(|l| *l = l.saturating_sub(1))>
                "A−"<span class="visually-hidden">{t.text_size_smaller}</span>
            </button>
            <button type="button" aria-pressed=move || (level.get() == 0).to_string()
                on:click=move |_| level.set(0)>
                "A"<span class="visually-hidden">{t.text_size_default}</span>
            </button>
            <button type="button" disabled=move || level.get() + 1 == SIZES.len()
                on:click=move |_| level.update(|l| *l = (*l + 1).min(SIZES.len() - 1))>
                "A+"<span class="visually-hidden">{t.text_size_larger}</span>
            </button>
        </div>
    }
}
