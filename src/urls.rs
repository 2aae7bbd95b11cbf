//! Every address the app writes into a link, in one place, so a route's shape is changed once.

use crate::api::{encode, DocumentCriteria, SearchCriteria};

pub const HOME: &str = "/";
pub const SEARCH: &str = "/tim-kiem";
pub const SCHEDULE: &str = "/lich-cong-tac";
pub const LINKS: &str = "/lien-ket";
pub const FEEDBACK: &str = "/gui-y-kien";
pub const SAVED: &str = portal_contract::SAVED_PAGE_PATH;
pub const DOCUMENTS: &str = "/van-ban";
pub const QUESTIONS: &str = portal_contract::questions::QUESTIONS_PAGE_PATH;
pub const LOOKUP: &str = portal_contract::questions::LOOKUP_PAGE_PATH;
/// Only in the full app: link to it with `rel=FULL_APP_LINK_REL`.
pub const MAP: &str = "/ban-do";
/// Only in the full app: link to it with `rel=FULL_APP_LINK_REL`.
pub const EMBED_GALLERY: &str = "/nhung";

pub fn article_href(slug: &str) -> String {
    format!("/tin-tuc/{slug}")
}

pub fn category_href(slug: &str) -> String {
    format!("/chuyen-muc/{slug}")
}

/// Page `page` of a category's listing.
pub fn category_page_href(slug: &str, page: u32) -> String {
    format!("{}?trang={page}", category_href(slug))
}

/// The work schedule of ISO week `week` (`2026-W48`).
pub fn week_href(week: &str) -> String {
    format!("{SCHEDULE}?tuan={week}")
}

/// The address of page `page` of the results for `criteria`.
pub fn search_href(criteria: &SearchCriteria, page: u32) -> String {
    let mut parts = Vec::new();
    for (name, value) in [
        ("q", criteria.text.trim()),
        ("chuyen-muc", criteria.category.as_str()),
        ("tu-ngay", criteria.from.as_str()),
        ("den-ngay", criteria.to.as_str()),
    ] {
        if !value.is_empty() {
            parts.push(format!("{name}={}", encode(value)));
        }
    }
    if page > 1 {
        parts.push(format!("trang={page}"));
    }
    if parts.is_empty() {
        SEARCH.to_string()
    } else {
        format!("{SEARCH}?{}", parts.join("&"))
    }
}

pub fn document_href(slug: &str) -> String {
    format!("{DOCUMENTS}/{slug}")
}

/// The names `/van-ban` gives `DocumentCriteria::values` in its address.
pub const DOCUMENT_FILTERS: [&str; 6] = ["q", "loai", "co-quan", "linh-vuc", "nam", "tinh-trang"];

/// The address of page `page` of the documents that `criteria` finds.
pub fn documents_href(criteria: &DocumentCriteria, page: u32) -> String {
    let mut parts = Vec::new();
    for (name, value) in DOCUMENT_FILTERS.into_iter().zip(criteria.values()) {
        if !value.is_empty() {
            parts.push(format!("{name}={}", encode(value)));
        }
    }
    if page > 1 {
        parts.push(format!("trang={page}"));
    }
    if parts.is_empty() {
        DOCUMENTS.to_string()
    } else {
        format!("{DOCUMENTS}?{}", parts.join("&"))
    }
}

/// The documents of one type, issuer or field (`name` one of `DOCUMENT_FILTERS`).
pub fn documents_filtered_href(name: &str, slug: &str) -> String {
    format!("{DOCUMENTS}?{name}={}", encode(slug))
}

pub fn question_href(reference: &str) -> String {
    format!("{QUESTIONS}/{reference}")
}

/// The names `/hoi-dap` gives its field filter and words in its address.
pub const QUESTION_FILTERS: [&str; 2] = [portal_contract::questions::QUESTION_FIELD_PARAM, "q"];

/// The address of page `page` of the questions in `field` (any when empty) with `text`.
pub fn questions_href(field: &str, text: &str, page: u32) -> String {
    let mut parts = Vec::new();
    for (name, value) in QUESTION_FILTERS.into_iter().zip([field, text.trim()]) {
        if !value.is_empty() {
            parts.push(format!("{name}={}", encode(value)));
        }
    }
    if page > 1 {
        parts.push(format!("trang={page}"));
    }
    if parts.is_empty() {
        QUESTIONS.to_string()
    } else {
        format!("{QUESTIONS}?{}", parts.join("&"))
    }
}

/// `rel` for a link to a page that only the full app has (the map, the widget gallery): in the
/// reader app the link loads the page anew instead of routing inside the app.
pub const FULL_APP_LINK_REL: Option<&str> = if cfg!(all(feature = "map", feature = "embeds")) {
    None
} else {
    Some("external")
};
