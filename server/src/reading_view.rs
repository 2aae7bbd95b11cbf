//! The page as plain HTML inside the app's page, shown from the moment the page arrives until
//! the app's wasm has downloaded (seconds on a slow mobile network), and without JavaScript:
//! every reading page gets the portal's name and menu; an article's page also the breadcrumb,
//! the article and its author; a document's page the breadcrumb and the document (its facts,
//! body, files and related documents); a published question's page the question and answer. The app draws itself behind it and removes it when it
//! starts, or, on an article's or a document's page, once its own is drawn
//! (`src/reading_view.rs`).
//!
//! The markup and class names are the app's (`src/pages/article.rs`, `src/pages/documents.rs`,
//! `src/components/header.rs`), so the page looks the same before and after; it carries only
//! what needs no script.

use chrono::NaiveDate;
use portal_contract::documents::{document_title, Document, DocumentFile, DocumentRelation};
use portal_contract::questions::{
    asked_by, PublicQuestion, QUESTIONS_PAGE_PATH, QUESTION_FIELD_PARAM,
};
use portal_contract::time::{format_day, format_display};
use portal_contract::{
    format_file_size, Article, Image, Site, DEFAULT_SITE_NAME, LEAD_IMAGE_SIZES, READING_VIEW_ID,
};

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

/// The reading view of `document` under the portal's name and menu.
pub fn render_document(site: Option<&Site>, document: &Document) -> String {
    let date = |day: NaiveDate| format!("<time datetime=\"{day}\">{}</time>", format_day(day));
    let filtered = |name: &str, slug: &str, text: &str| {
        format!(
            "<a href=\"/van-ban?{name}={}\">{}</a>",
            escape(slug),
            escape(text)
        )
    };
    let status = &document.status;
    let replaced_by = status
        .replaced_by
        .as_ref()
        .map(|newer| {
            format!(
                " bởi <a href=\"/van-ban/{}\">{}</a>",
                escape(&newer.slug),
                escape(&newer.number)
            )
        })
        .unwrap_or_default();
    let facts: String = [
        ("Số ký hiệu", escape(&document.number)),
        (
            "Loại văn bản",
            filtered("loai", &document.kind.slug, &document.kind.name),
        ),
        (
            "Cơ quan ban hành",
            filtered("co-quan", &document.issuer.slug, &document.issuer.name),
        ),
        ("Người ký", escape(&document.signer)),
        ("Ngày ban hành", date(document.issued_on)),
        (
            "Ngày hiệu lực",
            date(document.effective_on.unwrap_or(document.issued_on)),
        ),
        (
            "Ngày hết hiệu lực",
            document
                .expires_on
                .map_or_else(|| "Không xác định".to_string(), date),
        ),
        (
            "Lĩnh vực",
            filtered("linh-vuc", &document.field.slug, &document.field.name),
        ),
        (
            "Tình trạng",
            format!(
                "<span class=\"document-status status-{}\">{}</span>{replaced_by}",
                status.code.code(),
                escape(&status.label)
            ),
        ),
    ]
    .iter()
    .map(|(label, value)| format!("<div><dt>{label}</dt><dd>{value}</dd></div>"))
    .collect();
    // The body was sanitized with the allowlist before it was stored, as an article's.
    let body = document
        .body_html
        .as_ref()
        .map(|body| format!("<div class=\"article-body\">{body}</div>"))
        .unwrap_or_default();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"/van-ban\">Văn bản</a></li></ol></nav>\
         <article class=\"document\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{summary}</p>\
         <dl class=\"document-facts\">{facts}</dl>{body}{files}{relations}</article>\
         </main></div>",
        header = header(site),
        title = escape(&document_title(&document.kind, &document.number)),
        summary = escape(&document.summary),
        files = document_files(&document.files),
        relations = document_relations(&document.relations),
    )
}

/// The reading view of a published question and its answer under the portal's name and menu.
pub fn render_question(site: Option<&Site>, question: &PublicQuestion) -> String {
    let time = |at: &chrono::DateTime<chrono::FixedOffset>| {
        format!(
            "<time datetime=\"{}\">{}</time>",
            at.to_rfc3339(),
            format_display(at)
        )
    };
    let field = question
        .field
        .as_ref()
        .map(|field| {
            format!(
                " · <a href=\"{QUESTIONS_PAGE_PATH}?{QUESTION_FIELD_PARAM}={}\">{}</a>",
                escape(&field.slug),
                escape(&field.name)
            )
        })
        .unwrap_or_default();
    // The answer was sanitized with the articles' allowlist before it was stored.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"{QUESTIONS_PAGE_PATH}\">Hỏi đáp</a></li></ol></nav>\
         <article class=\"question\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\">{asker} · {asked_at}{field}</p>\
         <h2 class=\"section-heading\">Câu hỏi</h2><p class=\"question-text\">{text}</p>\
         <section class=\"question-answer\" aria-labelledby=\"answer-heading\">\
         <h2 id=\"answer-heading\" class=\"section-heading\">Trả lời</h2>\
         <p class=\"article-meta\">{unit} · {answered_at}</p>\
         <div class=\"article-body\">{body}</div></section></article></main></div>",
        header = header(site),
        title = escape(&question.title),
        asker = escape(&asked_by(&question.asker)),
        asked_at = time(&question.asked_at),
        text = escape(&question.question),
        unit = escape(&question.answer.unit),
        answered_at = time(&question.answer.answered_at),
        body = question.answer.body_html,
    )
}

