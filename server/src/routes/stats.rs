use axum::extract::State;
use axum::Json;
use portal_contract::{ApiError, VisitStats};

use crate::clock;
use crate::error::AppError;
use crate::limits::Bucket;
use crate::state::{AppState, ClientAddress};
use crate::store;

use super::json::ApiJson;

#[utoipa::path(get, path = "/api/v1/stats", tag = "widgets",
    responses((status = 200, description = "Visits today (in +07:00) and in all", body = VisitStats), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_stats(State(state): State<AppState>) -> Result<Json<VisitStats>, AppError> {
    state
        .db(|conn| Ok(Json(store::stats::visit_stats(conn, clock::today())?)))
        .await
}

/// Counts one visit. The app calls this once per browser session; no cookie is set and
/// nothing about the visitor is stored.
#[utoipa::path(post, path = "/api/v1/visits", tag = "widgets",
    request_body(content = Object, description = "A JSON object, usually `{}`; its members say nothing", content_type = "application/json"),
    responses((status = 200, description = "Counted; the statistics after this visit", body = VisitStats),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is too large", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The body is JSON but not an object", body = ApiError),
              (status = 429, description = "Too many visits from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn post_visit(
    State(state): State<AppState>,
    client: ClientAddress,
    // Only as JSON: a plain form on another site posts text or form data without asking, and
    // could inflate the count; a JSON post needs the API's consent (CORS), which it does not
    // give. The body itself says nothing.
    ApiJson(_): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> Result<Json<VisitStats>, AppError> {
    state.rate_limit(Bucket::Visits, client).await?;
    state
        .db(|conn| Ok(Json(store::stats::record_visit(conn, clock::today())?)))
        .await
}
