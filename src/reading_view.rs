//! An article's page arrives with the article in it as plain HTML, the server's reading view
//! (`server/src/reading_view.rs`), so it can be read while the app downloads. The app draws
//! itself after it in the body, hidden by the stylesheet (`#server-page ~ *`) while the view
//! is there, and takes over once its own article is ready: the reader never sees the text
//! give way to loading placeholders.

/// Removes the reading view, which shows the app. Does nothing when there is none.
pub fn hand_over() {
    let view = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(portal_contract::READING_VIEW_ID));
    if let Some(view) = view {
        view.remove();
    }
}
