//! An article as plain HTML inside its page: readable as soon as the page arrives, before the
//! app's wasm has downloaded (seconds on a slow mobile network), and with no JavaScript at
//! all. The app draws itself behind it and removes it once its own article is drawn
//! (`src/reading_view.rs`).
//!
//! The markup and class names are the app's (`src/pages/article.rs`, `src/components/header.rs`),
//! so the page looks the same before and after; it carries only what needs no script: the
//! portal's name, the category menu, the breadcrumb, the article and its author.

use portal_contract::time::format_display;
use portal_contract::{Article, CategoryRef, READING_VIEW_ID};

use crate::html::escape;

/// The reading view of `article` under the portal's name and category menu.
pub fn render(site_name: &str, menu: &[CategoryRef], article: &Article) -> String {
    let menu: String = menu
        .iter()
        .map(|item| {
            format!(
                "<li><a href=\"/chuyen-muc/{}\">{}</a></li>",
                escape(&item.slug),
                escape(&item.name)
            )
        })
        .collect();
    let title = escape(&article.title);
    let author = escape(&article.author);
    // The body was sanitized with the allowlist before it was stored (`sanitize.rs`): it is
    // the same HTML the app puts into the page.
    format!(
        "<div id=\"{READING_VIEW_ID}\">\
         <header class=\"site-header\"><div class=\"site-header-inner\">\
         <a class=\"site-name\" href=\"/\"><span class=\"site-emblem\" aria-hidden=\"true\">★</span>\
         <span>{site}</span></a></div>\
         <nav class=\"main-menu\" aria-label=\"Chuyên mục\"><ul><li><a href=\"/\">Trang chủ</a></li>{menu}</ul></nav>\
         </header>\
         <main class=\"site-main\"><div class=\"with-sidebar\"><div class=\"main-column\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"/chuyen-muc/{category_slug}\">{category}</a></li></ol></nav>\
         <article class=\"article\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{shown_time}</time> · \
         <span class=\"article-author-inline\">{author}</span></p>\
         <p class=\"article-summary\">{summary}</p>\
         <div class=\"article-body\">{body}</div>\
         <p class=\"article-author\">{author}</p></article>\
         </div></div></main></div>",
        site = escape(site_name),
        category_slug = escape(&article.category.slug),
        category = escape(&article.category.name),
        datetime = article.published_at.to_rfc3339(),
        shown_time = format_display(&article.published_at),
        summary = escape(&article.summary),
        body = article.body_html,
    )
}

/// `page` with `view` as the start of its body, in place of the `<noscript>` note that the
/// page needs JavaScript (it no longer does).
pub fn insert(page: &str, view: &str) -> String {
    if let (Some(start), Some(end)) = (page.find("<noscript>"), page.find("</noscript>")) {
        if start < end {
            return format!(
                "{}{view}{}",
                &page[..start],
                &page[end + "</noscript>".len()..]
            );
        }
    }
    match page.find("<body>") {
        Some(at) => {
            let at = at + "<body>".len();
            format!("{}{view}{}", &page[..at], &page[at..])
        }
        None => format!("{page}{view}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use portal_contract::CategoryRef;

    fn article() -> Article {
        Article {
            slug: "tin-nong".into(),
            title: "Tin \"nóng\" <b>".into(),
            summary: "Tóm tắt & thêm".into(),
            body_html: "<p>Đoạn <em>một</em>.</p>".into(),
            published_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            updated_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            author: "Ban <biên tập>".into(),
            category: CategoryRef {
                slug: "thong-bao".into(),
                name: "Thông báo".into(),
            },
            image: None,
            featured: false,
            related: vec![],
        }
    }

    #[test]
    fn the_view_escapes_text_and_keeps_the_stored_body() {
        let menu = [CategoryRef {
            slug: "tin-trong-huyen".into(),
            name: "Tin trong huyện".into(),
        }];
        let view = render("Cổng <huyện>", &menu, &article());
        assert!(view.starts_with("<div id=\"server-page\">"), "{view}");
        assert!(view.contains("<span>Cổng &lt;huyện&gt;</span>"), "{view}");
        assert!(
            view.contains("<h1 class=\"article-title\">Tin &quot;nóng&quot; &lt;b&gt;</h1>"),
            "{view}"
        );
        assert!(
            view.contains("<time datetime=\"2024-11-01T08:30:00+07:00\">01/11/2024 08:30</time>"),
            "{view}"
        );
        assert!(view.contains("Tóm tắt &amp; thêm"), "{view}");
        assert!(view.contains("Ban &lt;biên tập&gt;"), "{view}");
        assert!(
            view.contains("<div class=\"article-body\"><p>Đoạn <em>một</em>.</p></div>"),
            "{view}"
        );
        assert!(
            view.contains("href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            view.contains("<li><a href=\"/chuyen-muc/tin-trong-huyen\">Tin trong huyện</a></li>"),
            "{view}"
        );
    }

    #[test]
    fn the_view_takes_the_place_of_the_noscript_note() {
        let page = "<html><body>\n<noscript>Cần JavaScript.</noscript>\n</body></html>";
        assert_eq!(
            insert(page, "<div>bài</div>"),
            "<html><body>\n<div>bài</div>\n</body></html>"
        );
        assert_eq!(
            insert("<html><body></body></html>", "<div>bài</div>"),
            "<html><body><div>bài</div></body></html>"
        );
    }
}
