//! A document's page (`src/pages/documents.rs`): its facts, body, files and related
//! documents.

use chrono::NaiveDate;
use portal_contract::documents::{
    document_path, document_title, Document, DocumentFile, DocumentRelation,
};
use portal_contract::time::format_day;
use portal_contract::{format_file_size, Site, READING_VIEW_ID};

use super::header::vietnamese_header;
use crate::html::escape;

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
                " bởi <a href=\"{}\">{}</a>",
                escape(&document_path(&newer.slug)),
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
        header = vietnamese_header(site),
        title = escape(&document_title(&document.kind, &document.number)),
        summary = escape(&document.summary),
        files = document_files(&document.files),
        relations = document_relations(&document.relations),
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
                 <a href=\"{}\">{}</a> \
                 <span class=\"document-relation-summary\">{}</span></li>",
                escape(&relation.label),
                escape(&document_path(&relation.slug)),
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
