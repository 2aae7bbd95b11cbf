//! Lists of documents (văn bản): rows with number, type, issue date, abstract and status (the
//! library and the search page), and short lists of links (the home page, the widget).

use leptos::prelude::*;
use portal_contract::documents::{DocumentStatusInfo, DocumentSummary};
use portal_contract::time::format_day_in;

use crate::components::highlight::{marked, plain};
use crate::urls::document_href;

/// A document's status as words, coloured by its class (`status-bi-thay-the`, ...): the
/// words carry the meaning, the colour only repeats it.
pub fn status_badge(status: &DocumentStatusInfo) -> impl IntoView {
    view! {
        <span class=format!("document-status status-{}", status.code.code())>{status.label.clone()}</span>
    }
}

/// One document in a list; a search hit's matched words are marked.
#[component]
pub fn DocumentCard(document: DocumentSummary) -> impl IntoView {
    let t = crate::i18n::texts();
    let issued = format_day_in(crate::i18n::lang(), document.issued_on);
    let (number, summary, snippet) = match document.highlight {
        Some(highlight) => (highlight.number, highlight.summary, highlight.snippet),
        None => (plain(document.number), plain(document.summary), Vec::new()),
    };
    // A passage of the body only where the searched words are in it.
    let snippet = snippet.iter().any(|part| part.matched).then_some(snippet);
    view! {
        <article class="document-card">
            <h3 class="document-card-title">
                <a href=document_href(&document.slug)>{marked(number)}</a>
            </h3>
            <p class="article-meta">
                {document.kind.name} {t.document_issued}
                <time datetime=document.issued_on.to_string()>{issued}</time>
                " · " {status_badge(&document.status)}
            </p>
            <p class="document-card-summary">{marked(summary)}</p>
            {snippet.map(|snippet| view! { <p class="document-card-snippet">"… " {marked(snippet)} " …"</p> })}
        </article>
    }
}

/// Documents as rows, or a sentence when there are none.
#[component]
pub fn DocumentList(documents: Vec<DocumentSummary>) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p class="empty">{crate::i18n::texts().no_documents}</p> }.into_any();
    }
    view! {
        <ul class="article-list document-list">
            {documents.into_iter().map(|document| view! { <li><DocumentCard document /></li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Documents as links, the number above the abstract, with the issue date.
#[component]
pub fn DocumentLinks(documents: Vec<DocumentSummary>) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p class="empty">{crate::i18n::texts().no_documents}</p> }.into_any();
    }
    let lang = crate::i18n::lang();
    view! {
        <ul class="article-list document-links">
            {documents
                .into_iter()
                .map(|document| view! {
                    <li>
                        <a class="document-link" href=document_href(&document.slug)>
                            <span class="document-link-number">{document.number}</span>
                            " " {document.summary}
                        </a>
                        <p class="article-meta">
                            <time datetime=document.issued_on.to_string()>{format_day_in(lang, document.issued_on)}</time>
                        </p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
