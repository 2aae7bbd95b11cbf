//! `/da-luu`: the articles this browser keeps for reading without a connection (the service
//! worker keeps the last 20 opened; `server/src/service_worker.js`). Offline, an article that
//! is not among them leads here, with a notice.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_contract::SAVED_INDEX_PATH;
use wasm_bindgen::JsValue;

#[component]
pub fn SavedPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let missed = use_query_map()
        .read_untracked()
        .get("ngoai-tuyen")
        .is_some();
    let saved = LocalResource::new(saved_articles);
    view! {
        <Title text=t.saved_title />
        <Meta name="description" content=t.saved_description />
        <h1 class="page-title">{t.saved_title}</h1>
        {missed.then(|| view! {
            <p class="saved-notice" role="status">{t.saved_missed}</p>
        })}
        {move || saved.get().map(|saved| if saved.is_empty() {
            view! {
                <p class="empty">{t.saved_none}</p>
            }.into_any()
        } else {
            view! {
                <ul class="article-list">
                    {saved.into_iter().map(|(title, path)| view! { <li><a href=path>{title}</a></li> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// The (title, path) of each article the service worker keeps, read field by field (a serde
/// reader for one list would cost more of the download than the page itself); nothing where
/// there is no worker (its first visit, or a browser without one), which the server answers
/// with a page, not this list.
async fn saved_articles() -> Vec<(String, String)> {
    let Ok(response) = gloo_net::http::Request::get(SAVED_INDEX_PATH).send().await else {
        return Vec::new();
    };
    let text = match response.ok() {
        true => response.text().await.unwrap_or_default(),
        false => return Vec::new(),
    };
    let Ok(list) = js_sys::JSON::parse(&text) else {
        return Vec::new();
    };
    let field = |entry: &JsValue, name: &str| {
        js_sys::Reflect::get(entry, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|entry| Some((field(&entry, "title")?, field(&entry, "path")?)))
        .collect()
}
