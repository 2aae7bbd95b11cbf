//! The page as plain HTML inside the app's page, shown from the moment the page arrives until
//! the app's wasm has downloaded (seconds on a slow mobile network), and without JavaScript:
//! every reading page gets the portal's name and category menu; an article's page also the
//! breadcrumb, the article and its author. The app draws itself behind it and removes it when
//! it starts, or, on an article's page, once its own article is drawn (`src/reading_view.rs`).
//!
//! The markup and class names are the app's (`src/pages/article.rs`, `src/components/header.rs`),
//! so the page looks the same before and after; it carries only what needs no script.

use portal_contract::time::format_display;
use portal_contract::{Article, Image, Site, DEFAULT_SITE_NAME, LEAD_IMAGE_SIZES, READING_VIEW_ID};

use crate::html::escape;

/// The portal's name and category menu alone: every reading page but an article's. `site`
/// is `None` before the site's settings are stored.
pub fn render_frame(site: Option<&Site>) -> String {
    format!("<div id=\"{READING_VIEW_ID}\">{}</div>", header(site))
}

/// The reading view of `article` under the portal's name and category menu.
pub fn render(site: Option<&Site>, article: &Article) -> String {
    let title = escape(&article.title);
    let author = escape(&article.author);
    // The body was sanitized with the allowlist before it was stored (`sanitize.rs`): it is
    // the same HTML the app puts into the page.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}\
         <main class=\"site-main\"><div class=\"with-sidebar\"><div class=\"main-column\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"/chuyen-muc/{category_slug}\">{category}</a></li></ol></nav>\
         <article class=\"article\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{shown_time}</time> · \
         <span class=\"article-author-inline\">{author}</span></p>\
         <p class=\"article-summary\">{summary}</p>{image}\
         <div class=\"article-body\">{body}</div>\
         <p class=\"article-author\">{author}</p></article>\
         </div></div></main></div>",
        header = header(site),
        category_slug = escape(&article.category.slug),
        category = escape(&article.category.name),
        datetime = article.published_at.to_rfc3339(),
        shown_time = format_display(&article.published_at),
        summary = escape(&article.summary),
        image = article.image.as_ref().map(lead_image).unwrap_or_default(),
        body = article.body_html,
    )
}

/// The lead image as the app draws it (`src/components/photo.rs`), above the fold: not lazy.
fn lead_image(image: &Image) -> String {
    let mut html = format!("<img class=\"lead-image\" src=\"{}\"", escape(&image.url));
    if let Some(srcset) = &image.srcset {
        html.push_str(&format!(
            " srcset=\"{}\" sizes=\"{LEAD_IMAGE_SIZES}\"",
            escape(srcset)
        ));
    }
    for (name, value) in [("width", image.width), ("height", image.height)] {
        if let Some(value) = value {
            html.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    html.push_str(&format!(
        " alt=\"{}\" loading=\"eager\">",
        escape(&image.alt)
    ));
    html
}

/// The app's header as far as it needs no script: the portal's name and its category menu.
fn header(site: Option<&Site>) -> String {
    let site_name = site.map_or(DEFAULT_SITE_NAME, |site| &site.name);
    let menu: String = site
        .map_or(&[][..], |site| &site.menu)
        .iter()
        .map(|item| {
            format!(
                "<li><a href=\"/chuyen-muc/{}\">{}</a></li>",
                escape(&item.slug),
                escape(&item.name)
            )
        })
        .collect();
    format!(
        "<header class=\"site-header\"><div class=\"site-header-inner\">\
         <a class=\"site-name\" href=\"/\"><span class=\"site-emblem\" aria-hidden=\"true\">★</span>\
         <span>{site}</span></a></div>\
         <nav class=\"main-menu\" aria-label=\"Chuyên mục\"><ul><li><a href=\"/\">Trang chủ</a></li>{menu}</ul></nav>\
         </header>",
        site = escape(site_name),
    )
}

/// `page` with `view` at the start of its body.
pub fn insert(page: &str, view: &str) -> String {
    match page.find("<body>") {
        Some(at) => {
            let at = at + "<body>".len();
            format!("{}{view}{}", &page[..at], &page[at..])
        }
        None => format!("{page}{view}"),
    }
}

/// `page` without its `<noscript>` note that the page needs JavaScript: an article's page
/// with its reading view does not.
pub fn without_script_note(page: &str) -> String {
    match (page.find("<noscript>"), page.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &page[..start], &page[end + "</noscript>".len()..])
        }
        _ => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use portal_contract::{CategoryRef, Contacts, MapTiles};

    fn site(name: &str, menu: &[(&str, &str)]) -> Site {
        Site {
            name: name.into(),
            short_name: name.into(),
            description: String::new(),
            logo_url: None,
            contacts: Contacts {
                agency: String::new(),
                address: String::new(),
                phone: String::new(),
                email: String::new(),
                responsible: String::new(),
            },
            menu: menu
                .iter()
                .map(|(slug, name)| CategoryRef {
                    slug: slug.to_string(),
                    name: name.to_string(),
                })
                .collect(),
            map_tiles: MapTiles::openstreetmap(),
        }
    }

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
        let site = site("Cổng <huyện>", &[("tin-trong-huyen", "Tin trong huyện")]);
        let view = render(Some(&site), &article());
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
    fn the_view_starts_the_body_and_the_script_note_can_go() {
        let page = "<html><body>\n<noscript>Cần JavaScript.</noscript>\n</body></html>";
        assert_eq!(
            insert(page, "<div>bài</div>"),
            "<html><body><div>bài</div>\n<noscript>Cần JavaScript.</noscript>\n</body></html>"
        );
        assert_eq!(without_script_note(page), "<html><body>\n\n</body></html>");
        assert_eq!(without_script_note("<body></body>"), "<body></body>");
    }

    #[test]
    fn the_frame_alone_has_the_name_and_menu_and_no_article() {
        let view = render_frame(Some(&site("Cổng", &[("thong-bao", "Thông báo")])));
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<a href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            !view.contains("<article") && !view.contains("<main"),
            "{view}"
        );
        // Before the site's settings are stored: the default name, the home link alone.
        let view = render_frame(None);
        assert!(
            view.contains(&format!("<span>{DEFAULT_SITE_NAME}</span>")),
            "{view}"
        );
        assert!(
            view.contains("<ul><li><a href=\"/\">Trang chủ</a></li></ul>"),
            "{view}"
        );
    }
}
