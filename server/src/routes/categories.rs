use axum::extract::State;
use axum::Json;
use portal_contract::{ApiError, Category};

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/categories", tag = "portal",
    responses((status = 200, description = "Every category with its article count", body = Vec<Category>), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_categories(
    State(state): State<AppState>,
) -> Result<Json<Vec<Category>>, AppError> {
    state
        .db(|conn| Ok(Json(store::categories::categories(conn)?)))
        .await
}
