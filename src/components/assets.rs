//! Scripts and stylesheets added to the page only when something needs them (Leaflet on the
//! map page, the embed loader in the gallery), once per page whatever asks how often.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy)]
pub enum Asset {
    Script(&'static str),
    Stylesheet(&'static str),
}

thread_local! {
    /// Loads in progress or done, by group name.
    static LOADING: RefCell<HashMap<&'static str, Promise>> = RefCell::default();
}

/// Adds `assets` to the page's head (once for `group`) and resolves when all have loaded. A
/// failed load is forgotten and its elements removed, so calling again tries again.
pub async fn load(group: &'static str, assets: &[Asset]) -> Result<(), ()> {
    let promise = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .entry(group)
            .or_insert_with(|| {
                let promises: js_sys::Array = assets
                    .iter()
                    .map(|asset| element_loaded(group, *asset))
                    .collect();
                Promise::all(&promises)
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => {
            forget(group);
            Err(())
        }
    }
}

/// A `<script>` or `<link rel=stylesheet>` in the head; the promise settles on its `load` or
/// `error` event.
fn element_loaded(group: &str, asset: Asset) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let added = (|| {
            let document = web_sys::window()?.document()?;
            let element = match asset {
                Asset::Script(url) => {
                    let script = document.create_element("script").ok()?;
                    script.set_attribute("src", url).ok()?;
                    script
                }
                Asset::Stylesheet(url) => {
                    let link = document.create_element("link").ok()?;
                    link.set_attribute("rel", "stylesheet").ok()?;
                    link.set_attribute("href", url).ok()?;
                    link
                }
            };
            element.set_attribute("data-asset-group", group).ok()?;
            let target: &web_sys::EventTarget = element.unchecked_ref();
            target
                .add_event_listener_with_callback("load", &resolve)
                .ok()?;
            target
                .add_event_listener_with_callback("error", &reject)
                .ok()?;
            document.head()?.append_child(&element).ok()
        })();
        if added.is_none() {
            let _ = reject.call0(&JsValue::NULL);
        }
    })
}

fn forget(group: &str) {
    LOADING.with(|loading| loading.borrow_mut().remove(group));
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let selector = format!("[data-asset-group='{group}']");
    if let Ok(elements) = document.query_selector_all(&selector) {
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
