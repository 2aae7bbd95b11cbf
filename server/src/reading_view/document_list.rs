//! The documents library (`DocumentsPage` in `src/pages/documents.rs`): the filters' form
//! holding the address's choices with their counts, the total, the page of documents and the
//! page links.

use portal_contract::documents::{
    documents_href, DocumentCriteria, DocumentFacets, DocumentSummary, FacetCount,
    DOCUMENTS_PAGE_PATH, DOCUMENT_FILTERS,
};
use portal_contract::limits::QUERY_MAX_CHARS;
use portal_contract::{format_count, Lang, Paged, Site, Texts, READING_VIEW_ID};

use super::header::vietnamese_header;
use super::parts::{document_card, encode, filter_select, list_total, pagination};
use crate::html::escape;

/// The documents library: what its address asks and what the API answers to it.
pub struct DocumentsContent {
    pub criteria: DocumentCriteria,
    pub list: Paged<DocumentSummary>,
    /// The values each filter can take, with their counts.
    pub facets: DocumentFacets,
}

/// The documents library under the portal's name and menu.
pub fn render_documents(site: Option<&Site>, content: &DocumentsContent) -> String {
    let t = Lang::Vi.texts();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1>{form}\
         <section class=\"document-results\" aria-labelledby=\"document-results-heading\">\
         <h2 id=\"document-results-heading\" class=\"visually-hidden\">{list_heading}</h2>\
         {results}</section></main></div>",
        header = vietnamese_header(site),
        title = t.menu_documents,
        form = form(content, t),
        list_heading = t.documents_list_heading,
        results = results(content, t),
    )
}

/// The filters' form, which searches without the script too (a `GET` to the page).
fn form(content: &DocumentsContent, t: &Texts) -> String {
    let [text, kind, issuer, field, year, status] = DOCUMENT_FILTERS;
    let criteria = &content.criteria;
    let facets = &content.facets;
    // A value as its option shows it: `Quyết định (12)`.
    let choices = |facets: &[FacetCount]| -> Vec<(String, String)> {
        facets
            .iter()
            .map(|facet| (facet.slug.clone(), counted(&facet.name, facet.count)))
            .collect()
    };
    let years: Vec<(String, String)> = facets
        .years
        .iter()
        .map(|year| {
            (
                year.year.to_string(),
                counted(&year.year.to_string(), year.count),
            )
        })
        .collect();
    let select = |id: &str,
                  name: &str,
                  label: &str,
                  all: &str,
                  value: &str,
                  choices: &[(String, String)]| {
        filter_select(
            id,
            name,
            label,
            all,
            value,
            choices
                .iter()
                .map(|(slug, shown)| (slug.as_str(), shown.as_str())),
        )
    };
    let reset = if criteria.is_empty() {
        String::new()
    } else {
        format!(
            "<a class=\"reset-link\" href=\"{DOCUMENTS_PAGE_PATH}\">{}</a>",
            t.clear_filters
        )
    };
    format!(
        "<form class=\"search-form document-filters\" role=\"search\" aria-label=\"{label}\" \
         action=\"{DOCUMENTS_PAGE_PATH}\" method=\"get\">\
         <div class=\"field field-wide\"><label for=\"document-text\">{text_label}</label>\
         <input id=\"document-text\" type=\"search\" name=\"{text}\" maxlength=\"{QUERY_MAX_CHARS}\" value=\"{value}\"></div>\
         {kinds}{issuers}{fields}{years}{statuses}\
         <div class=\"field field-actions\"><button type=\"submit\" class=\"button\">{submit}</button>{reset}</div></form>",
        label = t.documents_search_label,
        text_label = t.documents_text_label,
        value = escape(&criteria.text),
        kinds = select("document-kind", kind, t.documents_kind, t.documents_all_kinds, &criteria.kind, &choices(&facets.types)),
        issuers = select("document-issuer", issuer, t.documents_issuer, t.documents_all_issuers, &criteria.issuer, &choices(&facets.issuers)),
        fields = select("document-field", field, t.field_label, t.all_fields, &criteria.field, &choices(&facets.fields)),
        years = select("document-year", year, t.documents_year, t.documents_all_years, &criteria.year, &years),
        statuses = select("document-status", status, t.status_label, t.documents_all_statuses, &criteria.status, &choices(&facets.statuses)),
        submit = t.documents_search_button,
    )
}

/// `Quyết định (12)`.
fn counted(name: &str, count: u64) -> String {
    format!("{name} ({})", format_count(Lang::Vi, count))
}

/// The total, the documents and the page links, or what to try when none match.
fn results(content: &DocumentsContent, t: &Texts) -> String {
    let (list, criteria) = (&content.list, &content.criteria);
    let (current, count) = (list.page, list.page_count());
    if list.items.is_empty() && current > 1 {
        return format!(
            "<p class=\"empty\">{}<a href=\"{}\">{}</a></p>",
            t.documents_page_empty,
            escape(&documents_href(criteria, 1, encode)),
            t.first_page
        );
    }
    if list.items.is_empty() {
        return format!(
            "<div class=\"no-results\" role=\"status\"><p>{}</p><ul><li>{}</li>\
             <li>{}<a href=\"{DOCUMENTS_PAGE_PATH}\">{}</a>.</li></ul></div>",
            t.documents_none, t.documents_tip_number, t.documents_tip_filters, t.documents_tip_all
        );
    }
    let cards: String = list
        .items
        .iter()
        .map(|document| format!("<li>{}</li>", document_card(document, t)))
        .collect();
    format!(
        "{total}<ul class=\"article-list document-list\">{cards}</ul>{pages}",
        total = list_total(
            t,
            list,
            list.total_text(
                t.documents_total_one,
                t.documents_total,
                t.documents_total_more
            ),
        ),
        pages = pagination(t, current, count, |page| documents_href(
            criteria, page, encode
        )),
    )
}
