use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::Json;
use portal_contract::{parse_iso_week, week_start, WeekSchedule};

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

/// `?week=YYYY-Www`; the current week in Vietnam when absent.
pub async fn get_schedule(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<WeekSchedule>, AppError> {
    let monday = match query.get("week") {
        None => week_start(clock::today()),
        Some(label) => parse_iso_week(label).ok_or_else(|| {
            AppError::BadRequest(format!(
                "`week` must be an ISO week such as 2026-W48, got {label:?}"
            ))
        })?,
    };
    state
        .db(move |conn| Ok(Json(store::week(conn, monday)?)))
        .await
}
