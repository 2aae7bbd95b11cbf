//! A procedure as a checklist (`src/pages/procedures.rs`).

use portal_contract::documents::document_path;
use portal_contract::procedures::{
    Procedure, Requirement, PROCEDURES_PAGE_PATH, PROCEDURE_FIELD_PARAM, PROCEDURE_LEVEL_PARAM,
};
use portal_contract::{format_file_size, Site, READING_VIEW_ID};

use super::header::vietnamese_header;
use crate::html::escape;

/// The reading view of a procedure under the portal's name and menu: the app's
/// `ProcedureView` (`src/pages/procedures.rs`) without its print button and share actions.
pub fn render_procedure(site: Option<&Site>, procedure: &Procedure) -> String {
    let note = if procedure.illustrative {
        "<p class=\"procedure-note\">Mã thủ tục, phí, lệ phí và thời hạn giải quyết trên trang này \
         mang tính minh họa, chưa đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính.</p>"
    } else {
        ""
    };
    let facts: String = [
        ("Mã thủ tục", escape(&procedure.code)),
        (
            "Lĩnh vực",
            format!(
                "<a href=\"{PROCEDURES_PAGE_PATH}?{PROCEDURE_FIELD_PARAM}={}\">{}</a>",
                escape(&procedure.field.slug),
                escape(&procedure.field.name)
            ),
        ),
        (
            "Cấp thực hiện",
            format!(
                "<a href=\"{PROCEDURES_PAGE_PATH}?{PROCEDURE_LEVEL_PARAM}={}\">{}</a>",
                procedure.level.slug(),
                procedure.level.label()
            ),
        ),
        ("Cơ quan thực hiện", escape(&procedure.agency)),
        ("Thời hạn giải quyết", escape(&procedure.processing_time)),
        ("Phí, lệ phí", escape(&procedure.fees)),
        ("Kết quả", escape(&procedure.result)),
    ]
    .iter()
    .map(|(term, value)| format!("<div><dt>{term}</dt><dd>{value}</dd></div>"))
    .collect();
    // As the app: only an https address becomes a link.
    let service = procedure
        .service_url
        .as_deref()
        .filter(|url| url.starts_with("https://"))
        .map(|url| {
            format!(
                "<p><a class=\"button\" href=\"{}\">Làm thủ tục này trên Cổng Dịch vụ công quốc gia</a></p>",
                escape(url)
            )
        })
        .unwrap_or_default();
    let requirements: String = procedure
        .requirements
        .iter()
        .enumerate()
        .map(|(index, requirement)| requirement_item(index, requirement))
        .collect();
    let steps: String = procedure
        .steps
        .iter()
        .map(|step| format!("<li>{}</li>", escape(step)))
        .collect();
    let ways: String = procedure
        .ways
        .iter()
        .map(|way| {
            format!(
                "<li><span class=\"procedure-way-kind\">{}:</span> {}</li>",
                way.kind.label(),
                escape(&way.note)
            )
        })
        .collect();
    let legal_bases = if procedure.legal_bases.is_empty() {
        String::new()
    } else {
        let items: String = procedure
            .legal_bases
            .iter()
            .map(|basis| match &basis.document {
                Some(slug) => format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    escape(&document_path(slug)),
                    escape(&basis.title)
                ),
                None => format!("<li>{}</li>", escape(&basis.title)),
            })
            .collect();
        format!(
            "<section aria-labelledby=\"procedure-legal-heading\">\
             <h2 id=\"procedure-legal-heading\" class=\"section-heading\">Căn cứ pháp lý</h2>\
             <ul class=\"procedure-legal-bases\">{items}</ul></section>"
        )
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"{PROCEDURES_PAGE_PATH}\">Thủ tục hành chính</a></li></ol></nav>\
         <article class=\"procedure\"><h1 class=\"article-title\">{name}</h1>{note}\
         <dl class=\"document-facts\">{facts}</dl>\
         <div class=\"procedure-online\"><p><strong>{online}</strong></p>{service}\
         <p>Cổng thông tin điện tử của huyện không tiếp nhận hồ sơ.</p></div>\
         <section aria-labelledby=\"procedure-requirements-heading\">\
         <h2 id=\"procedure-requirements-heading\" class=\"section-heading\">Thành phần hồ sơ</h2>\
         <p class=\"hint\">Đánh dấu từng giấy tờ đã chuẩn bị. Dấu chỉ nằm trên máy của bạn, không gửi đi đâu.</p>\
         <ul class=\"procedure-checklist\">{requirements}</ul></section>\
         <section aria-labelledby=\"procedure-steps-heading\">\
         <h2 id=\"procedure-steps-heading\" class=\"section-heading\">Trình tự thực hiện</h2>\
         <ol class=\"procedure-steps\">{steps}</ol></section>\
         <section aria-labelledby=\"procedure-ways-heading\">\
         <h2 id=\"procedure-ways-heading\" class=\"section-heading\">Cách thức thực hiện</h2>\
         <ul class=\"procedure-ways\">{ways}</ul></section>{legal_bases}</article></main></div>",
        header = vietnamese_header(site),
        name = escape(&procedure.name),
        online = procedure.online.label(),
    )
}

/// One paper of the application as a box to tick (it works without the app), with its blank
/// form when there is one.
fn requirement_item(index: usize, requirement: &Requirement) -> String {
    let id = format!("procedure-requirement-{}", index + 1);
    let form = requirement
        .form
        .as_ref()
        .map(|form| {
            let file = &form.file;
            format!(
                "<p class=\"procedure-form\"><a class=\"button button-small\" href=\"{url}\" download=\"\">\
                 Tải mẫu ({format}, {size})<span class=\"visually-hidden\">: {name}</span></a> \
                 <a href=\"{document}\">Văn bản ban hành mẫu</a></p>",
                url = escape(&file.url),
                format = escape(&file.format),
                size = format_file_size(file.size),
                name = escape(&file.name),
                document = escape(&document_path(&form.document)),
            )
        })
        .unwrap_or_default();
    format!(
        "<li><input type=\"checkbox\" id=\"{id}\"><div><label for=\"{id}\">{name} \
         <span class=\"procedure-copies\">({copies})</span></label>{form}</div></li>",
        name = escape(&requirement.name),
        copies = escape(&requirement.copies),
    )
}
