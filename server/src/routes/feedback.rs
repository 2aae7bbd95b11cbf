use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use portal_contract::{
    to_portal_offset, validate_feedback, ApiError, FeedbackInput, FeedbackReceipt, FeedbackRecord,
    FieldErrors, Paged,
};

use crate::error::AppError;
use crate::limits::Bucket;
use crate::state::{AppState, ClientAddress};
use crate::store;

use super::json::{ApiJson, HtmlSafeJson};
use super::query::{self, ApiQuery};
use super::staff_auth::StaffReader;
use crate::questions::{contact_matches, LOOKUP_FLOOR};
use crate::store::feedback::FeedbackFilter;
use portal_contract::questions::{validate_lookup, FeedbackProgress, FeedbackStatus, LookupInput};
use serde::Deserialize;

/// People take longer than this to write anything; a form sent faster was filled by a script.
const MIN_FILL_MS: u64 = 3000;

/// Stores a citizen's feedback before answering 201. Likely spam (the hidden field filled,
/// or sent too fast) is stored but held back, and answered the same way, so a bot learns
/// nothing from the answer.
#[utoipa::path(post, path = "/api/v1/feedback", tag = "feedback", request_body = FeedbackInput,
    responses((status = 201, description = "Stored; quote the reference", body = FeedbackReceipt),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is over 32 KB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "Fields are wrong, or of the wrong JSON type; `error.fields` says which", body = ApiError),
              (status = 429, description = "Too many submissions from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn post_feedback(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(input): ApiJson<FeedbackInput>,
) -> Result<(StatusCode, Json<FeedbackReceipt>), AppError> {
    // An article removed while the citizen was writing does not make what they wrote any
    // less worth reading: the feedback is kept with the slug it named.
    let errors = validate_feedback(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    state.rate_limit(Bucket::Feedback, client).await?;
    let held_reason = if !input.website.trim().is_empty() {
        Some("honeypot")
    } else if input.elapsed_ms < MIN_FILL_MS {
        Some("too fast")
    } else {
        None
    };
    let now = to_portal_offset(&chrono::Utc::now());
    let receipt = state
        .db(move |conn| {
            if let Some(field) = &input.field {
                if !store::questions::field_exists(conn, field)? {
                    return Err(AppError::Invalid(FieldErrors::from([(
                        "field".to_string(),
                        "Lĩnh vực này không có trong danh sách.".to_string(),
                    )])));
                }
            }
            Ok(store::feedback::save_feedback(
                conn,
                &input,
                held_reason,
                now,
            )?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// Approvers and admins signed in, or scripts with `Authorization: Bearer <token>` (without a
/// configured token, scripts are refused).
#[utoipa::path(get, path = "/api/v1/admin/feedback", tag = "staff", params(FeedbackListQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "Submissions, newest first", body = Paged<FeedbackRecord>),
              (status = 400, description = "A parameter is malformed or out of range", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token (also when the server has no token configured)", body = ApiError),
              (status = 403, description = "Signed in as an editor: approvers and admins read this", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_feedback(
    State(state): State<AppState>,
    _staff: StaffReader,
    ApiQuery(query): ApiQuery<FeedbackListQuery>,
) -> Result<HtmlSafeJson<Paged<FeedbackRecord>>, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let status = query
        .status
        .map(|code| {
            FeedbackStatus::from_code(&code).ok_or_else(|| {
                let codes: Vec<&str> = FeedbackStatus::ALL.iter().map(|s| s.code()).collect();
                AppError::BadRequest(format!(
                    "`status` must be one of {}, got {code:?}",
                    codes.join(", ")
                ))
            })
        })
        .transpose()?;
    let filter = FeedbackFilter {
        held: query.held.unwrap_or(false),
        status,
        field: query.field,
    };
    state
        .db(move |conn| {
            if let Some(field) = &filter.field {
                if !store::questions::field_exists(conn, field)? {
                    return Err(AppError::BadRequest(format!(
                        "`field`: no field has the slug {field:?}"
                    )));
                }
            }
            Ok(HtmlSafeJson(store::feedback::list_feedback(
                conn, &filter, page,
            )?))
        })
        .await
}

/// The query of `GET /admin/feedback`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedbackListQuery {
    /// Page number, from 1.
    page: Option<u32>,
    /// Submissions per page (default 10).
    per_page: Option<u32>,
    /// `true` lists the submissions held back as likely spam.
    held: Option<bool>,
    /// Only those in this state.
    #[param(value_type = Option<FeedbackStatus>)]
    status: Option<String>,
    /// Only those filed under this field (its slug, from `/question-fields`).
    field: Option<String>,
}

/// A citizen follows their feedback by its reference and the email or phone they wrote with.
/// A wrong reference and a wrong contact are the same 404, after the same wait
/// (`questions::LOOKUP_FLOOR`), so neither can be probed for; look-ups are counted per address.
#[utoipa::path(post, path = "/api/v1/feedback/lookup", tag = "feedback", request_body = LookupInput,
    responses((status = 200, description = "Where the feedback stands, and its answer when there is one", body = FeedbackProgress),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 404, description = "No feedback has this reference and contact", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is over 32 KB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is missing or too long; `error.fields` says which", body = ApiError),
              (status = 429, description = "Too many look-ups from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn lookup_feedback(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(input): ApiJson<LookupInput>,
) -> Result<HtmlSafeJson<FeedbackProgress>, AppError> {
    let errors = validate_lookup(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    state.rate_limit(Bucket::FeedbackLookups, client).await?;
    let started = tokio::time::Instant::now();
    let reference = input.reference.trim().to_uppercase();
    let found = state
        .db(move |conn| Ok(store::feedback::progress(conn, &reference)?))
        .await?;
    // The comparison runs whether or not the reference exists, against nothing when it does
    // not, so both misses cost the same.
    let (email, phone) = found.as_ref().map_or(("", ""), |(_, email, phone)| {
        (email.as_str(), phone.as_str())
    });
    let matches = contact_matches(&input.contact, email, phone);
    tokio::time::sleep_until(started + LOOKUP_FLOOR).await;
    match found {
        Some((progress, _, _)) if matches => Ok(HtmlSafeJson(progress)),
        _ => Err(AppError::NotFound(
            "no feedback has this reference and contact".into(),
        )),
    }
}
