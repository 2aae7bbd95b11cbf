//! Share actions under an article or a document: the phone's share sheet (Zalo, Facebook,
//! messages, …) where the browser has one, else a Facebook link and "Sao chép liên kết".
//! Nothing is loaded from another site, and no request leaves the portal until the reader
//! chooses.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::encode;
use crate::clipboard::copy_text;

/// The Web Share API: on phones (and some desktops), the system's own sheet.
fn share_sheet() -> Option<js_sys::Function> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

async fn open_share_sheet(share: js_sys::Function, title: &str, url: &str) {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let navigator = web_sys::window().map(|window| window.navigator());
    if let Ok(promise) = share.call1(&navigator.into(), &data) {
        // A reader who closes the sheet rejects the promise: nothing to report.
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await;
    }
}

/// `url` is the page's absolute address; `label` names the group for screen readers.
#[component]
pub fn ShareActions(
    title: String,
    url: String,
    #[prop(default = "Chia sẻ bài viết")] label: &'static str,
) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let sheet = share_sheet();
    let facebook = format!(
        "https://www.facebook.com/sharer/sharer.php?u={}",
        encode(&url)
    );
    let (title, url) = (StoredValue::new(title), StoredValue::new(url));
    view! {
        <div class="share-actions" role="group" aria-label=label>
            {match sheet {
                Some(sheet) => view! {
                    <button type="button" class="button button-small" on:click=move |_| {
                        let sheet = sheet.clone();
                        leptos::task::spawn_local(async move {
                            open_share_sheet(sheet, &title.get_value(), &url.get_value()).await;
                        });
                    }>"Chia sẻ"</button>
                }
                .into_any(),
                None => view! {
                    <a class="button button-small" href=facebook target="_blank" rel="noopener noreferrer">
                        "Chia sẻ lên Facebook"
                    </a>
                    <button type="button" class="button button-small" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            set_status.set(if copy_text(&url.get_value()).await {
                                "Đã sao chép liên kết.".into()
                            } else {
                                format!("Chưa sao chép được; liên kết là: {}", url.get_value())
                            });
                        });
                    }>"Sao chép liên kết"</button>
                }
                .into_any(),
            }}
            <p class="share-status" role="status">{status}</p>
        </div>
    }
}
