//! The page arrives with a reading view in it, plain HTML from the server
//! (`server/src/reading_view.rs`): the portal's name and menu, and on an article's page the
//! article (a category's: its list; the home page's: its main column), to be read while the
//! app downloads. The app draws itself after it in the body, hidden by the stylesheet
//! (`#server-page ~ *`) while the view is there. It takes over at once, or on a page whose
//! view has content (an `<article>`) once the page has drawn its own, or as soon as the
//! reader moves to another address (`app::HandOverOnNavigation`): the reader never sees the
//! text give way to loading placeholders.

use web_sys::Element;

fn view() -> Option<Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(portal_contract::READING_VIEW_ID)
}

/// The app has drawn its first page: a view without an article goes now. An article's stays
/// until `hand_over`.
pub fn app_started() {
    if let Some(view) = view() {
        if view.query_selector("article").ok().flatten().is_none() {
            view.remove();
        }
    }
}

/// Removes the reading view, which shows the app. Does nothing when there is none.
pub fn hand_over() {
    if let Some(view) = view() {
        view.remove();
    }
}

/// Hands over once `resource`, what a page's own view shows, has loaded (or failed: the app's
/// notice then replaces the server's copy).
pub fn hand_over_when_loaded<T: 'static>(resource: leptos::prelude::LocalResource<T>) {
    use leptos::prelude::*;
    hand_over_when(move || resource.read().is_some());
}

/// Hands over once `ready` (reactive) says the page has drawn what its view shows.
pub fn hand_over_when(ready: impl Fn() -> bool + 'static) {
    leptos::prelude::Effect::new(move |_| {
        if ready() {
            hand_over();
        }
    });
}
