use axum::extract::State;
use axum::Json;
use portal_contract::Category;

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

pub async fn list_categories(
    State(state): State<AppState>,
) -> Result<Json<Vec<Category>>, AppError> {
    state.db(|conn| Ok(Json(store::categories(conn)?))).await
}
