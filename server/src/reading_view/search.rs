//! The search page's reading view, as the app draws it (`src/pages/search.rs`): the form
//! filled with the address's criteria (it searches without the script too: its `GET` is the
//! page's own address), the page of hits with their matched words marked, the page links, and
//! in Vietnamese the first documents the words find.

use portal_contract::documents::{documents_href, DocumentCriteria, DocumentSummary};
use portal_contract::i18n::counterpart_page;
use portal_contract::limits::QUERY_MAX_CHARS;
use portal_contract::paging::page_of;
use portal_contract::search_page::SearchCriteria;
use portal_contract::time::format_display_in;
use portal_contract::{
    fill, format_count, ArticleSummary, Lang, Paged, Site, Texts, READING_VIEW_ID,
};

use super::header::{header, switch_target};
use super::parts::{document_card, encode, filter_select, marked, pagination};
use crate::html::escape;

/// A search page: what its address asks and what the API answers to it.
pub struct SearchContent {
    pub criteria: SearchCriteria,
    /// The page of hits; `None` when the address asks nothing (the page then shows a hint).
    pub results: Option<Paged<ArticleSummary>>,
    /// The first documents the words find; `None` without words, or in English.
    pub documents: Option<Paged<DocumentSummary>>,
}

/// The search page under the portal's name and menu.
pub fn render_search(site: Option<&Site>, search: &SearchContent) -> String {
    let criteria = &search.criteria;
    let lang = criteria.lang;
    let t = lang.texts();
    let results = match &search.results {
        None => format!("<p class=\"hint\">{}</p>", t.search_hint),
        Some(list) if list.total == 0 => no_results(criteria, t),
        Some(list) => hits(criteria, list, t),
    };
    let documents = search
        .documents
        .as_ref()
        .map(|list| document_hits(criteria, list, t))
        .unwrap_or_default();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1>{form}\
         <section class=\"search-results\" aria-labelledby=\"results-heading\">\
         <h2 id=\"results-heading\" class=\"visually-hidden\">{results_heading}</h2>{results}</section>\
         {documents}</main></div>",
        header = header(
            site,
            lang,
            &switch_target(lang, counterpart_page(criteria.path()))
        ),
        title = t.search_title,
        form = form(site, criteria, t),
        results_heading = t.search_results_heading,
    )
}

/// The app's `SearchForm`, its fields holding the criteria.
fn form(site: Option<&Site>, criteria: &SearchCriteria, t: &Texts) -> String {
    let [text, category, from, to] = SearchCriteria::PARAMS;
    let categories = match criteria.lang {
        // The English news has no categories of its own.
        Lang::En => String::new(),
        Lang::Vi => filter_select(
            "search-category",
            category,
            t.category_label,
            t.all_categories,
            &criteria.category,
            site.map_or(&[][..], |site| &site.menu)
                .iter()
                .map(|item| (item.slug.as_str(), item.name.as_str())),
        ),
    };
    let date = |id: &str, name: &str, label: &str, value: &str| {
        format!(
            "<div class=\"field\"><label for=\"{id}\">{label}</label>\
             <input id=\"{id}\" type=\"date\" name=\"{name}\" value=\"{}\"></div>",
            escape(value)
        )
    };
    format!(
        "<form class=\"search-form\" role=\"search\" action=\"{action}\" method=\"get\">\
         <div class=\"field field-wide\"><label for=\"search-text\">{keywords}</label>\
         <input id=\"search-text\" type=\"search\" name=\"{text}\" maxlength=\"{QUERY_MAX_CHARS}\" value=\"{value}\"></div>\
         {categories}{from}{to}\
         <p id=\"date-error\" class=\"field-error\" role=\"alert\" hidden></p>\
         <div class=\"field field-actions\"><button type=\"submit\" class=\"button\">{submit}</button></div></form>",
        action = criteria.path(),
        keywords = t.keywords_label,
        value = escape(&criteria.text),
        from = date("search-from", from, t.search_from, &criteria.from),
        to = date("search-to", to, t.search_to, &criteria.to),
        submit = t.search_submit,
    )
}

