//! Staff handle a piece of feedback: read it, give it to a unit, decline it, or answer and
//! publish it. Approvers and admins signed in, or scripts with the bearer token; every change
//! goes to the audit log.

use axum::extract::{Path, State};
use portal_contract::questions::{
    validate_answer, validate_assign, AnswerInput, AssignInput, DeclineInput,
};
use portal_contract::staff::StaffRole;
use portal_contract::{ApiError, FeedbackRecord, FieldErrors};

use super::json::{ApiJson, HtmlSafeJson};
use super::staff_auth::{StaffMember, StaffReader};
use crate::db::Conn;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;
use crate::store::feedback::AnswerChange;

/// One submission, with its sender's contact details.
#[utoipa::path(get, path = "/api/v1/admin/feedback/{reference}", tag = "staff",
    params(("reference" = String, Path, description = "The feedback's reference, such as PH-2026-000042")),
    security(("bearer" = [])),
    responses((status = 200, description = "The submission", body = FeedbackRecord),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "Signed in as an editor: approvers and admins read this", body = ApiError),
              (status = 404, description = "No feedback has this reference", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_feedback(
    State(state): State<AppState>,
    _staff: StaffReader,
    Path(reference): Path<String>,
) -> Result<HtmlSafeJson<FeedbackRecord>, AppError> {
    let reference = reference.to_uppercase();
    state
        .db(move |conn| Ok(HtmlSafeJson(record(conn, &reference)?)))
        .await
}

fn record(conn: &mut Conn, reference: &str) -> Result<FeedbackRecord, AppError> {
    store::feedback::feedback_record(conn, reference)?
        .ok_or_else(|| AppError::NotFound("no feedback has this reference".into()))
}

/// Who changed it, as the audit log records them.
struct Recorder {
    actor: Option<String>,
    address: String,
}

impl Recorder {
    fn of(staff: &StaffMember) -> Self {
        let actor = staff.actor();
        Recorder {
            actor: actor.user.map(|user| user.username.clone()),
            address: actor.address.unwrap_or("token").to_string(),
        }
    }

    fn record(
        &self,
        conn: &mut Conn,
        action: &str,
        reference: &str,
        detail: Option<&str>,
    ) -> Result<(), AppError> {
        store::audit::record_with_detail(
            conn,
            self.actor.as_deref(),
            Some(&self.address),
            action,
            reference,
            detail,
        )?;
        Ok(())
    }
}

/// Gives the submission to a unit: it is then "đang xử lý".
#[utoipa::path(post, path = "/api/v1/admin/feedback/{reference}/assign", tag = "staff",
    request_body = AssignInput,
    params(("reference" = String, Path, description = "The feedback's reference")),
    security(("bearer" = [])),
    responses((status = 200, description = "Assigned", body = FeedbackRecord),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or a session's change without its X-CSRF-Token", body = ApiError),
              (status = 404, description = "No feedback has this reference", body = ApiError),
              (status = 409, description = "It was answered already", body = ApiError),
              (status = 413, description = "The body is too large", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The unit is missing or too long", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn assign(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<AssignInput>,
) -> Result<HtmlSafeJson<FeedbackRecord>, AppError> {
    staff.require(StaffRole::Approver)?;
    let errors = validate_assign(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let unit = input.unit.trim().to_string();
    let detail = unit.clone();
    change_unless_answered(
        &state,
        &staff,
        reference,
        "feedback_assigned",
        detail,
        move |tx, reference| store::feedback::assign(tx, reference, &unit),
    )
    .await
}

/// Changes a submission not answered yet with `change` (which answers how many rows it
/// changed: none for one answered, a 409), records `action` with `detail` in the audit log,
/// and answers the submission as it now stands. An unknown reference is a 404.
async fn change_unless_answered(
    state: &AppState,
    staff: &StaffMember,
    reference: String,
    action: &'static str,
    detail: String,
    change: impl FnOnce(&mut Conn, &str) -> crate::db::Result<u64> + Send + 'static,
) -> Result<HtmlSafeJson<FeedbackRecord>, AppError> {
    let recorder = Recorder::of(staff);
    let reference = reference.to_uppercase();
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                if change(tx, &reference)? == 0 {
                    record(tx, &reference)?;
                    return Err(AppError::Conflict("it was answered already".into()));
                }
                recorder.record(tx, action, &reference, Some(&detail))?;
                Ok(HtmlSafeJson(record(tx, &reference)?))
            })
        })
        .await
}

