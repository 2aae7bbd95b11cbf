//! A published question and its answer (`src/pages/questions.rs`).

use portal_contract::questions::{
    asked_by, PublicQuestion, QUESTIONS_PAGE_PATH, QUESTION_FIELD_PARAM,
};
use portal_contract::time::format_display;
use portal_contract::{Site, READING_VIEW_ID};

use super::header::vietnamese_header;
use crate::html::escape;

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
        header = vietnamese_header(site),
        title = escape(&question.title),
        asker = escape(&asked_by(&question.asker)),
        asked_at = time(&question.asked_at),
        text = escape(&question.question),
        unit = escape(&question.answer.unit),
        answered_at = time(&question.answer.answered_at),
        body = question.answer.body_html,
    )
}
