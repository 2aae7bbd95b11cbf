//! `/media/{name}`: the photos staff uploaded, from the database, cached for good.
//!
//! A name is `{hash}-{width}.jpg`, the hash that of the uploaded file, so what a name stands
//! for never changes: browsers and caches keep it a year without asking again, and the name
//! itself serves as its `ETag`. (`security::add_headers` adds `X-Content-Type-Options:
//! nosniff` to every answer, these included.)

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;
use crate::store;

/// What a stored file's answer says about caching it.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A stored file, or a 404.
pub async fn serve_media(
    State(state): State<AppState>,
    Path(name): Path<String>,
    request_headers: HeaderMap,
) -> Response {
    if !is_media_name(&name) {
        return not_found();
    }
    let etag = format!("\"{name}\"");
    let found = state
        .db(move |conn| Ok(store::media::file(conn, &name)?))
        .await;
    let (content_type, bytes) = match found {
        Ok(Some(file)) => file,
        Ok(None) => return not_found(),
        Err(err) => return err.into_response(),
    };
    let Ok(content_type) = HeaderValue::from_str(&content_type) else {
        return crate::error::AppError::Internal(format!(
            "a stored media type is not a header value: {content_type:?}"
        ))
        .into_response();
    };
    let etag = HeaderValue::from_str(&etag).expect("a media name is a valid header value");
    let cached = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|list| names_tag(list, &etag));
    let mut response = if cached {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = bytes.into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type);
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    headers.insert(header::ETAG, etag);
    response
}

/// `{32 lowercase hex digits}-{width}.jpg`, as the upload names its files.
pub fn is_media_name(name: &str) -> bool {
    let Some((hash, rest)) = name.split_once('-') else {
        return false;
    };
    let Some(width) = rest.strip_suffix(".jpg") else {
        return false;
    };
    hash.len() == 32
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && (1..=5).contains(&width.len())
        && width.bytes().all(|b| b.is_ascii_digit())
}

/// Whether an `If-None-Match` list names `tag`, weakly compared (RFC 9110, 13.1.2).
fn names_tag(list: &str, tag: &HeaderValue) -> bool {
    let tag = tag.to_str().unwrap_or_default();
    list.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

#[cfg(test)]
mod tests {
    use super::is_media_name;

    #[test]
    fn only_upload_names_are_media_names() {
        assert!(is_media_name("0123456789abcdef0123456789abcdef-320.jpg"));
        assert!(is_media_name("0123456789abcdef0123456789abcdef-1.jpg"));
        for name in [
            "",
            "a.jpg",
            "0123456789abcdef0123456789abcdef.jpg",
            "0123456789ABCDEF0123456789ABCDEF-320.jpg",
            "0123456789abcdef0123456789abcde-320.jpg",
            "0123456789abcdef0123456789abcdef0-320.jpg",
            "0123456789abcdef0123456789abcdef-.jpg",
            "0123456789abcdef0123456789abcdef-320.png",
            "0123456789abcdef0123456789abcdef-320.jpg.html",
            "0123456789abcdef0123456789abcdef-3x0.jpg",
            "0123456789abcdef0123456789abcdef-123456.jpg",
            "0123456789abcdef0123456789abcdef--320.jpg",
            "../0123456789abcdef0123456789abcd-320.jpg",
        ] {
            assert!(!is_media_name(name), "{name}");
        }
    }
}
