//! The JSON API v1, one module per resource.

pub(crate) mod about;
pub(crate) mod articles;
pub(crate) mod audit;
pub(crate) mod budget;
pub(crate) mod categories;
pub(crate) mod document_admin;
pub(crate) mod documents;
pub(crate) mod editorial;
pub(crate) mod feedback;
pub(crate) mod feedback_handling;
pub(crate) mod json;
pub(crate) mod links;
pub(crate) mod map;
pub(crate) mod photos;
pub(crate) mod procedures;
pub(crate) mod query;
pub(crate) mod questions;
pub(crate) mod ratings;
pub(crate) mod schedule;
pub(crate) mod session;
pub(crate) mod site;
pub(crate) mod staff_auth;
pub(crate) mod stats;
pub(crate) mod users;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, patch, post, put};
use axum::Router;
use tower_http::timeout::TimeoutLayer;

use crate::error::{json_error, AppError};
use crate::state::AppState;

/// Every `/api/v1/...` route, bounded by `state.limits`; unknown API paths answer a JSON 404.
pub fn api(state: &AppState) -> Router<AppState> {
    let limits = &state.limits;
    Router::new()
        .route("/site", get(site::get_site))
        .route("/categories", get(categories::list_categories))
        .route("/articles", get(articles::list_articles))
        .route("/articles/{slug}", get(articles::get_article))
        .route("/documents", get(documents::list_documents))
        .route("/documents/{slug}", get(documents::get_document))
        .route("/document-facets", get(documents::document_facets))
        .route("/procedures", get(procedures::list_procedures))
        .route("/procedures/{slug}", get(procedures::get_procedure))
        .route("/procedure-fields", get(procedures::list_fields))
        .route("/pages/{slug}", get(about::get_page))
        .route("/organization", get(about::get_organization))
        .route("/schedule", get(schedule::get_schedule))
        .route("/stats", get(stats::get_stats))
        .route("/visits", post(stats::post_visit))
        .route("/links", get(links::list_links))
        .route("/map", get(map::get_map))
        .route("/feedback", post(feedback::post_feedback))
        .route("/feedback/lookup", post(feedback::lookup_feedback))
        .route("/questions", get(questions::list_questions))
        .route("/questions/{reference}", get(questions::get_question))
        .route("/question-fields", get(questions::list_fields))
        .route("/admin/feedback", get(feedback::list_feedback))
        .route(
            "/admin/feedback/{reference}",
            get(feedback_handling::get_feedback),
        )
        .route(
            "/admin/feedback/{reference}/assign",
            post(feedback_handling::assign),
        )
        .route(
            "/admin/feedback/{reference}/decline",
            post(feedback_handling::decline),
        )
        .route(
            "/admin/feedback/{reference}/answer",
            post(feedback_handling::answer),
        )
        .route("/ratings", post(ratings::post_rating))
        .route("/admin/ratings", get(ratings::list_ratings))
        .route(
            "/admin/session",
            post(session::sign_in)
                .get(session::current)
                .delete(session::sign_out),
        )
        .route("/admin/audit", get(audit::list_audit))
        .route("/admin/users", get(users::list_users).post(users::add_user))
        .route("/admin/users/{username}", patch(users::change_user))
        .route(
            "/admin/articles",
            get(editorial::list_articles).post(editorial::create_article),
        )
        .route(
            "/admin/articles/{id}",
            get(editorial::get_article).put(editorial::save_article),
        )
        .route("/admin/articles/{id}/submit", post(editorial::submit))
        .route("/admin/articles/{id}/publish", post(editorial::publish))
        .route("/admin/articles/{id}/schedule", post(editorial::schedule))
        .route("/admin/articles/{id}/unpublish", post(editorial::unpublish))
        .route("/admin/articles/{id}/preview", get(editorial::preview))
        .route(
            "/admin/articles/{id}/revisions",
            get(editorial::list_revisions),
        )
        .route(
            "/admin/articles/{id}/revisions/{number}",
            get(editorial::get_revision),
        )
        .route(
            "/admin/articles/{id}/revisions/{number}/restore",
            post(editorial::restore_revision),
        )
        .route("/admin/articles/{id}/diff", get(editorial::diff))
        .route("/admin/photos", post(photos::upload_photo))
        .route(
            "/admin/documents",
            get(document_admin::list_documents).post(document_admin::create_document),
        )
        .route(
            "/admin/documents/{slug}",
            get(document_admin::get_document).put(document_admin::save_document),
        )
        .route("/admin/document-files", post(document_admin::upload_file))
        .route("/admin/schedule/{week}", put(schedule::edit_week))
        .route("/admin/links", put(links::edit_links))
        .route("/admin/pages/{slug}", put(about::edit_page))
        .route("/admin/organization", put(about::edit_organization))
        .route("/openapi.json", get(crate::openapi::document))
        .fallback(api_not_found)
        // Requests beyond a budget wait for a turn; the timeout outside it bounds the wait
        // as well as the work, so a flood is answered with 503s instead of piling up.
        .layer(middleware::from_fn_with_state(
            budget::Budgets::new(limits),
            budget::take_a_place,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.request_timeout,
        ))
        // Outside the timeout and the budgets: a slow body holds neither.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            budget::read_body_first,
        ))
        .layer(middleware::from_fn(errors_as_json))
        .layer(middleware::from_fn(crate::http_cache::etag_and_lifetime))
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
