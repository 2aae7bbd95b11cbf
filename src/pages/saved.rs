//! `/da-luu`: the articles this browser keeps for reading without a connection (the service
//! worker keeps the last 20 opened; `server/src/service_worker.js`). Offline, an article that
//! is not among them leads here, with a notice.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_contract::{SavedArticle, SAVED_INDEX_PATH};

#[component]
pub fn SavedPage() -> impl IntoView {
    let query = use_query_map();
    let missed = move || query.read().get("ngoai-tuyen").is_some();
    let saved = LocalResource::new(saved_articles);
    view! {
        <Title text="Bài đã lưu để đọc khi không có mạng" />
        <Meta name="description" content="Các bài viết trình duyệt này đã lưu để đọc khi không có kết nối mạng." />
        <h1 class="page-title">"Bài đã lưu để đọc khi không có mạng"</h1>
        <Show when=missed>
            <p class="saved-notice" role="status">
                "Không có kết nối mạng, và bài bạn mở chưa được lưu trên máy này. Bạn có thể đọc các bài dưới đây."
            </p>
        </Show>
        <Suspense>
            {move || saved.get().map(|saved| if saved.is_empty() {
                view! {
                    <p class="empty">
                        "Chưa có bài nào được lưu. Những bài bạn mở (tối đa 20 bài gần nhất) được lưu tự động để đọc khi mất mạng."
                    </p>
                }.into_any()
            } else {
                view! {
                    <ul class="article-list">
                        {saved.into_iter().map(|article| view! {
                            <li><a href=article.path>{article.title}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </Suspense>
    }
}

/// What the service worker keeps; nothing where there is no worker (its first visit, or a
/// browser without one), which the server answers with a page, not this list.
async fn saved_articles() -> Vec<SavedArticle> {
    match gloo_net::http::Request::get(SAVED_INDEX_PATH).send().await {
        Ok(response) if response.ok() => response.json().await.unwrap_or_default(),
        _ => Vec::new(),
    }
}
