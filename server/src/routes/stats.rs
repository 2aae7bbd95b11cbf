use axum::extract::State;
use axum::Json;
use portal_contract::VisitStats;

use crate::clock;
use crate::error::AppError;
use crate::limits::Bucket;
use crate::state::{AppState, ClientAddress};
use crate::store;

pub async fn get_stats(State(state): State<AppState>) -> Result<Json<VisitStats>, AppError> {
    state
        .db(|conn| Ok(Json(store::visit_stats(conn, clock::today())?)))
        .await
}

/// Counts one visit. The app calls this once per browser session; no cookie is set and
/// nothing about the visitor is stored.
pub async fn post_visit(
    State(state): State<AppState>,
    client: ClientAddress,
) -> Result<Json<VisitStats>, AppError> {
    state.rate_limit(Bucket::Visits, client)?;
    state
        .db(|conn| Ok(Json(store::record_visit(conn, clock::today())?)))
        .await
}
