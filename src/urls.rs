//! Every address the app writes into a link, in one place, so a route's shape is changed once.

use portal_contract::paging::PAGE_PARAM;

use crate::api::{encode, DocumentCriteria, SearchCriteria};

pub const HOME: &str = "/";
pub const SCHEDULE: &str = portal_contract::week::SCHEDULE_PAGE_PATH;
pub const LINKS: &str = portal_contract::LINKS_PAGE_PATH;
pub const FEEDBACK: &str = portal_contract::feedback::FEEDBACK_PAGE_PATH;
pub const SAVED: &str = portal_contract::SAVED_PAGE_PATH;
pub const DOCUMENTS: &str = portal_contract::documents::DOCUMENTS_PAGE_PATH;
pub const QUESTIONS: &str = portal_contract::questions::QUESTIONS_PAGE_PATH;
pub const LOOKUP: &str = portal_contract::questions::LOOKUP_PAGE_PATH;
pub const PROCEDURES: &str = portal_contract::procedures::PROCEDURES_PAGE_PATH;
pub const ABOUT: &str = portal_contract::about::ABOUT_PAGE_PATH;
pub const ORGANIZATION: &str = portal_contract::about::ORGANIZATION_PAGE_PATH;
pub const EN_HOME: &str = portal_contract::i18n::EN_PREFIX;
pub const EN_ABOUT: &str = portal_contract::i18n::EN_ABOUT_PATH;
pub const EN_ORGANIZATION: &str = portal_contract::i18n::EN_ORGANIZATION_PATH;
pub const EN_CONTACT: &str = portal_contract::i18n::EN_CONTACT_PATH;
/// Only in the full app: link to it with `rel=FULL_APP_LINK_REL`.
pub const MAP: &str = "/ban-do";
/// Only in the full app: link to it with `rel=FULL_APP_LINK_REL`.
pub const EMBED_GALLERY: &str = "/nhung";

/// `path` on this portal's origin, as shared links need it; empty outside a browser.
pub fn absolute(path: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .map(|origin| format!("{origin}{path}"))
        .unwrap_or_default()
}

pub fn article_href(slug: &str) -> String {
    portal_contract::Lang::Vi.article_path(slug)
}

pub use portal_contract::category_path as category_href;

/// Page `page` of a category's listing.
pub fn category_page_href(slug: &str, page: u32) -> String {
    format!("{}?{PAGE_PARAM}={page}", category_href(slug))
}

/// The address of page `page` of the results for `criteria`.
pub fn search_href(criteria: &SearchCriteria, page: u32) -> String {
    criteria.href(page, encode)
}

pub use portal_contract::documents::document_path as document_href;

pub use portal_contract::documents::DOCUMENT_FILTERS;

/// The address of page `page` of the documents that `criteria` finds.
pub fn documents_href(criteria: &DocumentCriteria, page: u32) -> String {
    portal_contract::documents::documents_href(criteria, page, encode)
}

/// The documents of one type, issuer or field (`name` one of `DOCUMENT_FILTERS`).
pub fn documents_filtered_href(name: &str, slug: &str) -> String {
    format!("{DOCUMENTS}?{name}={}", encode(slug))
}

pub use portal_contract::questions::{question_path as question_href, QUESTION_FILTERS};

/// The address of page `page` of the questions in `field` (any when empty) with `text`.
pub fn questions_href(field: &str, text: &str, page: u32) -> String {
    portal_contract::questions::questions_href(field, text, page, encode)
}

pub use portal_contract::procedures::{procedure_href, PROCEDURE_FILTERS};

/// The address of page `page` of the procedures of `field` and `level` (slugs; any when
/// empty) with `text`.
pub fn procedures_href(field: &str, level: &str, text: &str, page: u32) -> String {
    portal_contract::procedures::procedures_href(field, level, text, page, encode)
}

pub use portal_contract::i18n::english_home_href;

/// `rel` for a link to a page that only the full app has (the map, the widget gallery): in the
/// reader app the link loads the page anew instead of routing inside the app.
pub const FULL_APP_LINK_REL: Option<&str> = if cfg!(all(feature = "map", feature = "embeds")) {
    None
} else {
    Some("external")
};
