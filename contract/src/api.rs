//! The JSON shapes of API v1 (`/api/v1/...`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The prefix every API path lives under.
pub const API_PREFIX: &str = "/api/v1";

/// The portal's name where the site's settings are not at hand: before `/site` has answered
/// (and if it never does) in the app, without stored settings on the server.
pub const DEFAULT_SITE_NAME: &str = "Cổng thông tin điện tử huyện Bình Liêu";

/// The `id` of the reading view the server writes into a reading page (the portal's name and
/// menu, and an article's text on its page), shown until the app takes over and removes it.
pub const READING_VIEW_ID: &str = "server-page";

/// The page of articles kept for reading offline, and the list of them the service worker
/// answers, `[{"slug", "title", "path", "saved_at", "photos"}]` (`server/src/service_worker.js`
/// writes both paths as they are here).
pub const SAVED_PAGE_PATH: &str = "/da-luu";
pub const SAVED_INDEX_PATH: &str = "/da-luu.json";

/// `GET /site`: what the page frame shows around every page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Site {
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub logo_url: Option<String>,
    pub contacts: Contacts,
    /// The top menu: categories in display order.
    pub menu: Vec<CategoryRef>,
    /// The base map under `/ban-do`.
    pub map_tiles: crate::MapTiles,
    /// The district at a glance (area, people, border gate…), shown on the English home
    /// page; only the English settings have it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glance: Vec<Fact>,
}

/// One fact of the site at a glance: `Area`, `about 470 km²`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contacts {
    pub agency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Who is responsible for the portal's content (a position, not a person).
    pub responsible: String,
}

/// A category as it appears inside other objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

/// A category's page of articles, `/chuyen-muc/{slug}`.
pub fn category_path(slug: &str) -> String {
    format!("/chuyen-muc/{slug}")
}

/// `GET /categories`: one category with its place in the tree and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub parent: Option<String>,
    pub article_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Every stored width of a photo staff uploaded, as the `srcset` attribute takes it
    /// (`/media/…-320.jpg 320w, /media/…-640.jpg 640w`); absent for an image given by address.
    /// One string rather than a list: the app sets it as it comes, which costs its download
    /// nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub srcset: Option<String>,
}

/// The `sizes` of an article's lead image on its page and of the home page's lead story: the
/// reading column's width (`style/main.css`), the whole screen on a phone.
pub const LEAD_IMAGE_SIZES: &str = "(min-width: 60rem) 40rem, 100vw";
/// The `sizes` of a list's thumbnail (`.article-card-image`).
pub const THUMBNAIL_SIZES: &str = "7rem";

/// A `srcset` value from (address, width in pixels) pairs.
pub fn srcset<S: AsRef<str>>(sizes: impl IntoIterator<Item = (S, u32)>) -> String {
    sizes
        .into_iter()
        .map(|(url, width)| format!("{} {width}w", url.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The addresses a `srcset` value names, if each candidate is an address and a width
/// (`URL 640w`); `None` for anything else.
pub fn srcset_urls(srcset: &str) -> Option<Vec<&str>> {
    srcset
        .split(',')
        .map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let (url, width) = (parts.next()?, parts.next()?);
            let digits = width.strip_suffix('w')?;
            let valid = parts.next().is_none()
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit());
            valid.then_some(url)
        })
        .collect()
}

/// An article in a list: everything but the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published_at: DateTime<FixedOffset>,
    pub author: String,
    pub category: CategoryRef,
    pub image: Option<Image>,
    pub featured: bool,
    /// Present in search results only: where the searched words are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<Highlight>,
}

/// The title and a snippet of the body of a search hit, cut into plain and matched parts.
/// Structured rather than HTML, so a client never has to trust markup to show a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Highlight {
    pub title: Vec<Segment>,
    pub snippet: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segment {
    pub text: String,
    /// True where the text matches a searched word.
    pub matched: bool,
}

/// `GET /articles/{slug}`: the whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Sanitized by the server before it was stored; safe for `innerHTML`.
    pub body_html: String,
    pub published_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    pub author: String,
    pub category: CategoryRef,
    pub image: Option<Image>,
    pub featured: bool,
    /// The language it is written in: its page is `/tin-tuc/{slug}`, or `/en/news/{slug}`.
    #[serde(default)]
    pub lang: crate::Lang,
    /// The slug of the same news in the other language, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    /// Other articles of the same category (of the same language), newest first.
    pub related: Vec<ArticleSummary>,
}

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    /// There are more than `total`: a search stopped counting there
    /// (`limits::SEARCH_COUNT_LIMIT`), and its pages end there. Absent when `total` is exact.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more_than_total: bool,
}

impl<T> Paged<T> {
    /// How many pages the whole list fills (at least one, so an empty list still has a page 1).
    pub fn page_count(&self) -> u32 {
        let per_page = u64::from(self.per_page.max(1));
        self.total.div_ceil(per_page).max(1) as u32
    }

