//! HTTP caching of API answers: an `ETag` on every successful GET, a `304 Not Modified` when
//! the client already has it, and a short shared lifetime so repeat visits on a slow network
//! cost nothing.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

/// API answers are at most tens of kilobytes; buffering is bounded rather than trusted.
const MAX_HASHED_BYTES: usize = 2 * 1024 * 1024;

/// How long each kind of answer may be reused.
fn cache_control(path: &str) -> &'static str {
    if path.ends_with("/stats") {
        // Counts change with every visit.
        return "no-store";
    }
    if path.contains("/admin/") {
        return "private, no-store";
    }
    if path.ends_with("/schedule") || path.contains("/questions") {
        // Staff change a week and citizens must see it at once; a question taken off the
        // questions page must leave every copy at once. Always asked again, a 304 when nothing
        // changed.
        return "public, no-cache";
    }
    "public, max-age=60, stale-while-revalidate=600"
}

pub async fn etag_and_lifetime(request: Request, next: Next) -> Response {
    let is_get = request.method() == Method::GET || request.method() == Method::HEAD;
    let path = request.uri().path().to_owned();
    let if_none_match: Vec<HeaderValue> = request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .cloned()
        .collect();
    let response = next.run(request).await;
    if !is_get || response.status() != StatusCode::OK {
        return response;
    }
    let lifetime = cache_control(&path);
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(lifetime));
    if lifetime.contains("no-store") {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = to_bytes(body, MAX_HASHED_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "answer too large").into_response();
    };
    let digest = Sha256::digest(&bytes);
    let tag = format!(
        "\"{}\"",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
    );
    let etag = HeaderValue::from_str(&tag).expect("base64 is a valid header value");
    let matches = if_none_match
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| list_matches(value, &tag));
    parts.headers.insert(header::ETAG, etag);
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an `If-None-Match` list names `tag`. The comparison is weak (RFC 9110, 13.1.2): a
/// proxy that compressed the answer may have marked our tag `W/`, and it still names the
/// same content.
fn list_matches(list: &str, tag: &str) -> bool {
    list.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

#[cfg(test)]
mod tests {
    use super::list_matches;

    #[test]
    fn weak_tags_and_lists_match() {
        let tag = "\"abc\"";
        assert!(list_matches("\"abc\"", tag));
        assert!(list_matches("W/\"abc\"", tag));
        assert!(list_matches("\"x\", W/\"abc\"", tag));
        assert!(list_matches("\"x\",\"abc\"", tag));
        assert!(list_matches("*", tag));
        assert!(!list_matches("\"abcd\"", tag));
        assert!(!list_matches("W/\"x\", \"y\"", tag));
        assert!(!list_matches("abc", tag));
        assert!(!list_matches("", tag));
    }
}
