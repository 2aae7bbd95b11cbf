//! The Vietnamese home page's main column (`src/pages/home.rs`).

use portal_contract::documents::{DocumentSummary, DOCUMENTS_PAGE_PATH};
use portal_contract::questions::{PublicQuestion, QUESTIONS_PAGE_PATH};
use portal_contract::time::format_display_in;
use portal_contract::{
    category_path, ArticleSummary, CategoryRef, Lang, Site, Texts, LEAD_IMAGE_SIZES,
    READING_VIEW_ID,
};

use super::header::vietnamese_header;
use super::parts::{article_links, document_links, photo, question_links};
use crate::html::escape;

/// What the Vietnamese home page shows in its main column (`contract::home`).
pub struct HomeContent {
    pub featured: Vec<ArticleSummary>,
    pub documents: Vec<DocumentSummary>,
    pub questions: Vec<PublicQuestion>,
    /// Each of `home_block_categories` with its newest articles, in the menu's order.
    pub blocks: Vec<(CategoryRef, Vec<ArticleSummary>)>,
}

/// The home page's main column under the portal's name and menu, as the app draws it
/// (`src/pages/home.rs`): the featured news, the newest documents and answers and a block for
/// each category. Not the sidebar beside it: the app brings that.
pub fn render_home(site: Option<&Site>, home: &HomeContent) -> String {
    let t = Lang::Vi.texts();
    let blocks: String = home
        .blocks
        .iter()
        .map(|(category, articles)| {
            let href = escape(&category_path(&category.slug));
            let name = escape(&category.name);
            home_block(
                &format!("category-{}", escape(&category.slug)),
                &format!("<a href=\"{href}\">{name}</a>"),
                &article_links(articles, t),
                &href,
                &name,
            )
        })
        .collect();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"visually-hidden\">{heading}</h1>\
         <div class=\"with-sidebar\"><div class=\"main-column\">\
         <section class=\"featured\" aria-labelledby=\"featured-heading\">\
         <h2 id=\"featured-heading\" class=\"section-heading\">{featured_heading}</h2>{featured}</section>\
         <div class=\"category-blocks\">{documents}{questions}{blocks}</div>\
         </div></div></main></div>",
        header = vietnamese_header(site),
        heading = t.home_heading,
        featured_heading = t.featured_heading,
        featured = featured_news(&home.featured, t),
        documents = home_block(
            "latest-documents-heading",
            &format!(
                "<a href=\"{DOCUMENTS_PAGE_PATH}\">{}</a>",
                t.latest_documents_heading
            ),
            &document_links(&home.documents, t),
            DOCUMENTS_PAGE_PATH,
            t.see_all_documents_hidden,
        ),
        questions = home_block(
            "latest-questions-heading",
            &format!("<a href=\"{QUESTIONS_PAGE_PATH}\">{}</a>", t.menu_questions),
            &question_links(&home.questions, t),
            QUESTIONS_PAGE_PATH,
            t.see_all_questions_hidden,
        ),
    )
}

/// One block of the home page's main column, as the app's `CategoryBlock`: its heading (a
/// link, already HTML) with `id`, `list`, and the link to all of it (`more_href`), named for
/// screen readers by `hidden_name`. The arguments are escaped already.
fn home_block(id: &str, heading: &str, list: &str, more_href: &str, hidden_name: &str) -> String {
    format!(
        "<section class=\"category-block\" aria-labelledby=\"{id}\">\
         <h2 id=\"{id}\" class=\"section-heading\">{heading}</h2>{list}\
         <p class=\"more-link\"><a href=\"{more_href}\">{see_all} \
         <span class=\"visually-hidden\">{hidden_name}</span> ›</a></p></section>",
        see_all = Lang::Vi.texts().see_all,
    )
}

/// The lead featured article large, the others as a list beside it: the app's
/// `FeaturedNews`. The lead's image is the page's largest paint: not lazy.
fn featured_news(articles: &[ArticleSummary], t: &Texts) -> String {
    let Some((lead, others)) = articles.split_first() else {
        return format!("<p class=\"empty\">{}</p>", t.no_featured);
    };
    format!(
        "<div class=\"featured-grid\"><article class=\"featured-lead\">{image}\
         <h3><a href=\"{href}\">{title}</a></h3>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{time}</time> · {category}</p>\
         <p>{summary}</p></article>{others}</div>",
        image = lead
            .image
            .as_ref()
            .map(|image| photo(image, "lead-image", LEAD_IMAGE_SIZES, false))
            .unwrap_or_default(),
        href = escape(&Lang::Vi.article_path(&lead.slug)),
        title = escape(&lead.title),
        datetime = lead.published_at.to_rfc3339(),
        time = format_display_in(Lang::Vi, &lead.published_at),
        category = escape(&lead.category.name),
        summary = escape(&lead.summary),
        others = article_links(others, t),
    )
}
