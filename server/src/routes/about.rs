//! `GET /pages/{slug}` and `GET /organization`: about the place and who runs it.

use axum::extract::{Path, State};
use axum::Json;
use portal_contract::about::{Organization, SitePage};
use portal_contract::ApiError;

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/pages/{slug}", tag = "about",
    params(("slug" = String, Path, description = "The page's slug, such as gioi-thieu")),
    responses((status = 200, description = "The editorial page, its body sanitized", body = SitePage),
              (status = 404, description = "No page has this slug", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<SitePage>, AppError> {
    state
        .db(move |conn| {
            store::about::page(conn, &slug)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("no page has this slug".into()))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/organization", tag = "about",
    responses((status = 200, description = "The organisation from its top units, each with its functions, contacts, leaders and the units under it", body = Organization),
              (status = 404, description = "No organisation is stored yet", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_organization(
    State(state): State<AppState>,
) -> Result<Json<Organization>, AppError> {
    state
        .db(move |conn| {
            store::about::organization(conn)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("no organisation is stored yet".into()))
        })
        .await
}