/// Closes the submission unhandled, for a reason the citizen reads in their look-up.
#[utoipa::path(post, path = "/api/v1/admin/feedback/{reference}/decline", tag = "staff",
    request_body = DeclineInput,
    params(("reference" = String, Path, description = "The feedback's reference")),
    security(("bearer" = [])),
    responses((status = 200, description = "Declined", body = FeedbackRecord),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or a session's change without its X-CSRF-Token", body = ApiError),
              (status = 404, description = "No feedback has this reference", body = ApiError),
              (status = 409, description = "It was answered already", body = ApiError),
              (status = 413, description = "The body is too large", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The reason is not one of the three", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn decline(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<DeclineInput>,
) -> Result<HtmlSafeJson<FeedbackRecord>, AppError> {
    staff.require(StaffRole::Approver)?;
    let reason = input.reason;
    let detail = reason.code().to_string();
    change_unless_answered(
        &state,
        &staff,
        reference,
        "feedback_declined",
        detail,
        move |tx, reference| {
            store::feedback::decline(tx, reference, reason, &crate::clock::now_text())
        },
    )
    .await
}

/// Answers the submission, or replaces its answer (the audit log keeps the earlier one), and
/// publishes it on `/hoi-dap` or takes it off. The answer is sanitized as an article's body.
#[utoipa::path(post, path = "/api/v1/admin/feedback/{reference}/answer", tag = "staff",
    request_body = AnswerInput,
    params(("reference" = String, Path, description = "The feedback's reference")),
    security(("bearer" = [])),
    responses((status = 200, description = "Answered; the submission as it now stands", body = FeedbackRecord),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or a session's change without its X-CSRF-Token", body = ApiError),
              (status = 404, description = "No feedback has this reference", body = ApiError),
              (status = 413, description = "The body is too large", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The answer is empty or too long, the unit too long, or `publish` asked for a question its sender did not allow to be published", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn answer(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<AnswerInput>,
) -> Result<HtmlSafeJson<FeedbackRecord>, AppError> {
    staff.require(StaffRole::Approver)?;
    let errors = validate_answer(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let body_html = crate::sanitize::article_html(&input.body_html);
    if crate::sanitize::plain_text(&body_html).trim().is_empty() {
        return Err(invalid(
            "body_html",
            "Nội dung trả lời không còn chữ nào sau khi bỏ phần định dạng không được phép.",
        ));
    }
    let recorder = Recorder::of(&staff);
    let reference = reference.to_uppercase();
    let tiles = state.map_tiles.as_ref().clone();
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                let before = record(tx, &reference)?;
                if input.publish && !before.allow_publish {
                    return Err(invalid(
                        "publish",
                        "Người gửi không đồng ý công khai câu hỏi này, nên không thể đăng.",
                    ));
                }
                let unit = match input.unit.as_deref().map(str::trim) {
                    Some(unit) => unit.to_string(),
                    None => match &before.unit {
                        Some(unit) => unit.clone(),
                        None => store::site::site(tx, tiles)?.map_or_else(
                            || portal_contract::DEFAULT_SITE_NAME.to_string(),
                            |site| site.contacts.agency,
                        ),
                    },
                };
                let now = crate::clock::now_text();
                let change = AnswerChange {
                    body_html: &body_html,
                    unit: &unit,
                    publish: input.publish,
                    public_title: input.public_title.as_deref().map(str::trim),
                    public_question: input.public_question.as_deref().map(str::trim),
                    now: &now,
                };
                store::feedback::answer(tx, &before, &change)?;
                match &before.answer {
                    // Publishing or rewording alone leaves the answer as it was.
                    Some(earlier) if earlier.body_html == body_html && earlier.unit == unit => {}
                    Some(earlier) => recorder.record(
                        tx,
                        "feedback_answer_replaced",
                        &reference,
                        Some(&earlier.body_html),
                    )?,
                    None => recorder.record(tx, "feedback_answered", &reference, None)?,
                }
                if input.publish != before.published {
                    let action = if input.publish {
                        "feedback_published"
                    } else {
                        "feedback_unpublished"
                    };
                    recorder.record(tx, action, &reference, None)?;
                }
                Ok(HtmlSafeJson(record(tx, &reference)?))
            })
        })
        .await
}

fn invalid(field: &str, message: &str) -> AppError {
    AppError::Invalid(FieldErrors::from([(
        field.to_string(),
        message.to_string(),
    )]))
}
