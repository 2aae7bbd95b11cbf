//! What the portal offers to other programs besides its JSON API: news feeds (RSS 2.0), the
//! work schedule as a calendar (iCalendar), and the sitemap and robots.txt for search
//! engines. Each names the portal by its absolute address (`AppState::site_origin`).

pub mod calendar;
pub mod robots;
pub mod rss;
pub mod sitemap;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// An XML or text document with its media type, revalidated after a few minutes: readers
/// and crawlers poll these.
fn document(media_type: &'static str, body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(media_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        body,
    )
        .into_response()
}

/// A plain 404 for a feed that does not exist (feed readers show the status, not a page).
fn not_found(what: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        format!("{what} không tồn tại.\n"),
    )
        .into_response()
}

/// Text for XML element content and attribute values.
fn xml_escape(text: &str) -> String {
    crate::html::escape(text)
}
