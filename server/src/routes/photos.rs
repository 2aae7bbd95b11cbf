//! Photos staff upload: `POST /admin/photos`.

use axum::http::StatusCode;
use axum::Json;
use portal_contract::Image;

use crate::error::AppError;

/// Placeholder until the upload is written.
pub async fn upload_photo() -> Result<(StatusCode, Json<Image>), AppError> {
    Err(AppError::NotFound("not yet".into()))
}
