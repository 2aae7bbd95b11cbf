use axum::extract::State;
use axum::Json;
use portal_contract::LinkGroup;

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

pub async fn list_links(State(state): State<AppState>) -> Result<Json<Vec<LinkGroup>>, AppError> {
    state.db(|conn| Ok(Json(store::link_groups(conn)?))).await
}
