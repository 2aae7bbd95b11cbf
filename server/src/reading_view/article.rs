//! An article's reading view (`src/pages/article.rs`).

use portal_contract::time::format_display_in;
use portal_contract::{category_path, Article, Lang, Site, READING_VIEW_ID};

use super::header::{header, switch_target};
use super::parts::lead_image;
use crate::html::escape;

/// The reading view of `article` under the portal's name and menu, in its language.
pub fn render_article(site: Option<&Site>, article: &Article) -> String {
    let lang = article.lang;
    let t = lang.texts();
    let title = escape(&article.title);
    let author = escape(&article.author);
    let counterpart = article
        .counterpart
        .as_ref()
        .map(|slug| lang.other().article_path(slug));
    // As the app: English articles show no category (theirs are Vietnamese) and no sidebar.
    let (category, columns_open, columns_close) = match lang {
        Lang::Vi => (
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(&category_path(&article.category.slug)),
                escape(&article.category.name)
            ),
            "<div class=\"with-sidebar\"><div class=\"main-column\">",
            "</div></div>",
        ),
        Lang::En => (String::new(), "<div class=\"main-column\">", "</div>"),
    };
    // The body was sanitized with the allowlist before it was stored (`sanitize.rs`): it is
    // the same HTML the app puts into the page.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}\
         <main class=\"site-main\">{columns_open}\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li>\
         {category}</ol></nav>\
         <article class=\"article\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{shown_time}</time> · \
         <span class=\"article-author-inline\">{author}</span></p>\
         <p class=\"article-summary\">{summary}</p>{image}\
         <div class=\"article-body\">{body}</div>\
         <p class=\"article-author\">{author}</p></article>\
         {columns_close}</main></div>",
        header = header(site, lang, &switch_target(lang, counterpart.as_deref())),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        datetime = article.published_at.to_rfc3339(),
        shown_time = format_display_in(lang, &article.published_at),
        summary = escape(&article.summary),
        image = article.image.as_ref().map(lead_image).unwrap_or_default(),
        body = article.body_html,
    )
}
