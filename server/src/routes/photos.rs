//! Photos staff upload: `POST /admin/photos`, by any staff member signed in, or a script
//! with the bearer token.
//!
//! The body is the file itself (`read_body_first` has already refused one over
//! `PHOTO_MAX_BYTES`, by its declared length before reading it). It is taken by its bytes,
//! never by its name or declared type; `photos::process` proves it is a photo and makes the
//! stored widths, without its metadata. Files are named by the uploaded file's hash, so the
//! same file uploaded again stores nothing new.

use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_contract::limits::{PHOTO_ALT_MAX_CHARS, PHOTO_MAX_BYTES};
use portal_contract::text::trim_invisible;
use portal_contract::{ApiError, FieldErrors, Image};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::error::{json_error, AppError};
use crate::photos::{self, PhotoError, Variant};
use crate::state::AppState;
use crate::store;

use super::query::ApiQuery;
use super::staff_auth::StaffMember;

/// Photos processed at once: each may hold hundreds of megabytes while it is decoded, and
/// takes a core. Others wait their turn (within the request timeout).
static PROCESSING: Semaphore = Semaphore::const_new(2);

/// The body in the OpenAPI document: bytes (which tells schemathesis to send a real file of
/// the declared type), never built.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct PhotoFile(Vec<u8>);

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    alt: Option<String>,
}

/// Uploads a photo: JPEG, PNG or WebP, at most 10 MB, with its description for people who
/// cannot see it. It is stored upright, without its metadata (EXIF, GPS), as JPEGs 320, 640
/// and 1280 pixels wide (those no wider than it; its own width if it is narrower than 320),
/// served at `/media/{hash}-{width}.jpg` and cached for good. The answer is the `Image` to put
/// in an article: the widest file, and every width for `srcset`.
#[utoipa::path(post, path = "/api/v1/admin/photos", tag = "staff",
    request_body(description = "The file's bytes; its type is read from them, whatever is declared",
        content((inline(PhotoFile) = "image/jpeg"), (inline(PhotoFile) = "image/png"),
                (inline(PhotoFile) = "image/webp"))),
    params(("alt" = String, Query, min_length = 1, max_length = 300,
                description = "What the photo shows, for people who cannot see it (at most 300 characters)"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 201, description = "Stored (or already stored: the same file answers the same)", body = Image),
              (status = 400, description = "A malformed query string", body = ApiError),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "No or wrong X-CSRF-Token", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is over 10 MB", body = ApiError),
              (status = 415, description = "The file is not a JPEG, PNG or WebP image by its bytes", body = ApiError),
              (status = 422, description = "No or too long `alt`, an empty body, or a file that does not decode (cut off, damaged, over 16384 pixels a side); `error.fields` says which", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn upload_photo(
    State(state): State<AppState>,
    // Any staff member signed in (with the CSRF token), or a script with the bearer token,
    // as for the articles the photos go in.
    staff: StaffMember,
    ApiQuery(query): ApiQuery<UploadQuery>,
    // Not `Bytes`: that extractor stops at axum's default limit of 2 MB. The body is already
    // read and bounded by `read_body_first`.
    body: Body,
) -> Result<(StatusCode, Json<Image>), Response> {
    let alt = checked_alt(query.alt.as_deref()).map_err(IntoResponse::into_response)?;
    let bytes = to_bytes(body, PHOTO_MAX_BYTES).await.map_err(|_| {
        json_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {PHOTO_MAX_BYTES} bytes, or was cut off"),
        )
    })?;
    if bytes.is_empty() {
        return Err(file_error("Chưa có tệp ảnh: nội dung yêu cầu trống.".into()).into_response());
    }
    // Refused by its first bytes before any real work.
    photos::sniff(&bytes).map_err(refusal)?;
    let hash = hex(&Sha256::digest(&bytes)[..16]);

    let variants = {
        let _turn = PROCESSING
            .acquire()
            .await
            .map_err(|_| AppError::Internal("the photo queue was closed".into()).into_response())?;
        tokio::task::spawn_blocking(move || photos::process(&bytes))
            .await
            .map_err(|err| AppError::from(err).into_response())?
            .map_err(refusal)?
    };

    let image = answer(&hash, alt, &variants);
    let files: Vec<(String, &'static str, Vec<u8>)> = variants
        .into_iter()
        .map(|variant| {
            (
                file_name(&hash, variant.width),
                photos::CONTENT_TYPE,
                variant.jpeg,
            )
        })
        .collect();
    let actor = staff.name().to_string();
    let address = staff.address;
    let subject = image.url.clone();
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                store::media::save_files(tx, &files, &crate::clock::now_text())?;
                store::audit::record(
                    tx,
                    Some(&actor),
                    address.as_deref(),
                    "photo_uploaded",
                    &subject,
                )?;
                Ok::<_, AppError>(())
            })
        })
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((StatusCode::CREATED, Json(image)))
}

