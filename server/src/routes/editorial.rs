//! The staff's articles through their workflow: `/admin/articles`. The rules are in
//! `crate::editorial`; these handlers read the request and say who is asking.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::DateTime;
use portal_contract::editorial::{
    ArticleCreated, ArticlePreview, ArticleSave, ArticleStatus, NewDraft, Revision, RevisionDiff,
    RevisionSummary, Schedule, StaffArticle, StaffArticleSummary, StateChange,
};
use portal_contract::{ApiError, Paged};
use serde::Deserialize;

use super::json::{parse, ApiJson, HtmlSafeJson};
use super::query::{self, ApiQuery};
use super::staff_auth::StaffMember;
use crate::editorial::{self, Transition};
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

/// The query of `GET /admin/articles`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffArticleQuery {
    /// Page number, from 1.
    page: Option<u32>,
    /// Articles per page (default 10).
    per_page: Option<u32>,
    /// Only articles in this state.
    status: Option<ArticleStatus>,
    /// Words of the title, with or without tone marks.
    q: Option<String>,
}

/// Articles as staff see them, the latest change first.
#[utoipa::path(get, path = "/api/v1/admin/articles", tag = "staff", params(StaffArticleQuery),
    responses((status = 200, description = "A page of articles", body = Paged<StaffArticleSummary>),
              (status = 400, description = "A parameter is malformed", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_articles(
    State(state): State<AppState>,
    _staff: StaffMember,
    ApiQuery(query): ApiQuery<StaffArticleQuery>,
) -> Result<HtmlSafeJson<Paged<StaffArticleSummary>>, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let words = query::search_text(query.q.as_deref())?.map(str::to_string);
    state
        .db(move |conn| {
            Ok(HtmlSafeJson(store::editorial::list(
                conn,
                query.status,
                words.as_deref(),
                page,
            )?))
        })
        .await
}

/// A new draft, from the import format's fields.
#[utoipa::path(post, path = "/api/v1/admin/articles", tag = "staff", request_body = NewDraft,
    params(("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 201, description = "The draft", body = ArticleCreated),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "No or wrong X-CSRF-Token", body = ApiError),
              (status = 409, description = "The slug given is taken", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is not allowed; `error.fields` says which", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn create_article(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(draft): ApiJson<NewDraft>,
) -> Result<(StatusCode, HtmlSafeJson<ArticleCreated>), AppError> {
    state
        .db(move |conn| {
            let created = conn.transaction(|tx| editorial::create(tx, &staff.actor(), &draft))?;
            Ok((StatusCode::CREATED, HtmlSafeJson(created)))
        })
        .await
}

/// One article's working copy.
#[utoipa::path(get, path = "/api/v1/admin/articles/{id}", tag = "staff",
    params(("id" = i64, Path, description = "The article's id")),
    responses((status = 200, description = "The article", body = StaffArticle),
              (status = 400, description = "The id is not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_article(
    State(state): State<AppState>,
    _staff: StaffMember,
    Path(id): Path<i64>,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    state
        .db(move |conn| Ok(HtmlSafeJson(editorial::article(conn, id)?.for_staff())))
        .await
}

/// Saves a new working copy; a revision is kept.
#[utoipa::path(put, path = "/api/v1/admin/articles/{id}", tag = "staff", request_body = ArticleSave,
    params(("id" = i64, Path, description = "The article's id"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Saved", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "No or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 409, description = "Someone saved the article since `version`: nothing was overwritten", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is not allowed; `error.fields` says which", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn save_article(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    ApiJson(save): ApiJson<ArticleSave>,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    state
        .db(move |conn| {
            let saved = conn.transaction(|tx| {
                editorial::save(tx, &staff.actor(), id, save.version, &save.content())
            })?;
            Ok(HtmlSafeJson(saved))
        })
        .await
}

/// A state change's optional body: a change of state needs no body, but may name the version
/// the caller saw.
fn state_change(body: &Bytes) -> Result<StateChange, AppError> {
    let text = body.trim_ascii();
    if text.is_empty() || text == b"null" {
        Ok(StateChange::default())
    } else {
        parse(body)
    }
}

async fn change_state(
    state: AppState,
    staff: StaffMember,
    id: i64,
    version: Option<i64>,
    transition: Transition,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    state
        .db(move |conn| {
            let changed = conn.transaction(|tx| {
                editorial::transition(tx, &staff.actor(), id, version, transition)
            })?;
            Ok(HtmlSafeJson(changed))
        })
        .await
}

/// Submits a draft for approval.
#[utoipa::path(post, path = "/api/v1/admin/articles/{id}/submit", tag = "staff",
    request_body(content = Option<StateChange>, description = "Optional: `version`, the version the caller saw"),
    params(("id" = i64, Path, description = "The article's id"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Done", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "No or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 409, description = "Not possible in the article's state, or it changed since `version`", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 422, description = "The article is not complete enough for this; `error.fields` says why", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    let change = state_change(&body)?;
    change_state(state, staff, id, change.version, Transition::Submit).await
}

/// Publishes the working copy now (approvers and admins).
#[utoipa::path(post, path = "/api/v1/admin/articles/{id}/publish", tag = "staff",
    request_body(content = Option<StateChange>, description = "Optional: `version`, the version the caller saw"),
    params(("id" = i64, Path, description = "The article's id"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Done", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 409, description = "Not possible in the article's state, or it changed since `version`", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 422, description = "The article is not complete enough for this; `error.fields` says why", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn publish(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    let change = state_change(&body)?;
    change_state(state, staff, id, change.version, Transition::Publish).await
}

/// Takes a published article down, or a scheduled one back to submitted (approvers and admins).
#[utoipa::path(post, path = "/api/v1/admin/articles/{id}/unpublish", tag = "staff",
    request_body(content = Option<StateChange>, description = "Optional: `version`, the version the caller saw"),
    params(("id" = i64, Path, description = "The article's id"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Done", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 409, description = "Not possible in the article's state, or it changed since `version`", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 422, description = "The article is not complete enough for this; `error.fields` says why", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn unpublish(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    let change = state_change(&body)?;
    change_state(state, staff, id, change.version, Transition::Unpublish).await
}

/// Publishes the working copy by itself at `publish_at` (approvers and admins).
#[utoipa::path(post, path = "/api/v1/admin/articles/{id}/schedule", tag = "staff",
    request_body(content = Schedule, description = "`publish_at`, in the future; `version` optional"),
    params(("id" = i64, Path, description = "The article's id"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Done", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 409, description = "Not possible in the article's state, or it changed since `version`", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 422, description = "The article is not complete enough for this; `error.fields` says why", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn schedule(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    let schedule: Schedule = parse(&body)?;
    let at = DateTime::parse_from_rfc3339(&schedule.publish_at).map_err(|_| {
        AppError::Invalid(portal_contract::FieldErrors::from([(
            "publish_at".to_string(),
            "Thời gian hẹn đăng phải có dạng 2026-12-01T08:00:00+07:00.".to_string(),
        )]))
    })?;
    change_state(state, staff, id, schedule.version, Transition::Schedule(at)).await
}

/// Makes an earlier revision the working copy again, as a new revision (approvers and admins).
#[utoipa::path(post, path = "/api/v1/admin/articles/{id}/revisions/{number}/restore", tag = "staff",
    request_body(content = Option<StateChange>, description = "Optional: `version`, the version the caller saw"),
    params(("id" = i64, Path, description = "The article's id"),
           ("number" = i64, Path, description = "The revision's number"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Done", body = StaffArticle),
              (status = 400, description = "The body is not JSON, or the id not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such article or revision", body = ApiError),
              (status = 409, description = "The article changed since `version`", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 422, description = "`version` is not a whole number", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn restore_revision(
    State(state): State<AppState>,
    staff: StaffMember,
    Path((id, number)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<HtmlSafeJson<StaffArticle>, AppError> {
    let change = state_change(&body)?;
    state
        .db(move |conn| {
            let restored = conn.transaction(|tx| {
                editorial::restore(tx, &staff.actor(), id, number, change.version)
            })?;
            Ok(HtmlSafeJson(restored))
        })
        .await
}

/// The working copy as citizens will see it.
#[utoipa::path(get, path = "/api/v1/admin/articles/{id}/preview", tag = "staff",
    params(("id" = i64, Path, description = "The article's id")),
    responses((status = 200, description = "The page's reading view, as the server sends it to citizens", body = ArticlePreview),
              (status = 400, description = "The id is not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 422, description = "The working copy is not complete enough to show", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn preview(
    State(state): State<AppState>,
    _staff: StaffMember,
    Path(id): Path<i64>,
) -> Result<HtmlSafeJson<ArticlePreview>, AppError> {
    let tiles = (*state.map_tiles).clone();
    state
        .db(move |conn| Ok(HtmlSafeJson(editorial::preview(conn, id, tiles)?)))
        .await
}

/// Every saved revision, newest first.
#[utoipa::path(get, path = "/api/v1/admin/articles/{id}/revisions", tag = "staff",
    params(("id" = i64, Path, description = "The article's id")),
    responses((status = 200, description = "The revisions", body = Vec<RevisionSummary>),
              (status = 400, description = "The id is not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 404, description = "No such article", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_revisions(
    State(state): State<AppState>,
    _staff: StaffMember,
    Path(id): Path<i64>,
) -> Result<HtmlSafeJson<Vec<RevisionSummary>>, AppError> {
    state
        .db(move |conn| {
            editorial::article(conn, id)?;
            Ok(HtmlSafeJson(store::editorial::revisions(conn, id)?))
        })
        .await
}

/// One revision's content.
#[utoipa::path(get, path = "/api/v1/admin/articles/{id}/revisions/{number}", tag = "staff",
    params(("id" = i64, Path, description = "The article's id"),
           ("number" = i64, Path, description = "The revision's number")),
    responses((status = 200, description = "The revision", body = Revision),
              (status = 400, description = "The id or number is not a number", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 404, description = "No such article or revision", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_revision(
    State(state): State<AppState>,
    _staff: StaffMember,
    Path((id, number)): Path<(i64, i64)>,
) -> Result<HtmlSafeJson<Revision>, AppError> {
    state
        .db(move |conn| {
            store::editorial::revision(conn, id, number)?
                .map(HtmlSafeJson)
                .ok_or_else(|| AppError::NotFound(format!("article {id} has no revision {number}")))
        })
        .await
}

/// The query of `GET /admin/articles/{id}/diff`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The earlier revision's number.
    from: i64,
    /// The later revision's number.
    to: i64,
}

/// What changed between two revisions.
#[utoipa::path(get, path = "/api/v1/admin/articles/{id}/diff", tag = "staff",
    params(("id" = i64, Path, description = "The article's id"), DiffQuery),
    responses((status = 200, description = "The changed fields", body = RevisionDiff),
              (status = 400, description = "A parameter is malformed", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 404, description = "No such article or revision", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn diff(
    State(state): State<AppState>,
    _staff: StaffMember,
    Path(id): Path<i64>,
    ApiQuery(query): ApiQuery<DiffQuery>,
) -> Result<HtmlSafeJson<RevisionDiff>, AppError> {
    state
        .db(move |conn| {
            Ok(HtmlSafeJson(editorial::diff(
                conn, id, query.from, query.to,
            )?))
        })
        .await
}
