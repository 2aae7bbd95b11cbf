//! Tells the page that frames a widget how tall the widget is, each time that changes, so the
//! frame fits it without a scrollbar. Only the height, and only to the parent window: the
//! message is `{type: "portal-widget-height", height}` and says nothing else about the reader.

use portal_contract::embed::HEIGHT_MESSAGE;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Watches `content` and posts its height to the parent window; nothing when not framed.
pub fn report(content: web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(&window) {
        return;
    }
    let measured = content.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Any site may embed a widget, so the target cannot be named; the message holds
        // nothing but a number.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&content);
    }
    // The observer calls it for as long as the widget's page lives, which is the page's life.
    post.forget();
}
