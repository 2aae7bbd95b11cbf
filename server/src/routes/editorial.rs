//! The staff's articles through their workflow: `/admin/articles`.

use crate::error::AppError;

pub async fn list_articles() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn create_article() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn get_article() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn save_article() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn submit() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn publish() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn schedule() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn unpublish() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn preview() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn list_revisions() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn get_revision() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn restore_revision() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

pub async fn diff() -> Result<(), AppError> {
    Err(AppError::NotFound("not yet".into()))
}

