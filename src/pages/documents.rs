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
use portal_contract::time::format_day_in;
use portal_contract::{fill, format_file_size};

use crate::api::{self, ApiFailure, DocumentCriteria};
use crate::components::counts::number;
use crate::components::document_list::{status_badge, DocumentList};
use crate::components::filter_select::FilterSelect;
use crate::components::pagination::{page_of, requested_page, Pagination};
use crate::components::share::ShareActions;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::reading_view;
use crate::urls::{self, document_href, documents_filtered_href, documents_href, DOCUMENT_FILTERS};

type Facets = LocalResource<Result<DocumentFacets, ApiFailure>>;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let query = use_query_map();
    let documents = LocalResource::new(move || {
        let query = query.read();
        let (criteria, page) = (requested_criteria(&query), requested_page(&query));
        async move { api::documents(&criteria, page, DEFAULT_PER_PAGE).await }
    });
    let facets: Facets = LocalResource::new(api::document_facets);
    // The server's view of this page shows the list and the filters' counts: it stays until
    // both are drawn.
    reading_view::hand_over_when(move || documents.read().is_some() && facets.read().is_some());
    view! {
        <Title text=t.menu_documents />
        <Meta name="description" content=t.documents_description />
        <h1 class="page-title">{t.menu_documents}</h1>
        <DocumentFilters query facets />
        <section class="document-results" aria-labelledby="document-results-heading">
            <h2 id="document-results-heading" class="visually-hidden">{t.documents_list_heading}</h2>
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
                        {fill(list.total_text(t.documents_total_one, t.documents_total, t.documents_total_more), &[("n", &number(list.total))])}
                        {page_of(t, current, count)}
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
    let t = crate::i18n::texts();
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
            aria-label=t.documents_search_label
            action=urls::DOCUMENTS
            method="get"
            on:submit=submit
        >
            <div class="field field-wide">
                <label for="document-text">{t.documents_text_label}</label>
                <input
                    id="document-text"
                    type="search"
                    name=DOCUMENT_FILTERS[0]
                    maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            <FilterSelect id="document-kind" name=DOCUMENT_FILTERS[1] label=t.documents_kind all=t.documents_all_kinds value=kind
                choices=choices(|facets| facets.types.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-issuer" name=DOCUMENT_FILTERS[2] label=t.documents_issuer all=t.documents_all_issuers value=issuer
                choices=choices(|facets| facets.issuers.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-field" name=DOCUMENT_FILTERS[3] label=t.field_label all=t.all_fields value=field
                choices=choices(|facets| facets.fields.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <FilterSelect id="document-year" name=DOCUMENT_FILTERS[4] label=t.documents_year all=t.documents_all_years value=year
                choices=choices(|facets| facets.years.into_iter().map(|y| (y.year.to_string(), counted(y.year.to_string(), y.count))).collect()) />
            <FilterSelect id="document-status" name=DOCUMENT_FILTERS[5] label=t.status_label all=t.documents_all_statuses value=status
                choices=choices(|facets| facets.statuses.into_iter().map(|c| (c.slug, counted(c.name, c.count))).collect()) />
            <div class="field field-actions">
                <button type="submit" class="button">{t.documents_search_button}</button>
                {move || {
                    let filtered = !requested_criteria(&query.read()).is_empty();
                    filtered.then(|| view! { <a class="reset-link" href=urls::DOCUMENTS>{t.clear_filters}</a> })
                }}
            </div>
        </form>
    }
}

/// A filter's value as its option shows it: `Quyết định (12)`.
fn counted(name: String, count: u64) -> String {
    format!("{name} ({})", number(count))
}

#[component]
fn NoDocuments(criteria: DocumentCriteria, beyond_the_end: bool) -> impl IntoView {
    let t = crate::i18n::texts();
    if beyond_the_end {
        return view! {
            <p class="empty">{t.documents_page_empty}
                <a href=documents_href(&criteria, 1)>{t.first_page}</a></p>
        }
        .into_any();
    }
    view! {
        <div class="no-results" role="status">
            <p>{t.documents_none}</p>
            <ul>
                <li>{t.documents_tip_number}</li>
                <li>{t.documents_tip_filters} <a href=urls::DOCUMENTS>{t.documents_tip_all}</a> "."</li>
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
    let t = crate::i18n::texts();
    let lang = crate::i18n::lang();
    let title = document_title(&document.kind, &document.number);
    let path = document_href(&document.slug);
    let address = urls::absolute(&path);
    let share_title = title.clone();
    let date = |day: chrono::NaiveDate| {
        view! { <time datetime=day.to_string()>{format_day_in(lang, day)}</time> }.into_any()
    };
    let filtered = |name: &str, slug: &str, text: String| {
        view! { <a href=documents_filtered_href(name, slug)>{text}</a> }.into_any()
    };
    let replaced_by = document.status.replaced_by.clone().map(|newer| {
        view! { {t.document_replaced_by} <a href=document_href(&newer.slug)>{newer.number}</a> }
    });
    // One row's markup for every fact: the values differ, the code does not.
    let facts: [(&str, AnyView); 9] = [
        (t.document_number, document.number.clone().into_any()),
        (
            t.documents_kind,
            filtered(
                DOCUMENT_FILTERS[1],
                &document.kind.slug,
                document.kind.name.clone(),
            ),
        ),
        (
            t.documents_issuer,
            filtered(
                DOCUMENT_FILTERS[2],
                &document.issuer.slug,
                document.issuer.name.clone(),
            ),
        ),
        (t.document_signer, document.signer.clone().into_any()),
        (t.document_issued_on, date(document.issued_on)),
        // Without its own date, a document takes effect when it is issued.
        (
            t.document_effective_on,
            date(document.effective_on.unwrap_or(document.issued_on)),
        ),
        (
            t.document_expires_on,
            document
                .expires_on
                .map_or_else(|| t.document_no_expiry.into_any(), date),
        ),
        (
            t.field_label,
            filtered(
                DOCUMENT_FILTERS[3],
                &document.field.slug,
                document.field.name.clone(),
            ),
        ),
        (
            t.status_label,
            view! { {status_badge(&document.status)}{replaced_by} }.into_any(),
        ),
    ];
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=document.summary.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb_label>
            <ol>
                <li><a href=urls::HOME>{t.menu_home}</a></li>
                <li><a href=urls::DOCUMENTS>{t.menu_documents}</a></li>
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
                    <h2 id="document-relations-heading" class="section-heading">{t.document_related}</h2>
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
            <ShareActions title=share_title url=address label=t.document_share />
        </article>
        <UsefulQuestion page=path />
    }
}

/// The attached files, each a download link saying its type and size.
#[component]
fn DocumentFiles(files: Vec<DocumentFile>) -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <section class="document-files" aria-labelledby="document-files-heading">
            <h2 id="document-files-heading" class="section-heading">{t.document_files}</h2>
            <ul class="document-file-list">
                {files.into_iter().map(|file| view! {
                    <li>
                        <span class="document-file-name">{file.name.clone()}</span>
                        " "
                        // `download`: the router leaves the link to the browser, which saves the file.
                        <a class="button button-small" href=file.url download="">
                            {fill(t.document_download, &[("format", &file.format), ("size", &format_file_size(file.size))])}
                            <span class="visually-hidden">{format!(": {}", file.name)}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
