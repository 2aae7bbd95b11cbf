//! `/van-ban?q=&loai=&co-quan=&linh-vuc=&nam=&tinh-trang=&trang=`: the documents library,
//! searched by number and words and filtered by the values the server counts
//! (`/document-facets`); everything is in the address, so a filtered list can be shared and
//! back and forward work. `/van-ban/{slug}`: one document, its facts, body, files and
//! related documents.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::params::ParamsMap;
use portal_contract::documents::{document_title, Document, DocumentFacets, DocumentFile};
use portal_contract::limits::{DEFAULT_PER_PAGE, QUERY_MAX_CHARS};
use portal_contract::time::format_day;
use portal_contract::{format_file_size, group_digits};

use crate::api::{self, ApiFailure, DocumentCriteria};
use crate::components::document_list::{status_badge, DocumentList};
use crate::components::filter_select::FilterSelect;
use crate::components::pagination::{requested_page, Pagination};
use crate::components::share::ShareActions;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::reading_view;
use crate::urls::{self, document_href, documents_filtered_href, documents_href, DOCUMENT_FILTERS};

type Facets = LocalResource<Result<DocumentFacets, ApiFailure>>;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let query = use_query_map();
    let documents = LocalResource::new(move || {
        let query = query.read();
        let (criteria, page) = (requested_criteria(&query), requested_page(&query));
        async move { api::documents(&criteria, page, DEFAULT_PER_PAGE).await }
    });
    let facets: Facets = LocalResource::new(api::document_facets);
    view! {
        <Title text="Văn bản" />
        <Meta name="description" content="Văn bản của huyện Bình Liêu: quyết định, kế hoạch, thông báo, công văn…, tra cứu theo số ký hiệu, loại, cơ quan ban hành, lĩnh vực, năm và tình trạng hiệu lực." />
        <h1 class="page-title">"Văn bản"</h1>
        <DocumentFilters query facets />
        <section class="document-results" aria-labelledby="document-results-heading">
            <h2 id="document-results-heading" class="visually-hidden">"Danh sách văn bản"</h2>
            {loaded(documents, Fit::page(10), move |list| {
                let current = list.page;
                let count = list.page_count();
                let shown = requested_criteria(&query.read_untracked());
                if list.items.is_empty() {
                    let beyond_the_end = current > 1;
                    return view! { <NoDocuments criteria=shown beyond_the_end /> }.into_any();
                }
                view! {
                    <p class="list-total" role="status">
                        {format!("{} văn bản", group_digits(list.total))}
                        {(count > 1).then(|| format!(" · Trang {current}/{count}"))}
                    </p>
                    <DocumentList documents=list.items />
                    <Pagination current count href=move |n| documents_href(&shown, n) />
                }
                .into_any()
            })}
        </section>
    }
}

/// What the address (`?q=&loai=&...`) asks for.
fn requested_criteria(query: &ParamsMap) -> DocumentCriteria {
    DocumentCriteria::from_values(DOCUMENT_FILTERS.map(|name| query.get(name).unwrap_or_default()))
}

/// The search box and a select per filter, filled from the address; submitting changes the
/// address. Nothing happens on a select's change alone: the reader chooses, then asks.
#[component]
fn DocumentFilters(query: Memo<ParamsMap>, facets: Facets) -> impl IntoView {
    let values: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // Back and forward change the address: show what it says.
    Effect::new(move |_| {
        let current = requested_criteria(&query.read());
        for (value, shown) in values.iter().zip(current.values()) {
            value.set(shown.to_string());
        }
    });
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wanted = DocumentCriteria::from_values(values.map(|value| value.get_untracked()));
        navigate(&documents_href(&wanted, 1), Default::default());
    };
    let [text, kind, issuer, field, year, status] = values;
    // Each filter's choices as (slug, words shown), once the counts have arrived.
    let choices = move |pick: fn(DocumentFacets) -> Vec<(String, String)>| {
        Signal::derive(move || {
            facets
                .get()
                .and_then(Result::ok)
                .map(pick)
                .unwrap_or_default()
        })
    };
    view! {
        <form
            class="search-form document-filters"
            role="search"
            aria-label="Tìm văn bản"
            action=urls::DOCUMENTS
            method="get"
            on:submit=submit
        >
            <div class="field field-wide">
                <label for="document-text">"Số ký hiệu hoặc từ khóa"</label>
                <input
                    id="document-text"
                    type="search"
                    name=DOCUMENT_FILTERS[0]
                    maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            <FilterSelect id="document-kind" name=DOCUMENT_FILTERS[1] label="Loại văn bản" all="Tất cả các loại" value=kind
                choices=choices(|facets| facets.types.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-issuer" name=DOCUMENT_FILTERS[2] label="Cơ quan ban hành" all="Tất cả cơ quan" value=issuer
                choices=choices(|facets| facets.issuers.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-field" name=DOCUMENT_FILTERS[3] label="Lĩnh vực" all="Tất cả lĩnh vực" value=field
                choices=choices(|facets| facets.fields.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-year" name=DOCUMENT_FILTERS[4] label="Năm ban hành" all="Tất cả các năm" value=year
                choices=choices(|facets| facets.years.into_iter().map(|y| (y.year.to_string(), counted(y.year.to_string(), y.count))).collect()) />
            <FilterSelect id="document-status" name=DOCUMENT_FILTERS[5] label="Tình trạng" all="Mọi tình trạng" value=status
                choices=choices(|facets| facets.statuses.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <div class="field field-actions">
                <button type="submit" class="button">"Tìm văn bản"</button>
                {move || {
                    let filtered = !requested_criteria(&query.read()).is_empty();
                    filtered.then(|| view! { <a class="reset-link" href=urls::DOCUMENTS>"Bỏ mọi điều kiện"</a> })
                }}
            </div>
        </form>
    }
}

/// A filter's value as its option shows it: `Quyết định (12)`.
fn counted(name: String, count: u64) -> String {
    format!("{name} ({})", group_digits(count))
}

#[component]
fn NoDocuments(criteria: DocumentCriteria, beyond_the_end: bool) -> impl IntoView {
    if beyond_the_end {
        return view! {
            <p class="empty">"Trang này không có văn bản. "
                <a href=documents_href(&criteria, 1)>"Về trang đầu"</a></p>
        }
        .into_any();
    }
    view! {
        <div class="no-results" role="status">
            <p>"Không có văn bản nào phù hợp với điều kiện tìm kiếm."</p>
            <ul>
                <li>"Có thể gõ số ký hiệu theo nhiều cách: “125/QĐ-UBND”, “125 qd” hay chỉ “125”."</li>
                <li>"Bỏ bớt điều kiện lọc, hoặc " <a href=urls::DOCUMENTS>"xem tất cả văn bản"</a> "."</li>
            </ul>
        </div>
    }
    .into_any()
}

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let document = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        async move { api::document(&slug).await }
    });
    reading_view::hand_over_when_loaded(document);
    view! { {loaded(document, Fit::page(8), |document| view! { <DocumentView document /> })} }
}

