//! Share actions under an article or a document: the phone's share sheet (Zalo, Facebook,
//! messages, …) where the browser has one, else a Facebook link and "Sao chép liên kết".
//! Nothing is loaded from another site, and no request leaves the portal until the reader
//! chooses.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use portal_contract::fill;

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

/// `url` is the page's absolute address; `label` names the group for screen readers ("Chia sẻ
/// bài viết" when not given).
#[component]
pub fn ShareActions(
    title: String,
    url: String,
    #[prop(optional)] label: Option<&'static str>,
) -> impl IntoView {
    let t = crate::i18n::texts();
    let label = label.unwrap_or(t.share_article);
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
                    }>{t.share_button}</button>
                }
                .into_any(),
                None => view! {
                    <a class="button button-small" href=facebook target="_blank" rel="noopener noreferrer">
                        {t.share_facebook}
                    </a>
                    <button type="button" class="button button-small" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            set_status.set(if copy_text(&url.get_value()).await {
                                t.share_copied.to_string()
                            } else {
                                fill(t.share_copy_failed, &[("url", &url.get_value())])
                            });
                        });
                    }>{t.share_copy}</button>
                }
                .into_any(),
            }}
            <p class="share-status" role="status">{status}</p>
        </div>
    }
}
