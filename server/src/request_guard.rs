//! Requests refused before any route sees them: an address longer than any page or API path
//! needs (414), and a request that does not name its host exactly once (400). Both answers are
//! the portal's own, in the API's JSON shape, not hyper's empty ones.

use axum::extract::Request;
use axum::http::{header, StatusCode, Version};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::json_error;

/// The longest request target (path and query) the portal reads. A search is at most
/// 200 characters, which percent-encoded Vietnamese makes about 1,800 bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;

pub async fn refuse_malformed(request: Request, next: Next) -> Response {
    let target_length = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if target_length > MAX_URI_BYTES {
        return json_error(
            StatusCode::URI_TOO_LONG,
            format!("the address is longer than {MAX_URI_BYTES} bytes"),
        );
    }
    // HTTP/1.1 requires one Host (RFC 9112, 3.2); HTTP/1.0 may leave it out; HTTP/2 names
    // the host in `:authority` instead.
    let hosts = request.headers().get_all(header::HOST).iter().count();
    let host_ok = match request.version() {
        Version::HTTP_11 => hosts == 1,
        Version::HTTP_09 | Version::HTTP_10 => hosts <= 1,
        _ => hosts <= 1,
    };
    if !host_ok {
        return json_error(
            StatusCode::BAD_REQUEST,
            "the request must name its host in exactly one Host header",
        );
    }
    next.run(request).await
}