/// The page of one document. Its markup is copied by the server's reading view
/// (`server/src/reading_view.rs`); `tests/e2e/reading-view-drift.spec.ts` compares the two.
#[component]
fn DocumentView(document: Document) -> impl IntoView {
    let title = document_title(&document.kind, &document.number);
    let path = document_href(&document.slug);
    let address = urls::absolute(&path);
    let share_title = title.clone();
    let date = |day: chrono::NaiveDate| {
        view! { <time datetime=day.to_string()>{format_day(day)}</time> }.into_any()
    };
    let filtered = |name: &str, slug: &str, text: String| {
        view! { <a href=documents_filtered_href(name, slug)>{text}</a> }.into_any()
    };
    let replaced_by = document.status.replaced_by.clone().map(|newer| {
        view! { " bởi " <a href=document_href(&newer.slug)>{newer.number}</a> }
    });
    // One row's markup for every fact: the values differ, the code does not.
    let facts: [(&str, AnyView); 9] = [
        ("Số ký hiệu", document.number.clone().into_any()),
        (
            "Loại văn bản",
            filtered(
                DOCUMENT_FILTERS[1],
                &document.kind.slug,
                document.kind.name.clone(),
            ),
        ),
        (
            "Cơ quan ban hành",
            filtered(
                DOCUMENT_FILTERS[2],
                &document.issuer.slug,
                document.issuer.name.clone(),
            ),
        ),
        ("Người ký", document.signer.clone().into_any()),
        ("Ngày ban hành", date(document.issued_on)),
        // Without its own date, a document takes effect when it is issued.
        (
            "Ngày hiệu lực",
            date(document.effective_on.unwrap_or(document.issued_on)),
        ),
        (
            "Ngày hết hiệu lực",
            document
                .expires_on
                .map_or_else(|| "Không xác định".into_any(), date),
        ),
        (
            "Lĩnh vực",
            filtered(
                DOCUMENT_FILTERS[3],
                &document.field.slug,
                document.field.name.clone(),
            ),
        ),
        (
            "Tình trạng",
            view! { {status_badge(&document.status)}{replaced_by} }.into_any(),
        ),
    ];
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=document.summary.clone() />
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>
                <li><a href=urls::HOME>"Trang chủ"</a></li>
                <li><a href=urls::DOCUMENTS>"Văn bản"</a></li>
            </ol>
        </nav>
        <article class="document">
            <h1 class="article-title">{title}</h1>
            <p class="article-summary">{document.summary}</p>
            <dl class="document-facts">
                {facts
                    .into_iter()
                    .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
                    .collect_view()}
            </dl>
            // The server sanitized this HTML with an allowlist before storing it.
            {document.body_html.map(|body| view! { <div class="article-body" inner_html=body></div> })}
            {(!document.files.is_empty()).then(|| view! { <DocumentFiles files=document.files /> })}
            {(!document.relations.is_empty()).then(|| view! {
                <section class="document-relations" aria-labelledby="document-relations-heading">
                    <h2 id="document-relations-heading" class="section-heading">"Văn bản liên quan"</h2>
                    <ul class="document-relation-list">
                        {document.relations.into_iter().map(|relation| view! {
                            <li>
                                <span class="document-relation-kind">{format!("{}:", relation.label)}</span>
                                " " <a href=document_href(&relation.slug)>{relation.number}</a>
                                " " <span class="document-relation-summary">{relation.summary}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <ShareActions title=share_title url=address label="Chia sẻ văn bản" />
        </article>
        <UsefulQuestion page=path />
    }
}

/// The attached files, each a download link saying its type and size.
#[component]
fn DocumentFiles(files: Vec<DocumentFile>) -> impl IntoView {
    view! {
        <section class="document-files" aria-labelledby="document-files-heading">
            <h2 id="document-files-heading" class="section-heading">"Tệp đính kèm"</h2>
            <ul class="document-file-list">
                {files.into_iter().map(|file| view! {
                    <li>
                        <span class="document-file-name">{file.name.clone()}</span>
                        " "
                        // `download`: the router leaves the link to the browser, which saves the file.
                        <a class="button button-small" href=file.url download="">
                            {format!("Tải về ({}, {})", file.format, format_file_size(file.size))}
                            <span class="visually-hidden">{format!(": {}", file.name)}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
