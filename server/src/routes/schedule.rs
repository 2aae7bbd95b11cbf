use axum::extract::{Path, State};
use axum::Json;
use chrono::{Days, NaiveDate, NaiveTime};
use portal_contract::editorial::WeekEntries;
use portal_contract::limits::{
    SCHEDULE_CONTENT_MAX_CHARS, SCHEDULE_PERSON_MAX_CHARS, SCHEDULE_PLACE_MAX_CHARS,
    SCHEDULE_WEEK_MAX_ENTRIES,
};
use portal_contract::staff::StaffRole;
use portal_contract::{
    parse_iso_week, week_start, ApiError, FieldErrors, ScheduleEntry, WeekSchedule,
};
use serde::Deserialize;

use super::json::ApiJson;
use super::query::ApiQuery;
use super::staff_auth::StaffMember;
use crate::clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;
use crate::store::schedule::NewScheduleEntry;

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

/// Replaces a week's entries (approvers and admins); answers the week as citizens now see it.
#[utoipa::path(put, path = "/api/v1/admin/schedule/{week}", tag = "staff", request_body = WeekEntries,
    params(("week" = String, Path, description = "An ISO week such as `2026-W49`"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "The week as saved", body = WeekSchedule),
              (status = 400, description = "Not an ISO week, or the body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "An entry is not allowed; `error.fields` says which (`entries[2].time`)", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn edit_week(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(week): Path<String>,
    ApiJson(input): ApiJson<WeekEntries>,
) -> Result<Json<WeekSchedule>, AppError> {
    staff.require(StaffRole::Approver)?;
    let monday = parse_iso_week(&week).ok_or_else(|| {
        AppError::BadRequest(format!(
            "the week must be an ISO week such as 2026-W48, got {week:?}"
        ))
    })?;
    let errors = validate_week(monday, &input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let address = staff.actor().address.map(str::to_string);
    let actor = staff.name().to_string();
    state
        .db(move |conn| {
            conn.transaction(|tx| -> Result<(), AppError> {
                let entries: Vec<NewScheduleEntry> = input
                    .entries
                    .iter()
                    .map(|entry| NewScheduleEntry {
                        day: entry.date,
                        entry: ScheduleEntry {
                            time: entry.time.clone(),
                            content: entry.content.trim().to_string(),
                            chair: entry.chair.trim().to_string(),
                            participants: entry.participants.trim().to_string(),
                            place: entry.place.trim().to_string(),
                        },
                    })
                    .collect();
                store::schedule::replace_week(tx, monday, &entries)?;
                store::audit::record(
                    tx,
                    Some(&actor),
                    address.as_deref(),
                    "schedule_edited",
                    &week,
                )?;
                Ok(())
            })?;
            Ok(Json(store::schedule::week(conn, monday)?))
        })
        .await
}

/// What is wrong with each entry, by `entries[i].field`, in Vietnamese.
fn validate_week(monday: NaiveDate, input: &WeekEntries) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if input.entries.len() > SCHEDULE_WEEK_MAX_ENTRIES {
        errors.insert(
            "entries".into(),
            format!("Một tuần có tối đa {SCHEDULE_WEEK_MAX_ENTRIES} mục."),
        );
        return errors;
    }
    let sunday = monday + Days::new(6);
    for (index, entry) in input.entries.iter().enumerate() {
        let mut fail = |field: &str, message: String| {
            errors.insert(format!("entries[{index}].{field}"), message);
        };
        if entry.date < monday || entry.date > sunday {
            fail("date", "Ngày phải thuộc tuần đang sửa.".into());
        }
        if NaiveTime::parse_from_str(&entry.time, "%H:%M").is_err() || entry.time.len() != 5 {
            fail("time", "Giờ phải có dạng HH:MM, ví dụ 08:00.".into());
        }
        let text_fields = [
            ("content", &entry.content, SCHEDULE_CONTENT_MAX_CHARS, true),
            ("chair", &entry.chair, SCHEDULE_PERSON_MAX_CHARS, false),
            (
                "participants",
                &entry.participants,
                SCHEDULE_CONTENT_MAX_CHARS,
                false,
            ),
            ("place", &entry.place, SCHEDULE_PLACE_MAX_CHARS, false),
        ];
        for (field, value, max, required) in text_fields {
            let count = value.trim().chars().count();
            if required && count == 0 {
                fail(field, "Hãy nhập nội dung công việc.".into());
            } else if count > max {
                fail(field, format!("Tối đa {max} ký tự."));
            }
        }
    }
    errors
}
