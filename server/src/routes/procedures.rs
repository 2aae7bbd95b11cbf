//! `GET /procedures`, `GET /procedures/{slug}` and `GET /procedure-fields`: the guide to the
//! administrative procedures. The filters take slugs, so the app's Vietnamese query names map
//! to them one to one (`/thu-tuc?linh-vuc=ho-tich&muc-do=cap-xa`).

use axum::extract::{Path, State};
use axum::Json;
use portal_contract::procedures::{Procedure, ProcedureField, ProcedureLevel, ProcedureSummary};
use portal_contract::{ApiError, Paged};
use serde::Deserialize;

use super::query::{self, ApiQuery};
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

/// The query of `GET /procedures`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProcedureListQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Procedures per page (default 10).
    pub per_page: Option<u32>,
    /// Only this field: its slug, from `/procedure-fields`.
    pub field: Option<String>,
    /// Only those handled at this level of government.
    #[param(value_type = Option<ProcedureLevel>)]
    pub level: Option<String>,
    /// Words of the name, the code, the agency, the steps or the papers, with or without tone
    /// marks; each also as the start of a longer word.
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/procedures", tag = "procedures", params(ProcedureListQuery),
    responses((status = 200, description = "A page of procedures, in the guide's order, or those named with the words first when `q` is given", body = Paged<ProcedureSummary>),
              (status = 400, description = "A parameter is malformed or out of range, or names a field or level that does not exist; the message names it", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_procedures(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ProcedureListQuery>,
) -> Result<Json<Paged<ProcedureSummary>>, AppError> {
    procedure_list(&state, query).await.map(Json)
}

/// The answer of `GET /procedures` to `query`, which the list page's reading view shows too.
pub async fn procedure_list(
    state: &AppState,
    query: ProcedureListQuery,
) -> Result<Paged<ProcedureSummary>, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let level = query
        .level
        .map(|slug| {
            ProcedureLevel::from_slug(&slug).ok_or_else(|| {
                let slugs: Vec<&str> = ProcedureLevel::ALL.iter().map(|l| l.slug()).collect();
                AppError::BadRequest(format!(
                    "`level` must be one of {}, got {slug:?}",
                    slugs.join(", ")
                ))
            })
        })
        .transpose()?;
    let text = query::search_text(query.q.as_deref())?.map(str::to_string);
    let field = query.field;
    state
        .db(move |conn| {
            if let Some(slug) = &field {
                if !store::procedures::field_exists(conn, slug)? {
                    return Err(AppError::BadRequest(format!(
                        "`field`: no field has the slug {slug:?}"
                    )));
                }
            }
            Ok(store::procedures::list(
                conn,
                field.as_deref(),
                level,
                text.as_deref(),
                page,
            )?)
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/procedures/{slug}", tag = "procedures",
    params(("slug" = String, Path, description = "The procedure's slug, such as dang-ky-khai-sinh")),
    responses((status = 200, description = "The whole procedure, its forms with their files", body = Procedure),
              (status = 404, description = "No procedure has this slug", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_procedure(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Procedure>, AppError> {
    state
        .db(move |conn| {
            store::procedures::procedure(conn, &slug)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("no procedure has this slug".into()))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/procedure-fields", tag = "procedures",
    responses((status = 200, description = "The fields procedures are grouped under, in the guide's order", body = Vec<ProcedureField>),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_fields(
    State(state): State<AppState>,
) -> Result<Json<Vec<ProcedureField>>, AppError> {
    state
        .db(move |conn| Ok(Json(store::procedures::fields(conn)?)))
        .await
}