/// The total, the page of hits and the page links.
fn hits(criteria: &SearchCriteria, list: &Paged<ArticleSummary>, t: &Texts) -> String {
    let lang = criteria.lang;
    let (current, count) = (list.page, list.page_count());
    let found = list.total_text(t.search_found_one, t.search_found, t.search_found_more);
    let items: String = list
        .items
        .iter()
        .map(|hit| format!("<li>{}</li>", hit_card(hit, lang)))
        .collect();
    format!(
        "<p class=\"list-total\" role=\"status\">{found}{page_of}</p>\
         <ol class=\"article-list search-hits\">{items}</ol>{pages}",
        found = escape(&fill(found, &[("n", &format_count(lang, list.total))])),
        page_of = escape(&page_of(t, current, count).unwrap_or_default()),
        pages = pagination(t, current, count, |page| criteria.href(page, encode)),
    )
}

/// One hit, as the app's `SearchHit`: its title and a passage with the words marked.
fn hit_card(hit: &ArticleSummary, lang: Lang) -> String {
    let (title, snippet) = match &hit.highlight {
        Some(highlight) => (marked(&highlight.title), marked(&highlight.snippet)),
        None => (escape(&hit.title), escape(&hit.summary)),
    };
    format!(
        "<article class=\"article-card\"><h3 class=\"article-card-title\"><a href=\"{href}\">{title}</a></h3>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{time}</time> · {category}</p>\
         <p class=\"article-card-summary\">{snippet}</p></article>",
        href = escape(&lang.article_path(&hit.slug)),
        datetime = hit.published_at.to_rfc3339(),
        time = format_display_in(lang, &hit.published_at),
        category = escape(&hit.category.name),
    )
}

/// The app's `NoResults`: what to try instead.
fn no_results(criteria: &SearchCriteria, t: &Texts) -> String {
    let text = criteria.text.trim();
    let said = if text.is_empty() {
        t.search_no_results.to_string()
    } else {
        fill(t.search_no_results_for, &[("text", text)])
    };
    let filtered =
        !criteria.category.is_empty() || !criteria.from.is_empty() || !criteria.to.is_empty();
    let without_filters = if filtered {
        let unfiltered = SearchCriteria {
            text: criteria.text.clone(),
            lang: criteria.lang,
            ..Default::default()
        };
        format!(
            "<li>{}<a href=\"{}\">{}</a>.</li>",
            t.search_tip_filters,
            escape(&unfiltered.href(1, encode)),
            t.search_tip_filters_link
        )
    } else {
        String::new()
    };
    format!(
        "<div class=\"no-results\" role=\"status\"><p>{said}</p><ul>\
         <li>{spelling}</li><li>{tone_marks}</li>{without_filters}\
         <li><a href=\"{home}\">{latest}</a></li></ul></div>",
        said = escape(&said),
        spelling = t.search_tip_spelling,
        tone_marks = t.search_tip_tone_marks,
        home = criteria.lang.home(),
        latest = t.search_tip_latest,
    )
}

/// The app's `DocumentHits`: the first documents the words find and a link to all of them.
fn document_hits(criteria: &SearchCriteria, list: &Paged<DocumentSummary>, t: &Texts) -> String {
    let text = criteria.text.trim();
    let content = if list.total == 0 {
        format!(
            "<p class=\"empty\">{}</p>",
            escape(&fill(t.search_no_documents, &[("text", text)]))
        )
    } else {
        let cards: String = list
            .items
            .iter()
            .map(|document| format!("<li>{}</li>", document_card(document, t)))
            .collect();
        format!(
            "<ul class=\"article-list document-list\">{cards}</ul>\
             <p class=\"more-link\"><a href=\"{href}\">{all}</a></p>",
            href = escape(&documents_href(
                &DocumentCriteria {
                    text: text.to_string(),
                    ..Default::default()
                },
                1,
                encode
            )),
            all = escape(&fill(
                list.total_text(
                    t.search_all_documents,
                    t.search_all_documents,
                    t.search_all_documents_more
                ),
                &[("n", &format_count(Lang::Vi, list.total))]
            )),
        )
    };
    format!(
        "<section class=\"search-documents\" aria-labelledby=\"document-hits-heading\">\
         <h2 id=\"document-hits-heading\" class=\"section-heading\">{heading}</h2>{content}</section>",
        heading = t.menu_documents,
    )
}
