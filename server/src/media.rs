//! `/media/{name}`: the photos staff uploaded, from the database, cached for good.

use axum::response::Response;

/// Placeholder until serving is written.
pub async fn serve_media() -> Response {
    axum::http::StatusCode::NOT_FOUND.into_response()
}
use axum::response::IntoResponse;
