//! `/tim-kiem?q=&chuyen-muc=&tu-ngay=&den-ngay=&trang=`: search by content, category and
//! date. Everything is in the address, so back and forward work and a search can be shared.
//! The words also search the documents library: its first hits follow the articles, with a
//! link to all of them on `/van-ban`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_contract::documents::DocumentSummary;
use portal_contract::limits::{DEFAULT_PER_PAGE, QUERY_MAX_CHARS};
use portal_contract::{format_display, group_digits, ArticleSummary, Paged};

use crate::api::{self, DocumentCriteria, SearchCriteria};
use crate::components::document_list::DocumentList;
use crate::components::highlight::{marked, plain};
use crate::components::pagination::{requested_page, Pagination};
use crate::components::status::{loaded, Fit};
use crate::site::use_site;
use crate::urls::{self, article_href, documents_href, search_href};

/// Documents shown under the articles; the rest are a link away.
const DOCUMENT_HITS: u32 = 3;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let criteria = Memo::new(move |_| {
        let query = query.read();
        let get = |name: &str| query.get(name).unwrap_or_default();
        SearchCriteria {
            text: get("q"),
            category: get("chuyen-muc"),
            from: get("tu-ngay"),
            to: get("den-ngay"),
        }
    });
    let page = Memo::new(move |_| requested_page(&query.read()));
    let results = LocalResource::new(move || {
        let (criteria, page) = (criteria.get(), page.get());
        async move {
            if criteria.is_empty() {
                return Ok(None);
            }
            api::search(&criteria, page, DEFAULT_PER_PAGE)
                .await
                .map(Some)
        }
    });
    let text = Memo::new(move |_| criteria.read().text.trim().to_string());
    // The same kind of answer as the library's list (so the same code loads it); no words, no
    // documents: an empty page, and no section.
    let documents = LocalResource::new(move || {
        let text = text.get();
        async move {
            if text.is_empty() {
                return Ok(Paged {
                    items: Vec::new(),
                    page: 1,
                    per_page: DOCUMENT_HITS,
                    total: 0,
                });
            }
            let criteria = DocumentCriteria {
                text,
                ..Default::default()
            };
            api::documents(&criteria, 1, DOCUMENT_HITS).await
        }
    });
    let title = move || {
        let text = text.get();
        if text.is_empty() {
            "Tìm kiếm".to_string()
        } else {
            format!("Tìm kiếm: {text}")
        }
    };
    view! {
        <Title text=title />
        <Meta name="description" content="Tìm tin bài theo chuyên mục, nội dung và ngày tháng, gõ có dấu hoặc không dấu." />
        <h1 class="page-title">"Tìm kiếm"</h1>
        <SearchForm criteria />
        <section class="search-results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">"Kết quả tìm kiếm"</h2>
            {loaded(results, Fit::page(6), move |found| match found {
                None => view! {
                    <p class="hint">
                        "Nhập từ khóa (có thể gõ không dấu, ví dụ “quoc phong”), chọn chuyên mục hoặc khoảng thời gian để tìm bài viết."
                    </p>
                }
                .into_any(),
                Some(list) if list.total == 0 => view! { <NoResults criteria=criteria.get_untracked() /> }.into_any(),
                Some(list) => {
                    let current = list.page;
                    let count = list.page_count();
                    let shown = criteria.get_untracked();
                    view! {
                        <p class="list-total" role="status">
                            {format!("Tìm thấy {} kết quả", list.total)}
                            {(count > 1).then(|| format!(" · Trang {current}/{count}"))}
                        </p>
                        <ol class="article-list search-hits">
                            {list.items.into_iter().map(|hit| view! { <li><SearchHit hit /></li> }).collect_view()}
                        </ol>
                        <Pagination current count href=move |n| search_href(&shown, n) />
                    }
                    .into_any()
                }
            })}
        </section>
        {loaded(documents, Fit::Block { lines: 3, missing: "" }, move |list| {
            let text = text.get_untracked();
            (!text.is_empty()).then(|| {
                let criteria = DocumentCriteria { text, ..Default::default() };
                view! { <DocumentHits criteria list /> }
            })
        })}
    }
}

