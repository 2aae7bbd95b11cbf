//! The JSON API v1, one module per resource.

mod articles;
mod categories;
mod links;
mod schedule;
mod site;
mod stats;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

use crate::error::{json_error, AppError};
use crate::state::AppState;

/// Every `/api/v1/...` route; unknown API paths answer a JSON 404.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/site", get(site::get_site))
        .route("/categories", get(categories::list_categories))
        .route("/articles", get(articles::list_articles))
        .route("/articles/{slug}", get(articles::get_article))
        .route("/schedule", get(schedule::get_schedule))
        .route("/stats", get(stats::get_stats))
        .route("/visits", post(stats::post_visit))
        .route("/links", get(links::list_links))
        .fallback(api_not_found)
        .layer(middleware::from_fn(errors_as_json))
}

pub async fn api_not_found() -> AppError {
    AppError::NotFound("no such API endpoint".into())
}

/// Errors produced outside the handlers (a wrong method, a rejected extractor, a panic) come
/// back as plain text; rewrite them into the API's JSON error shape.
async fn errors_as_json(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let message = match status {
            StatusCode::METHOD_NOT_ALLOWED => "this method is not allowed here".to_string(),
            status => status.canonical_reason().unwrap_or("error").to_lowercase(),
        };
        let mut rewritten = json_error(status, message);
        if let Some(allow) = response.headers().get(header::ALLOW) {
            rewritten.headers_mut().insert(header::ALLOW, allow.clone());
        }
        return rewritten;
    }
    response
}
