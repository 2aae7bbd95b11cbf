use axum::extract::State;
use axum::Json;
use portal_contract::Site;

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

pub async fn get_site(State(state): State<AppState>) -> Result<Json<Site>, AppError> {
    state
        .db(|conn| {
            store::site(conn)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("the site is not configured".into()))
        })
        .await
}