/// The documents the words find: the first few, and a link to all of them.
#[component]
fn DocumentHits(criteria: DocumentCriteria, list: Paged<DocumentSummary>) -> impl IntoView {
    let total = list.total;
    view! {
        <section class="search-documents" aria-labelledby="document-hits-heading">
            <h2 id="document-hits-heading" class="section-heading">"Văn bản"</h2>
            {if total == 0 {
                view! { <p class="empty">{format!("Không có văn bản nào có “{}”.", criteria.text)}</p> }.into_any()
            } else {
                view! {
                    <DocumentList documents=list.items />
                    <p class="more-link">
                        <a href=documents_href(&criteria, 1)>{format!("Xem tất cả {} văn bản tìm được ›", group_digits(total))}</a>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}

/// The search form, filled from the address; submitting changes the address.
#[component]
fn SearchForm(criteria: Memo<SearchCriteria>) -> impl IntoView {
    let site = use_site();
    let text = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<&'static str>);
    // Back and forward change the address: show what it says.
    Effect::new(move |_| {
        let current = criteria.get();
        text.set(current.text);
        category.set(current.category);
        from.set(current.from);
        to.set(current.to);
        date_error.set(None);
    });
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wanted = SearchCriteria {
            text: text.get_untracked(),
            category: category.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
        };
        // ISO dates compare correctly as text.
        if !wanted.from.is_empty() && !wanted.to.is_empty() && wanted.from > wanted.to {
            date_error.set(Some("“Từ ngày” phải trước hoặc trùng “Đến ngày”."));
            return;
        }
        date_error.set(None);
        navigate(&search_href(&wanted, 1), Default::default());
    };
    let categories = move || {
        site.get()
            .and_then(Result::ok)
            .map(|site| site.menu)
            .unwrap_or_default()
    };
    let describe_dates = move || date_error.get().map(|_| "date-error");
    view! {
        <form class="search-form" role="search" action=urls::SEARCH method="get" on:submit=submit>
            <div class="field field-wide">
                <label for="search-text">"Từ khóa"</label>
                <input
                    id="search-text"
                    type="search"
                    name="q"
                    maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="search-category">"Chuyên mục"</label>
                <select
                    id="search-category"
                    name="chuyen-muc"
                    prop:value=move || category.get()
                    on:change=move |event| category.set(event_target_value(&event))
                >
                    <option value="">"Tất cả chuyên mục"</option>
                    {move || {
                        categories()
                            .into_iter()
                            .map(|item| {
                                let selected = category.get_untracked() == item.slug;
                                view! { <option value=item.slug selected=selected>{item.name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="search-from">"Từ ngày"</label>
                <input
                    id="search-from"
                    type="date"
                    name="tu-ngay"
                    aria-describedby=describe_dates
                    aria-invalid=move || date_error.get().map(|_| "true")
                    prop:value=move || from.get()
                    on:input=move |event| from.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="search-to">"Đến ngày"</label>
                <input
                    id="search-to"
                    type="date"
                    name="den-ngay"
                    aria-describedby=describe_dates
                    aria-invalid=move || date_error.get().map(|_| "true")
                    prop:value=move || to.get()
                    on:input=move |event| to.set(event_target_value(&event))
                />
            </div>
            <p id="date-error" class="field-error" role="alert" hidden=move || date_error.get().is_none()>
                {move || date_error.get().unwrap_or_default()}
            </p>
            <div class="field field-actions">
                <button type="submit" class="button">"Tìm kiếm"</button>
            </div>
        </form>
    }
}

#[component]
fn SearchHit(hit: ArticleSummary) -> impl IntoView {
    let (title, snippet) = match hit.highlight {
        Some(highlight) => (highlight.title, highlight.snippet),
        None => (plain(hit.title.clone()), plain(hit.summary.clone())),
    };
    view! {
        <article class="article-card">
            <h3 class="article-card-title">
                <a href=article_href(&hit.slug)>{marked(title)}</a>
            </h3>
            <p class="article-meta">
                <time datetime=hit.published_at.to_rfc3339()>{format_display(&hit.published_at)}</time>
                " · " {hit.category.name}
            </p>
            <p class="article-card-summary">{marked(snippet)}</p>
        </article>
    }
}

#[component]
fn NoResults(criteria: SearchCriteria) -> impl IntoView {
    let text = criteria.text.trim().to_string();
    let filtered =
        !criteria.category.is_empty() || !criteria.from.is_empty() || !criteria.to.is_empty();
    view! {
        <div class="no-results" role="status">
            <p>
                {if text.is_empty() {
                    "Không có bài viết nào phù hợp với điều kiện tìm kiếm.".to_string()
                } else {
                    format!("Không tìm thấy bài viết nào có “{text}”.")
                }}
            </p>
            <ul>
                <li>"Kiểm tra lại chính tả, hoặc thử từ khóa ngắn hơn, ít từ hơn."</li>
                <li>"Có thể gõ không dấu: “dong van” tìm được “Đồng Văn”."</li>
                {filtered.then(|| {
                    let without_filters = SearchCriteria { text: criteria.text.clone(), ..Default::default() };
                    view! {
                        <li>
                            "Bỏ bớt điều kiện chuyên mục hoặc ngày: "
                            <a href=search_href(&without_filters, 1)>"tìm trong mọi chuyên mục và thời gian"</a>
                            "."
                        </li>
                    }
                })}
                <li><a href=urls::HOME>"Xem tin mới nhất trên trang chủ"</a></li>
            </ul>
        </div>
    }
}
