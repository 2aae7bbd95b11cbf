//! `GET /questions`, `GET /questions/{reference}` and `GET /question-fields`: the answered
//! questions citizens allowed and staff published, and the fields questions are filed under.

use axum::extract::{Path, State};
use axum::Json;
use portal_contract::questions::{PublicQuestion, QuestionField};
use portal_contract::{ApiError, Paged};
use serde::Deserialize;

use super::json::HtmlSafeJson;
use super::query::{self, ApiQuery};
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

/// The query of `GET /questions`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuestionListQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Questions per page (default 10).
    pub per_page: Option<u32>,
    /// Only this field: its slug, from `/question-fields`.
    pub field: Option<String>,
    /// Words of the question or the answer, with or without tone marks; each also as the
    /// start of a longer word.
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/questions", tag = "questions", params(QuestionListQuery),
    responses((status = 200, description = "A page of answered questions, newest answer first, or those with the words in their title first when `q` is given", body = Paged<PublicQuestion>),
              (status = 400, description = "A parameter is malformed or out of range, or names a field that does not exist; the message names it", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_questions(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<QuestionListQuery>,
) -> Result<HtmlSafeJson<Paged<PublicQuestion>>, AppError> {
    question_list(&state, query).await.map(HtmlSafeJson)
}

/// The answer of `GET /questions` to `query`, which the list page's reading view shows too.
pub async fn question_list(
    state: &AppState,
    query: QuestionListQuery,
) -> Result<Paged<PublicQuestion>, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let text = query::search_text(query.q.as_deref())?.map(str::to_string);
    let field = query.field;
    state
        .db(move |conn| {
            if let Some(slug) = &field {
                if !store::questions::field_exists(conn, slug)? {
                    return Err(AppError::BadRequest(format!(
                        "`field`: no field has the slug {slug:?}"
                    )));
                }
            }
            Ok(store::questions::list(
                conn,
                field.as_deref(),
                text.as_deref(),
                page,
            )?)
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/questions/{reference}", tag = "questions",
    params(("reference" = String, Path, description = "The question's reference, such as PH-2026-000042")),
    responses((status = 200, description = "The question and its answer", body = PublicQuestion),
              (status = 404, description = "No published question has this reference", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_question(
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<HtmlSafeJson<PublicQuestion>, AppError> {
    let reference = reference.to_uppercase();
    state
        .db(move |conn| {
            store::questions::question(conn, &reference)?
                .map(HtmlSafeJson)
                .ok_or_else(|| {
                    AppError::NotFound("no published question has this reference".into())
                })
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/question-fields", tag = "questions",
    responses((status = 200, description = "The fields questions are filed under, in the order the form offers them", body = Vec<QuestionField>),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_fields(
    State(state): State<AppState>,
) -> Result<Json<Vec<QuestionField>>, AppError> {
    state
        .db(move |conn| Ok(Json(store::questions::fields(conn)?)))
        .await
}