/// `alt` without invisible characters at either end: present, at most
/// `PHOTO_ALT_MAX_CHARS` characters, on one line.
fn checked_alt(alt: Option<&str>) -> Result<String, AppError> {
    let alt = trim_invisible(alt.unwrap_or(""));
    let problem = if alt.is_empty() {
        "Vui lòng nhập mô tả ảnh (cho người không xem được ảnh).".to_string()
    } else if alt.chars().count() > PHOTO_ALT_MAX_CHARS {
        format!("Mô tả ảnh dài tối đa {PHOTO_ALT_MAX_CHARS} ký tự.")
    } else if alt.chars().any(char::is_control) {
        "Mô tả ảnh chỉ gồm một dòng, không có ký tự điều khiển.".to_string()
    } else {
        return Ok(alt.to_string());
    };
    let mut fields = FieldErrors::new();
    fields.insert("alt".into(), problem);
    Err(AppError::Invalid(fields))
}

fn file_error(message: String) -> AppError {
    let mut fields = FieldErrors::new();
    fields.insert("file".into(), message);
    AppError::Invalid(fields)
}

/// A refused file: 415 when it is no photo by its bytes, 422 when it does not decode.
fn refusal(err: PhotoError) -> Response {
    match err {
        PhotoError::NotAPhoto => json_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, err.to_string()),
        PhotoError::Undecodable(ref detail) => {
            tracing::info!(%detail, "an uploaded photo does not decode");
            file_error(err.to_string()).into_response()
        }
        PhotoError::TooLarge => file_error(err.to_string()).into_response(),
    }
}

/// `/media/{hash}-{width}.jpg`'s name.
fn file_name(hash: &str, width: u32) -> String {
    format!("{hash}-{width}.jpg")
}

/// The photo as an article names it: the widest file, and every width (narrowest first).
fn answer(hash: &str, alt: String, variants: &[Variant]) -> Image {
    let widest = variants.last().expect("a photo has at least one width");
    Image {
        url: format!("/media/{}", file_name(hash, widest.width)),
        alt,
        width: Some(widest.width),
        height: Some(widest.height),
        srcset: Some(portal_contract::srcset(variants.iter().map(|variant| {
            (
                format!("/media/{}", file_name(hash, variant.width)),
                variant.width,
            )
        }))),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_is_trimmed_and_bounded() {
        assert_eq!(checked_alt(Some("  Hội nghị  ")).unwrap(), "Hội nghị");
        assert!(checked_alt(None).is_err());
        assert!(checked_alt(Some(" \u{200b} ")).is_err());
        assert!(checked_alt(Some("dòng một\ndòng hai")).is_err());
        let longest = "ả".repeat(PHOTO_ALT_MAX_CHARS);
        assert!(checked_alt(Some(&longest)).is_ok());
        assert!(checked_alt(Some(&format!("{longest}a"))).is_err());
    }

    #[test]
    fn the_document_states_the_alt_bounds() {
        let document: serde_json::Value = serde_json::from_str(crate::openapi::json()).unwrap();
        let operation = &document["paths"]["/api/v1/admin/photos"]["post"];
        let alt = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|parameter| parameter["name"] == "alt")
            .unwrap();
        assert_eq!(alt["required"], true);
        assert_eq!(alt["schema"]["maxLength"], PHOTO_ALT_MAX_CHARS);
        assert_eq!(alt["schema"]["minLength"], 1);
        let content = operation["requestBody"]["content"].as_object().unwrap();
        let types: Vec<&str> = content.keys().map(String::as_str).collect();
        assert_eq!(types, ["image/jpeg", "image/png", "image/webp"]);
        // Bytes, not JSON.
        for media in content.values() {
            assert_eq!(media["schema"]["type"], "string", "{media}");
            assert_eq!(media["schema"]["format"], "binary", "{media}");
        }
    }
}
