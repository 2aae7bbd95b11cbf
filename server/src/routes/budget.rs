//! How much of the server requests may take at once, and when a write's body must arrive.
//!
//! Reads and writes have separate budgets, so writes waiting for the database (or a flood
//! of them) never hold the places readers need. A write's body is read whole, under its own
//! deadline and after its per-address limit is checked, before the write takes a place:
//! a client that declares a body and sends it byte by byte holds nothing but its connection.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::error::{json_error, AppError};
use crate::limits::{Bucket, Limits};
use crate::state::{AppState, ClientAddress};

/// The places of each kind, shared by every request.
#[derive(Clone)]
pub struct Budgets {
    reads: Arc<Semaphore>,
    writes: Arc<Semaphore>,
}

impl Budgets {
    pub fn new(limits: &Limits) -> Self {
        Self {
            reads: Arc::new(Semaphore::new(limits.max_concurrent_reads)),
            writes: Arc::new(Semaphore::new(limits.max_concurrent_writes)),
        }
    }
}

fn is_read(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Waits for a place of the request's kind (the timeout outside bounds the wait).
pub async fn take_a_place(
    State(budgets): State<Budgets>,
    request: Request,
    next: Next,
) -> Response {
    let places = if is_read(request.method()) {
        &budgets.reads
    } else {
        &budgets.writes
    };
    let Ok(_place) = places.acquire().await else {
        return AppError::Internal("the request budget was closed".into()).into_response();
    };
    next.run(request).await
}

/// The per-address limit a write counts against, by its path under `/api/v1`.
fn limited_by(method: &Method, path: &str) -> Option<Bucket> {
    match (method, path) {
        (&Method::POST, "/feedback") => Some(Bucket::Feedback),
        (&Method::POST, "/visits") => Some(Bucket::Visits),
        (&Method::POST, "/ratings") => Some(Bucket::Ratings),
        (&Method::POST, "/admin/session") => Some(Bucket::StaffSignInFailures),
        _ => None,
    }
}

/// The largest body a path reads, and how long it may take to arrive: a photo, a document's
/// file, an article or the list of links from the staff area is larger than anything a
/// citizen sends, and a photo of 10 MB takes a while over an office's uplink. Only for staff
/// signed in (or the bearer token): anyone else's body is held to a citizen's bound before it
/// is read, so that anonymous clients cannot make the server hold megabytes each.
async fn body_bounds(state: &AppState, parts: &Parts) -> (usize, Duration) {
    use portal_contract::documents::DOCUMENT_FILE_MAX_BYTES;
    use portal_contract::limits::{PHOTO_MAX_BYTES, STAFF_ARTICLE_REQUEST_MAX_BYTES};
    let path = parts.uri.path();
    let large = if path == "/admin/photos" {
        Some((PHOTO_MAX_BYTES, Duration::from_secs(120)))
    } else if path == "/admin/document-files" {
        // A document's file, at the photos' pace: 50 MB in ten minutes.
        Some((DOCUMENT_FILE_MAX_BYTES as usize, Duration::from_secs(600)))
    } else if path.starts_with("/admin/") && path != "/admin/session" {
        Some((STAFF_ARTICLE_REQUEST_MAX_BYTES, Duration::from_secs(60)))
    } else {
        None
    };
    match large {
        Some(bounds) if super::staff_auth::is_staff(state, &parts.headers).await => bounds,
        _ => (state.limits.max_body_bytes, state.limits.body_deadline),
    }
}

/// Reads a write's body whole before it goes on: a client over its limit is refused first
/// (429, nothing read), a body slower than `body_deadline` gets a 408, a larger one a 413.
pub async fn read_body_first(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if is_read(request.method()) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    if let Some(bucket) = limited_by(&parts.method, parts.uri.path()) {
        let client = ClientAddress::from_request_parts(&mut parts, &state)
            .await
            .unwrap_or(ClientAddress(None));
        if let Err(refusal) = state.rate_limit_spent(bucket, client).await {
            return refusal.into_response();
        }
    }
    // A wrong token meets the citizen's bound, and a large body is refused (413) before any
    // handler sees the token: such a refusal counts as a wrong token here, or tokens could be
    // tried without end by sending large bodies.
    let guessing = if parts.headers.contains_key(header::AUTHORIZATION)
        && !super::staff_auth::carries_the_token(&state, &parts.headers)
    {
        let client = ClientAddress::from_request_parts(&mut parts, &state)
            .await
            .unwrap_or(ClientAddress(None));
        if let Err(refusal) = state
            .rate_limit_spent(Bucket::StaffAuthFailures, client)
            .await
        {
            return refusal.into_response();
        }
        Some(client)
    } else {
        None
    };
    let (max_bytes, deadline) = body_bounds(&state, &parts).await;
    let too_large = || async {
        if let Some(client) = guessing {
            let _ = state.rate_limit(Bucket::StaffAuthFailures, client).await;
        }
        json_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {max_bytes} bytes, or was cut off"),
        )
    };
    // A declared length over the limit is refused before a byte of the body is read.
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > max_bytes as u64) {
        return too_large().await;
    }
    let bytes = match tokio::time::timeout(deadline, to_bytes(body, max_bytes)).await {
        Err(_) => {
            return json_error(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the body did not arrive within {} seconds",
                    deadline.as_secs()
                ),
            )
        }
        // `to_bytes` fails on a body over the limit or on a connection that broke off.
        Ok(Err(_)) => return too_large().await,
        Ok(Ok(bytes)) => bytes,
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
