//! Copying text for the reader: whether it worked, so the page can say so.

/// Puts `text` on the clipboard; `false` where the browser refuses (no permission, an
/// insecure page).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}
