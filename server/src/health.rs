//! `GET /healthz`: whether this replica can answer, for load balancers and orchestrators.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::error::AppError;
use crate::state::AppState;

/// 200 when the database answers, 503 (the usual JSON error) when it does not: a replica
/// that cannot reach PostgreSQL is taken out of the rotation until it can.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let engine = match state.pool.engine() {
        crate::db::Engine::Sqlite => "sqlite",
        crate::db::Engine::Postgres => "postgres",
    };
    let checked = state.db(|conn| conn.ping().map_err(AppError::from)).await;
    let mut response = match checked {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": engine })),
        )
            .into_response(),
        Err(err) => err.into_response(),
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
