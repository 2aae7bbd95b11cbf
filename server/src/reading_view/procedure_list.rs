//! The procedures' list (`ProceduresPage` in `src/pages/procedures.rs`): the filters' form
//! holding the address's choices, the total, the page of procedures and the page links.

use portal_contract::limits::QUERY_MAX_CHARS;
use portal_contract::procedures::{
    procedure_href, procedures_href, ProcedureField, ProcedureLevel, ProcedureSummary,
    PROCEDURES_PAGE_PATH, PROCEDURE_FILTERS,
};
use portal_contract::{fill, plural, Lang, Paged, Site, Texts, READING_VIEW_ID};

use super::header::vietnamese_header;
use super::parts::{encode, filter_select, list_total, pagination};
use crate::html::escape;

/// The procedures' list page: what its address asks and what the API answers to it.
pub struct ProceduresContent {
    /// The field's and the level's slugs and the words, as the address holds them.
    pub field: String,
    pub level: String,
    pub text: String,
    /// The page of procedures; `None` when the API refuses the address's filters (a field or
    /// a level it does not know), which the page says.
    pub list: Option<Paged<ProcedureSummary>>,
    /// The fields to choose from.
    pub fields: Vec<ProcedureField>,
}

/// The procedures' list under the portal's name and menu.
pub fn render_procedures(site: Option<&Site>, content: &ProceduresContent) -> String {
    let t = Lang::Vi.texts();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1><p>{intro_what}{intro_where}</p>{form}\
         <section aria-labelledby=\"procedure-results-heading\">\
         <h2 id=\"procedure-results-heading\" class=\"visually-hidden\">{list_heading}</h2>\
         {results}</section></main></div>",
        header = vietnamese_header(site),
        title = t.procedures_title,
        intro_what = t.procedures_intro_what,
        intro_where = t.procedures_intro_where,
        form = form(content, t),
        list_heading = t.procedures_list_heading,
        results = results(content, t),
    )
}

/// The filters' form, which searches without the script too (a `GET` to the page).
fn form(content: &ProceduresContent, t: &Texts) -> String {
    let [field, level, text] = PROCEDURE_FILTERS;
    let filtered =
        !(content.field.is_empty() && content.level.is_empty() && content.text.trim().is_empty());
    let reset = if filtered {
        format!(
            "<a class=\"reset-link\" href=\"{PROCEDURES_PAGE_PATH}\">{}</a>",
            t.clear_filters
        )
    } else {
        String::new()
    };
    format!(
        "<form class=\"search-form procedure-filters\" role=\"search\" aria-label=\"{label}\" \
         action=\"{PROCEDURES_PAGE_PATH}\" method=\"get\">\
         <div class=\"field field-wide\"><label for=\"procedure-text\">{name_label}</label>\
         <input id=\"procedure-text\" type=\"search\" name=\"{text}\" maxlength=\"{QUERY_MAX_CHARS}\" value=\"{value}\"></div>\
         {fields}{levels}\
         <div class=\"field field-actions\"><button type=\"submit\" class=\"button\">{submit}</button>{reset}</div></form>",
        label = t.procedures_search_label,
        name_label = t.procedures_name_label,
        value = escape(&content.text),
        fields = filter_select(
            "procedure-field",
            field,
            t.field_label,
            t.all_fields,
            &content.field,
            content
                .fields
                .iter()
                .map(|choice| (choice.slug.as_str(), choice.name.as_str())),
        ),
        levels = filter_select(
            "procedure-level",
            level,
            t.procedures_level,
            t.procedures_all_levels,
            &content.level,
            ProcedureLevel::ALL.map(|level| (level.slug(), level.label())),
        ),
        submit = t.procedures_search_button,
    )
}

/// What the list shows: the refusal, the empty sentences, or the total, the procedures and
/// the page links.
fn results(content: &ProceduresContent, t: &Texts) -> String {
    let Some(list) = &content.list else {
        return format!(
            "<div class=\"no-results\" role=\"status\"><p>{}</p>\
             <p><a href=\"{PROCEDURES_PAGE_PATH}\">{}</a></p></div>",
            t.procedures_unknown_filter, t.procedures_all
        );
    };
    let href =
        |page: u32| procedures_href(&content.field, &content.level, &content.text, page, encode);
    let (current, count) = (list.page, list.page_count());
    if list.items.is_empty() {
        return if current > 1 {
            format!(
                "<p class=\"empty\">{}<a href=\"{}\">{}</a></p>",
                t.procedures_page_empty,
                escape(&href(1)),
                t.first_page
            )
        } else {
            format!(
                "<p class=\"empty\" role=\"status\">{}<a href=\"{PROCEDURES_PAGE_PATH}\">{}</a></p>",
                t.procedures_none, t.procedures_all
            )
        };
    }
    let items: String = list
        .items
        .iter()
        .map(|procedure| {
            format!(
                "<li><h3 class=\"article-card-title\"><a href=\"{href}\">{name}</a></h3>\
                 <p class=\"article-meta\">{meta}</p>\
                 <p class=\"procedure-card-online\">{online}</p></li>",
                href = escape(&procedure_href(&procedure.slug)),
                name = escape(&procedure.name),
                meta = escape(&fill(
                    t.procedure_card_meta,
                    &[
                        ("code", &procedure.code),
                        ("field", &procedure.field.name),
                        ("level", procedure.level.label()),
                    ],
                )),
                online = procedure.online.label(),
            )
        })
        .collect();
    format!(
        "{total}<ul class=\"article-list procedure-list\">{items}</ul>{pages}",
        total = list_total(
            t,
            list,
            plural(list.total, t.procedures_total_one, t.procedures_total)
        ),
        pages = pagination(t, current, count, href),
    )
}
