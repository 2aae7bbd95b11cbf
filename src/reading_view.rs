//! The page arrives with a reading view in it, plain HTML from the server
//! (`server/src/reading_view/`): the portal's name and menu, and on most reading pages their
//! content in a `<main>` (an article, a category's list, the home page's main column, the
//! schedule's week…), to be read while the app downloads. The app draws itself after it in the
//! body, hidden by the stylesheet (`#server-page ~ *`) while the view is there. It takes over
//! at once, or on a page whose view has content once the page has drawn its own
//! (`hand_over_when`), or as soon as the reader moves to another address
//! (`app::HandOverOnNavigation`): the reader never sees the text give way to loading
//! placeholders.

use wasm_bindgen::JsCast;
use web_sys::Element;

fn view() -> Option<Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(portal_contract::READING_VIEW_ID)
}

/// The app has drawn its first page: a view with the frame alone goes now. One with content
/// (a `<main>`) stays until its page calls `hand_over`.
pub fn app_started() {
    if let Some(view) = view() {
        if view.query_selector("main").ok().flatten().is_none() {
            view.remove();
        }
    }
}

/// Removes the reading view, which shows the app. Does nothing when there is none. What the
/// reader typed or chose in the view's form (the search page's) goes to the app's field of the
/// same `id`, and so does the focus: nothing typed before the app started is lost.
pub fn hand_over() {
    let Some(view) = view() else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        view.remove();
        return;
    };
    let focused = document
        .active_element()
        .filter(|element| view.contains(Some(element)))
        .map(|element| element.id());
    let typed = typed_values(&view);
    view.remove();
    for (id, value) in typed {
        if let Some(field) = document.get_element_by_id(&id) {
            set_value(&field, &value);
        }
    }
    if let Some(field) = focused.and_then(|id| document.get_element_by_id(&id)) {
        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}

/// The view's fields whose value the reader changed, by `id`.
fn typed_values(view: &Element) -> Vec<(String, String)> {
    let Ok(fields) = view.query_selector_all("input[id], select[id]") else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|index| fields.item(index))
        .filter_map(|node| {
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                (input.value() != input.default_value()).then(|| (input.id(), input.value()))
            } else {
                let select = node.dyn_ref::<web_sys::HtmlSelectElement>()?;
                let chosen_at_first = select
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .and_then(|option| option.get_attribute("value"))
                    .unwrap_or_default();
                (select.value() != chosen_at_first).then(|| (select.id(), select.value()))
            }
        })
        .collect()
}

/// Sets a field of the app's and tells the app, as the reader's typing would.
fn set_value(field: &Element, value: &str) {
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    } else {
        return;
    }
    for kind in ["input", "change"] {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
            let _ = field.dispatch_event(&event);
        }
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
