use axum::extract::State;
use axum::Json;
use portal_contract::{parse_iso_week, week_start, ApiError, WeekSchedule};
use serde::Deserialize;

use super::query::ApiQuery;
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

/// `?week=YYYY-Www`; the current week in Vietnam when absent.
#[utoipa::path(get, path = "/api/v1/schedule", tag = "widgets", params(ScheduleQuery),
    responses((status = 200, description = "The week's work schedule, Monday to Sunday", body = WeekSchedule),
              (status = 400, description = "Not an ISO week", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_schedule(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ScheduleQuery>,
) -> Result<Json<WeekSchedule>, AppError> {
    let monday = match query.week.as_deref() {
        None => week_start(clock::today()),
        Some(label) => parse_iso_week(label).ok_or_else(|| {
            AppError::BadRequest(format!(
                "`week` must be an ISO week such as 2026-W48, got {label:?}"
            ))
        })?,
    };
    state
        .db(move |conn| Ok(Json(store::schedule::week(conn, monday)?)))
        .await
}

/// The query of `GET /schedule`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScheduleQuery {
    /// An ISO week such as `2026-W48`, 1900 to 2100; this week (in +07:00) when absent.
    week: Option<String>,
}

pub async fn edit_week() -> Result<(), crate::error::AppError> {
    Err(crate::error::AppError::NotFound("not yet".into()))
}
