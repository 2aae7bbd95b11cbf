//! Every address the app writes into a link, in one place, so a route's shape is changed once.

use portal_contract::paging::PAGE_PARAM;

use crate::api::{encode, DocumentCriteria, SearchCriteria};

pub const HOME: &str = "/";
pub const SCHEDULE: &str = "/lich-cong-tac";
pub const LINKS: &str = "/lien-ket";
pub const FEEDBACK: &str = "/gui-y-kien";
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

/// The work schedule of ISO week `week` (`2026-W48`).
pub fn week_href(week: &str) -> String {
    format!("{SCHEDULE}?tuan={week}")
}

/// The address of page `page` of the results for `criteria`.
pub fn search_href(criteria: &SearchCriteria, page: u32) -> String {
    criteria.href(page, encode)
}

pub use portal_contract::documents::document_path as document_href;

/// The names `/van-ban` gives `DocumentCriteria::values` in its address.
pub const DOCUMENT_FILTERS: [&str; 6] = ["q", "loai", "co-quan", "linh-vuc", "nam", "tinh-trang"];

/// The address of page `page` of the documents that `criteria` finds.
pub fn documents_href(criteria: &DocumentCriteria, page: u32) -> String {
    listing_href(
        DOCUMENTS,
        DOCUMENT_FILTERS.into_iter().zip(criteria.values()),
        page,
    )
}

/// The documents of one type, issuer or field (`name` one of `DOCUMENT_FILTERS`).
pub fn documents_filtered_href(name: &str, slug: &str) -> String {
    format!("{DOCUMENTS}?{name}={}", encode(slug))
}

pub use portal_contract::questions::question_path as question_href;

/// The names `/hoi-dap` gives its field filter and words in its address.
pub const QUESTION_FILTERS: [&str; 2] = [portal_contract::questions::QUESTION_FIELD_PARAM, "q"];

/// The address of page `page` of the questions in `field` (any when empty) with `text`.
pub fn questions_href(field: &str, text: &str, page: u32) -> String {
    listing_href(
        QUESTIONS,
        QUESTION_FILTERS.into_iter().zip([field, text.trim()]),
        page,
    )
}

pub use portal_contract::procedures::procedure_href;

/// The names `/thu-tuc` gives its field and level filters and its words in its address, in
/// the order `procedures_href` takes them.
pub const PROCEDURE_FILTERS: [&str; 3] = [
    portal_contract::procedures::PROCEDURE_FIELD_PARAM,
    portal_contract::procedures::PROCEDURE_LEVEL_PARAM,
    "q",
];

/// The address of page `page` of the procedures of `field` and `level` (slugs; any when
/// empty) with `text`.
pub fn procedures_href(field: &str, level: &str, text: &str, page: u32) -> String {
    listing_href(
        PROCEDURES,
        PROCEDURE_FILTERS
            .into_iter()
            .zip([field, level, text.trim()]),
        page,
    )
}

/// Page `page` of the English home page's news.
pub fn english_home_href(page: u32) -> String {
    listing_href(EN_HOME, [], page)
}

/// A list's address: `path` with the filters that have a value and the page past the first.
fn listing_href<'a>(
    path: &str,
    filters: impl IntoIterator<Item = (&'a str, &'a str)>,
    page: u32,
) -> String {
    portal_contract::paging::listing_href(path, filters, page, encode)
}

/// `rel` for a link to a page that only the full app has (the map, the widget gallery): in the
/// reader app the link loads the page anew instead of routing inside the app.
pub const FULL_APP_LINK_REL: Option<&str> = if cfg!(all(feature = "map", feature = "embeds")) {
    None
} else {
    Some("external")
};
