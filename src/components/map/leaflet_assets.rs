//! Leaflet's own script and stylesheet, added to the page the first time a map is shown, so
//! that pages without a map never download them.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where trunk copies the npm package's `dist/` folder (see `index.html`).
const SCRIPT: &str = "/leaflet/leaflet.js";
const STYLESHEET: &str = "/leaflet/leaflet.css";

thread_local! {
    /// The load in progress or done; reused by every map on the page.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Resolves once Leaflet's global `L` exists and its stylesheet applies. A failed load is
/// forgotten, so calling again tries again.
pub async fn load() -> Result<(), ()> {
    if leaflet_is_defined() {
        return Ok(());
    }
    let promise = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                Promise::all(&js_sys::Array::of2(
                    &element_loaded("link", STYLESHEET),
                    &element_loaded("script", SCRIPT),
                ))
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) if leaflet_is_defined() => Ok(()),
        _ => {
            forget_failed_load();
            Err(())
        }
    }
}

fn leaflet_is_defined() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("L")).is_ok_and(|l| !l.is_undefined())
}

/// Adds `<link rel=stylesheet>` or `<script>` for `url` to the head; the promise settles on
/// its `load` or `error` event.
fn element_loaded(tag: &str, url: &str) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let Some(head) = document.head() else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let Ok(element) = document.create_element(tag) else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let _ = element.set_attribute("data-leaflet-asset", "");
        if tag == "link" {
            let _ = element.set_attribute("rel", "stylesheet");
            let _ = element.set_attribute("href", url);
        } else {
            let _ = element.set_attribute("src", url);
        }
        let target: &web_sys::EventTarget = element.unchecked_ref();
        let _ = target.add_event_listener_with_callback("load", &resolve);
        let _ = target.add_event_listener_with_callback("error", &reject);
        let _ = head.append_child(&element);
    })
}

/// Removes the elements of a load that failed, so the next attempt starts afresh.
fn forget_failed_load() {
    LOADING.with(|loading| loading.borrow_mut().take());
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Ok(elements) = document.query_selector_all("[data-leaflet-asset]") {
        for index in 0..elements.length() {
            if let Some(element) = elements
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                element.remove();
            }
        }
    }
}
