//! The answered questions' list (`QuestionsPage` in `src/pages/questions.rs`, `QuestionList`
//! in `src/components/question_list.rs`): the form holding the address's field and words, the
//! total, the page of questions and the page links.

use portal_contract::feedback::FEEDBACK_PAGE_PATH;
use portal_contract::limits::QUERY_MAX_CHARS;
use portal_contract::questions::{
    asked_by, question_path, questions_href, PublicQuestion, QuestionField, LOOKUP_PAGE_PATH,
    QUESTIONS_PAGE_PATH, QUESTION_EXCERPT_CHARS, QUESTION_FILTERS,
};
use portal_contract::text::excerpt;
use portal_contract::time::format_display_in;
use portal_contract::{plural, Lang, Paged, Site, Texts, READING_VIEW_ID};

use super::header::vietnamese_header;
use super::parts::{encode, filter_select, list_total, pagination};
use crate::html::escape;

/// The questions' list page: what its address asks and the API's answer to it.
pub struct QuestionsContent {
    /// The field's slug and the words, as the address holds them.
    pub field: String,
    pub text: String,
    pub list: Paged<PublicQuestion>,
    /// The fields to choose from.
    pub fields: Vec<QuestionField>,
}

/// The questions' list under the portal's name and menu.
pub fn render_questions(site: Option<&Site>, content: &QuestionsContent) -> String {
    let t = Lang::Vi.texts();
    let [field, text] = QUESTION_FILTERS;
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1>\
         <p>{intro}<a href=\"{FEEDBACK_PAGE_PATH}\">{ask}</a> · <a href=\"{LOOKUP_PAGE_PATH}\">{lookup}</a></p>\
         <form class=\"search-form question-filters\" role=\"search\" aria-label=\"{search_label}\" \
         action=\"{QUESTIONS_PAGE_PATH}\" method=\"get\">\
         <div class=\"field field-wide\"><label for=\"question-text\">{keywords}</label>\
         <input id=\"question-text\" type=\"search\" name=\"{text}\" maxlength=\"{QUERY_MAX_CHARS}\" value=\"{value}\"></div>\
         {fields}<div class=\"field field-actions\"><button type=\"submit\" class=\"button\">{submit}</button></div></form>\
         <section aria-labelledby=\"question-results-heading\">\
         <h2 id=\"question-results-heading\" class=\"visually-hidden\">{list_heading}</h2>{results}</section>\
         </main></div>",
        header = vietnamese_header(site),
        title = t.menu_questions,
        intro = t.questions_intro,
        ask = t.questions_ask,
        lookup = t.questions_lookup,
        search_label = t.questions_search_label,
        keywords = t.keywords_label,
        value = escape(&content.text),
        fields = filter_select(
            "question-field",
            field,
            t.field_label,
            t.all_fields,
            &content.field,
            content
                .fields
                .iter()
                .map(|choice| (choice.slug.as_str(), choice.name.as_str())),
        ),
        submit = t.questions_search_button,
        list_heading = t.questions_list_heading,
        results = results(content, t),
    )
}

/// The total, the questions and the page links, or the sentence that none match.
fn results(content: &QuestionsContent, t: &Texts) -> String {
    let list = &content.list;
    if list.items.is_empty() {
        return format!(
            "<p class=\"empty\" role=\"status\">{}<a href=\"{QUESTIONS_PAGE_PATH}\">{}</a></p>",
            t.questions_none, t.questions_all
        );
    }
    let (current, count) = (list.page, list.page_count());
    let cards: String = list
        .items
        .iter()
        .map(|question| format!("<li>{}</li>", question_card(question, t)))
        .collect();
    format!(
        "{total}<ul class=\"article-list question-list\">{cards}</ul>{pages}",
        total = list_total(
            t,
            list,
            plural(list.total, t.questions_total_one, t.questions_total)
        ),
        pages = pagination(t, current, count, |page| questions_href(
            &content.field,
            &content.text,
            page,
            encode
        )),
    )
}

/// One question as the app's `QuestionCard`: its title, who asked, its field, when it was
/// answered, and the start of the question.
fn question_card(question: &PublicQuestion, t: &Texts) -> String {
    let field = question
        .field
        .as_ref()
        .map(|field| format!("{} · ", escape(&field.name)))
        .unwrap_or_default();
    format!(
        "<article class=\"article-card question-card\"><div>\
         <h3><a href=\"{href}\">{title}</a></h3>\
         <p class=\"article-meta\">{asker} · {field}{answered}<time datetime=\"{datetime}\">{time}</time></p>\
         <p class=\"question-excerpt\">{excerpt}</p></div></article>",
        href = escape(&question_path(&question.reference)),
        title = escape(&question.title),
        asker = escape(&asked_by(&question.asker)),
        answered = t.answered,
        datetime = question.answer.answered_at.to_rfc3339(),
        time = format_display_in(Lang::Vi, &question.answer.answered_at),
        excerpt = escape(&excerpt(&question.question, QUESTION_EXCERPT_CHARS)),
    )
}
