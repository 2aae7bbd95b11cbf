use axum::extract::State;
use axum::Json;
use portal_contract::{ApiError, LinkGroup};

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/links", tag = "widgets",
    responses((status = 200, description = "Linked websites in groups", body = Vec<LinkGroup>), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_links(State(state): State<AppState>) -> Result<Json<Vec<LinkGroup>>, AppError> {
    state
        .db(|conn| Ok(Json(store::links::link_groups(conn)?)))
        .await
}

pub async fn edit_links() -> Result<(), crate::error::AppError> {
    Err(crate::error::AppError::NotFound("not yet".into()))
}
