//! A category's page of articles (`src/pages/category.rs`).

use portal_contract::paging::{page_of, PAGE_PARAM};
use portal_contract::{
    category_path, fill, plural, ArticleSummary, CategoryRef, Lang, Paged, Site, READING_VIEW_ID,
};

use super::header::vietnamese_header;
use super::parts::{article_card, list_or_sentence, pagination};
use crate::html::escape;

/// A category's page `list.page` under the portal's name and menu, as the app draws it
/// (`src/pages/category.rs`): its name, how many articles, the articles and the page links.
pub fn render_category(
    site: Option<&Site>,
    category: &CategoryRef,
    list: &Paged<ArticleSummary>,
) -> String {
    let t = Lang::Vi.texts();
    let base = category_path(&category.slug);
    let (current, count) = (list.page, list.page_count());
    // As the app's category page: the total as a plain number.
    let total = fill(
        plural(list.total, t.category_total_one, t.category_total),
        &[("n", &list.total.to_string())],
    );
    let page_of = page_of(t, current, count).unwrap_or_default();
    let articles = if list.items.is_empty() && current > 1 {
        format!(
            "<p class=\"empty\">{}<a href=\"{}\">{}</a></p>",
            t.category_page_empty,
            escape(&base),
            t.first_page
        )
    } else {
        list_or_sentence("article-list", t.no_articles, &list.items, |article| {
            article_card(article, Lang::Vi, 2, true)
        })
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{name}</h1>\
         <p class=\"list-total\">{total}{page_of}</p>{articles}{pages}</main></div>",
        header = vietnamese_header(site),
        name = escape(&category.name),
        total = escape(&total),
        page_of = escape(&page_of),
        pages = pagination(t, current, count, |page| format!(
            "{base}?{PAGE_PARAM}={page}"
        )),
    )
}
