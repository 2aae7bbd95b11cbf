use axum::extract::State;
use axum::Json;
use portal_contract::{ApiError, PlaceCollection};

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/map", tag = "widgets",
    responses((status = 200, description = "The district, its communes and places of interest as a GeoJSON FeatureCollection ([longitude, latitude])", body = PlaceCollection, content_type = "application/geo+json"),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_map(State(state): State<AppState>) -> Result<GeoJson, AppError> {
    state
        .db(|conn| Ok(GeoJson(PlaceCollection::new(store::map::places(conn)?))))
        .await
}

/// The collection with GeoJSON's own media type (RFC 7946), so GIS tools take it as is.
pub struct GeoJson(PlaceCollection);

impl axum::response::IntoResponse for GeoJson {
    fn into_response(self) -> axum::response::Response {
        let mut response = Json(self.0).into_response();
        response.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/geo+json"),
        );
        response
    }
}