/// The attached files as download links saying their type and size; nothing without files.
fn document_files(files: &[DocumentFile]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let items: String = files
        .iter()
        .map(|file| {
            let name = escape(&file.name);
            format!(
                "<li><span class=\"document-file-name\">{name}</span> \
                 <a class=\"button button-small\" href=\"{}\" download=\"\">Tải về ({}, {})\
                 <span class=\"visually-hidden\">: {name}</span></a></li>",
                escape(&file.url),
                escape(&file.format),
                format_file_size(file.size)
            )
        })
        .collect();
    format!(
        "<section class=\"document-files\" aria-labelledby=\"document-files-heading\">\
         <h2 id=\"document-files-heading\" class=\"section-heading\">Tệp đính kèm</h2>\
         <ul class=\"document-file-list\">{items}</ul></section>"
    )
}

/// The related documents, each with how it relates; nothing without any.
fn document_relations(relations: &[DocumentRelation]) -> String {
    if relations.is_empty() {
        return String::new();
    }
    let items: String = relations
        .iter()
        .map(|relation| {
            format!(
                "<li><span class=\"document-relation-kind\">{}:</span> \
                 <a href=\"/van-ban/{}\">{}</a> \
                 <span class=\"document-relation-summary\">{}</span></li>",
                escape(&relation.label),
                escape(&relation.slug),
                escape(&relation.number),
                escape(&relation.summary)
            )
        })
        .collect();
    format!(
        "<section class=\"document-relations\" aria-labelledby=\"document-relations-heading\">\
         <h2 id=\"document-relations-heading\" class=\"section-heading\">Văn bản liên quan</h2>\
         <ul class=\"document-relation-list\">{items}</ul></section>"
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

/// The app's header as far as it needs no script: the portal's name and its menu (the
/// categories and the documents library).
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
         <nav class=\"main-menu\" aria-label=\"Chuyên mục\"><ul><li><a href=\"/\">Trang chủ</a></li>{menu}\
         <li><a href=\"/van-ban\">Văn bản</a></li><li><a href=\"{QUESTIONS_PAGE_PATH}\">Hỏi đáp</a></li></ul></nav>\
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

    fn document() -> Document {
        use portal_contract::documents::{
            DocumentKind, DocumentRef, DocumentStatus, DocumentStatusInfo, DocumentTag,
            RelationKind,
        };
        Document {
            slug: "56-qd".into(),
            number: "56/QĐ-UBND".into(),
            kind: DocumentKind::by_slug("quyet-dinh").unwrap().to_ref(),
            issuer: DocumentTag {
                slug: "ubnd-huyen".into(),
                name: "UBND huyện".into(),
            },
            field: DocumentTag {
                slug: "noi-vu".into(),
                name: "Nội vụ".into(),
            },
            signer: "Chủ tịch <UBND>".into(),
            issued_on: NaiveDate::from_ymd_opt(2021, 8, 20).unwrap(),
            effective_on: None,
            expires_on: None,
            summary: "Về việc quy chế & làm việc".into(),
            status: DocumentStatusInfo::new(
                DocumentStatus::BiThayThe,
                Some(DocumentRef {
                    slug: "125-qd".into(),
                    number: "125/QĐ-UBND".into(),
                    summary: "Quy chế mới".into(),
                }),
            ),
            body_html: None,
            files: vec![DocumentFile {
                id: 3,
                name: "Quyết định 56.pdf".into(),
                size: 1_258_291,
                content_type: "application/pdf".into(),
                format: "PDF".into(),
                url: "/files/3/Quy%E1%BA%BFt".into(),
            }],
            relations: vec![DocumentRelation {
                kind: RelationKind::ReplacedBy,
                label: RelationKind::ReplacedBy.label().into(),
                slug: "125-qd".into(),
                number: "125/QĐ-UBND".into(),
                summary: "Quy chế mới".into(),
            }],
        }
    }

    #[test]
    fn a_documents_view_has_its_facts_status_files_and_relations() {
        let view = render_document(None, &document());
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<h1 class=\"article-title\">Quyết định 56/QĐ-UBND</h1>"),
            "{view}"
        );
        assert!(view.contains("<p class=\"article-summary\">Về việc quy chế &amp; làm việc</p>"));
        assert!(view.contains("<div><dt>Người ký</dt><dd>Chủ tịch &lt;UBND&gt;</dd></div>"));
        // Without its own date it takes effect when issued; without an end, none is shown.
        assert!(view.contains(
            "<div><dt>Ngày hiệu lực</dt><dd><time datetime=\"2021-08-20\">20/08/2021</time></dd></div>"
        ));
        assert!(view.contains("<div><dt>Ngày hết hiệu lực</dt><dd>Không xác định</dd></div>"));
        assert!(view.contains(
            "<dd><span class=\"document-status status-bi-thay-the\">Bị thay thế</span> bởi <a href=\"/van-ban/125-qd\">125/QĐ-UBND</a></dd>"
        ), "{view}");
        assert!(view.contains(
            "<a class=\"button button-small\" href=\"/files/3/Quy%E1%BA%BFt\" download=\"\">Tải về (PDF, 1,2 MB)<span class=\"visually-hidden\">: Quyết định 56.pdf</span></a>"
        ), "{view}");
        assert!(view.contains("<span class=\"document-relation-kind\">Bị thay thế bởi:</span>"));
        assert!(
            !view.contains("article-body"),
            "no body, no body element: {view}"
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
            view.contains(
                "<ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/van-ban\">Văn bản</a></li>\
                 <li><a href=\"/hoi-dap\">Hỏi đáp</a></li></ul>"
            ),
            "{view}"
        );
    }
}