    /// The catalogue text that tells the total: `more` when counting stopped at it, else `one`
    /// or `many` (`plural`).
    pub fn total_text(
        &self,
        one: &'static str,
        many: &'static str,
        more: &'static str,
    ) -> &'static str {
        if self.more_than_total {
            more
        } else {
            crate::plural(self.total, one, many)
        }
    }
}

/// `GET /schedule?week=YYYY-Www`: one ISO week of the leaders' work schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekSchedule {
    /// `2026-W48`.
    pub week: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The weeks before and after, to link to; absent at the edges of the calendar the API
    /// serves (1900 to 2100), so no link leads to a week it would refuse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_week: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_week: Option<String>,
    /// Monday to Sunday, always seven; a day without entries has an empty list.
    pub days: Vec<ScheduleDay>,
}

impl WeekSchedule {
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(|day| day.entries.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleDay {
    pub date: NaiveDate,
    /// `Thứ Hai` … `Chủ Nhật`.
    pub weekday: String,
    pub entries: Vec<ScheduleEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleEntry {
    /// `HH:MM`, in +07:00.
    pub time: String,
    pub content: String,
    /// Who chairs: a position, such as `Chủ tịch UBND huyện`.
    pub chair: String,
    pub participants: String,
    pub place: String,
}

/// `GET /stats` and `POST /visits`: how many visits the portal has had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitStats {
    /// Visits since midnight in Vietnam (+07:00).
    pub today: u64,
    pub total: u64,
}

/// The page of every linked website, by group.
pub const LINKS_PAGE_PATH: &str = "/lien-ket";

/// `GET /links`: linked websites in groups, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkGroup {
    pub name: String,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// One record of an import file (`portal-server import FILE.json`), and a new draft from the
/// staff area (`POST /admin/articles`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// Derived from the title when absent.
    #[serde(default)]
    pub slug: Option<String>,
    pub title: String,
    /// The slug of an existing category.
    pub category: String,
    /// RFC 3339, for example `2021-12-03T14:57:00+07:00`. Required in an import file; a
    /// draft from the staff area may leave it out (it then takes the time it is published).
    #[serde(default)]
    pub published_at: Option<String>,
    pub author: String,
    #[serde(default)]
    pub summary: Option<String>,
    pub body_html: String,
    #[serde(default)]
    pub featured: Option<bool>,
    #[serde(default)]
    pub image: Option<Image>,
}

/// Every error the API answers with: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub error: ApiErrorBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiErrorBody {
    /// Machine-readable: `bad_request`, `not_found`, `internal`, ...
    pub code: String,
    /// Human-readable, in English for developers; the app shows its own Vietnamese text.
    pub message: String,
    /// For 422: what is wrong with each field of the request, in Vietnamese.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: std::collections::BTreeMap<String, String>,
    /// For 429: how many seconds to wait before trying again, as in the `Retry-After` header
    /// (which a cross-origin deployment may not expose to scripts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: ApiErrorBody {
                code: code.into(),
                message: message.into(),
                fields: Default::default(),
                retry_after: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_is_written_and_read_back() {
        let value = srcset([("/media/a-320.jpg", 320), ("/media/a-640.jpg", 640)]);
        assert_eq!(value, "/media/a-320.jpg 320w, /media/a-640.jpg 640w");
        assert_eq!(
            srcset_urls(&value),
            Some(vec!["/media/a-320.jpg", "/media/a-640.jpg"])
        );
        for bad in [
            "",
            "/a.jpg",
            "/a.jpg 2x",
            "/a.jpg 640w 1x",
            "javascript:x 640w, /b.jpg w",
        ] {
            assert_eq!(srcset_urls(bad), None, "{bad}");
        }
    }

    #[test]
    fn page_count_rounds_up_and_never_is_zero() {
        let page = |total, per_page| Paged::<()> {
            items: vec![],
            page: 1,
            per_page,
            total,
            more_than_total: false,
        };
        assert_eq!(page(0, 10).page_count(), 1);
        assert_eq!(page(10, 10).page_count(), 1);
        assert_eq!(page(11, 10).page_count(), 2);
        assert_eq!(page(95, 12).page_count(), 8);
    }

    #[test]
    fn error_serializes_in_the_documented_shape() {
        let json = serde_json::to_value(ApiError::new("not_found", "no such article")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": {"code": "not_found", "message": "no such article"}})
        );
    }

    #[test]
    fn article_input_rejects_unknown_fields() {
        let err = serde_json::from_str::<ArticleInput>(
            r#"{"title":"a","category":"b","published_at":"2021-12-03T14:57:00+07:00","author":"c","body_html":"<p>x</p>","colour":"red"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
