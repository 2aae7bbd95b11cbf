use axum::extract::State;
use axum::Json;
use portal_contract::{ApiError, MapTiles, Site};

use super::query::{ApiQuery, LangQuery};
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/site", tag = "portal", params(LangQuery),
    responses((status = 200, description = "The site's name, contacts and menu (in English: no menu, and the district at a glance)", body = Site),
              (status = 400, description = "`lang` is not `vi` or `en`", body = ApiError),
              (status = 404, description = "The site is not configured (in that language)", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_site(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<LangQuery>,
) -> Result<Json<Site>, AppError> {
    let tiles = MapTiles::clone(&state.map_tiles);
    state
        .db(move |conn| {
            store::site::site_in(conn, tiles, query.lang())?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("the site is not configured".into()))
        })
        .await
}
