//! `/tim-kiem?q=&chuyen-muc=&tu-ngay=&den-ngay=&trang=`: search by content, category and
//! date. Everything is in the address, so back and forward work and a search can be shared.
//! The words also search the documents library: its first hits follow the articles, with a
//! link to all of them on `/van-ban`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_contract::documents::DocumentSummary;
use portal_contract::limits::{DEFAULT_PER_PAGE, QUERY_MAX_CHARS};
use portal_contract::search_page::DOCUMENT_HITS;
use portal_contract::time::format_display_in;
use portal_contract::{fill, ArticleSummary, Lang, Paged};

use crate::api::{self, DocumentCriteria, SearchCriteria};
use crate::components::counts::number;
use crate::components::document_list::DocumentList;
use crate::components::highlight::{marked, plain};
use crate::components::pagination::{page_of, requested_page, Pagination};
use crate::components::status::{loaded, Fit};
use crate::i18n;
use crate::site::use_site;
use crate::urls::{documents_href, search_href};

#[component]
pub fn SearchPage() -> impl IntoView {
    // `/en/search` searches the English articles, and has no documents (all Vietnamese).
    let lang = i18n::lang();
    let t = lang.texts();
    let query = use_query_map();
    let criteria = Memo::new(move |_| {
        let query = query.read();
        SearchCriteria::from_address(lang, |name| query.get_str(name))
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
            if text.is_empty() || lang != Lang::Vi {
                return Ok(Paged {
                    items: Vec::new(),
                    page: 1,
                    per_page: DOCUMENT_HITS,
                    total: 0,
                    more_than_total: false,
                });
            }
            let criteria = DocumentCriteria {
                text,
                ..Default::default()
            };
            api::documents(&criteria, 1, DOCUMENT_HITS).await
        }
    });
    // The server's view of this page shows the hits, the documents and the form's categories:
    // it stays until all three are drawn.
    let site = use_site();
    crate::reading_view::hand_over_when(move || {
        results.read().is_some() && documents.read().is_some() && site.read().is_some()
    });
    let title = move || {
        let text = text.get();
        if text.is_empty() {
            t.search_title.to_string()
        } else {
            fill(t.search_title_with, &[("text", &text)])
        }
    };
    view! {
        <Title text=title />
        <Meta name="description" content=t.search_description />
        <h1 class="page-title">{t.search_title}</h1>
        <SearchForm criteria />
        <section class="search-results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{t.search_results_heading}</h2>
            {loaded(results, Fit::page(6), move |found| match found {
                None => view! {
                    <p class="hint">{t.search_hint}</p>
                }
                .into_any(),
                Some(list) if list.total == 0 => view! { <NoResults criteria=criteria.get_untracked() /> }.into_any(),
                Some(list) => {
                    let current = list.page;
                    let count = list.page_count();
                    let shown = criteria.get_untracked();
                    let found = list.total_text(t.search_found_one, t.search_found, t.search_found_more);
                    view! {
                        <p class="list-total" role="status">
                            {fill(found, &[("n", &number(list.total))])}
                            {page_of(t, current, count)}
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
            (!text.is_empty() && lang == Lang::Vi).then(|| {
                let criteria = DocumentCriteria { text, ..Default::default() };
                view! { <DocumentHits criteria list /> }
            })
        })}
    }
}

/// The documents the words find: the first few, and a link to all of them.
#[component]
fn DocumentHits(criteria: DocumentCriteria, list: Paged<DocumentSummary>) -> impl IntoView {
    let t = i18n::texts();
    let total = list.total;
    let all = list.total_text(
        t.search_all_documents,
        t.search_all_documents,
        t.search_all_documents_more,
    );
    view! {
        <section class="search-documents" aria-labelledby="document-hits-heading">
            <h2 id="document-hits-heading" class="section-heading">{t.menu_documents}</h2>
            {if total == 0 {
                view! { <p class="empty">{fill(t.search_no_documents, &[("text", &criteria.text)])}</p> }.into_any()
            } else {
                view! {
                    <DocumentList documents=list.items />
                    <p class="more-link">
                        <a href=documents_href(&criteria, 1)>{fill(all, &[("n", &number(total))])}</a>
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
    let t = i18n::texts();
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
            lang: criteria.get_untracked().lang,
        };
        // ISO dates compare correctly as text.
        if !wanted.from.is_empty() && !wanted.to.is_empty() && wanted.from > wanted.to {
            date_error.set(Some(t.search_date_order));
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
        <form class="search-form" role="search" action=search_href(&SearchCriteria { lang: criteria.get_untracked().lang, ..Default::default() }, 1) method="get" on:submit=submit>
            <div class="field field-wide">
                <label for="search-text">{t.keywords_label}</label>
                <input
                    id="search-text"
                    type="search"
                    name="q"
                    maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            // The English news has no categories of its own.
            {(criteria.get_untracked().lang == Lang::Vi).then(|| view! {
            <div class="field">
                <label for="search-category">{t.category_label}</label>
                <select
                    id="search-category"
                    name="chuyen-muc"
                    prop:value=move || category.get()
                    on:change=move |event| category.set(event_target_value(&event))
                >
                    <option value="">{t.all_categories}</option>
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
            })}
            <div class="field">
                <label for="search-from">{t.search_from}</label>
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
                <label for="search-to">{t.search_to}</label>
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
                <button type="submit" class="button">{t.search_submit}</button>
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
                <a href=i18n::lang().article_path(&hit.slug)>{marked(title)}</a>
            </h3>
            <p class="article-meta">
                <time datetime=hit.published_at.to_rfc3339()>{format_display_in(i18n::lang(), &hit.published_at)}</time>
                " · " {hit.category.name}
            </p>
            <p class="article-card-summary">{marked(snippet)}</p>
        </article>
    }
}

#[component]
fn NoResults(criteria: SearchCriteria) -> impl IntoView {
    let t = i18n::texts();
    let text = criteria.text.trim().to_string();
    let filtered =
        !criteria.category.is_empty() || !criteria.from.is_empty() || !criteria.to.is_empty();
    view! {
        <div class="no-results" role="status">
            <p>
                {if text.is_empty() {
                    t.search_no_results.to_string()
                } else {
                    fill(t.search_no_results_for, &[("text", &text)])
                }}
            </p>
            <ul>
                <li>{t.search_tip_spelling}</li>
                <li>{t.search_tip_tone_marks}</li>
                {filtered.then(|| {
                    let without_filters = SearchCriteria { text: criteria.text.clone(), lang: criteria.lang, ..Default::default() };
                    view! {
                        <li>
                            {t.search_tip_filters}
                            <a href=search_href(&without_filters, 1)>{t.search_tip_filters_link}</a>
                            "."
                        </li>
                    }
                })}
                <li><a href=criteria.lang.home()>{t.search_tip_latest}</a></li>
            </ul>
        </div>
    }
}
