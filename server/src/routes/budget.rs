//! How much of the server requests may take at once, and when a write's body must arrive.
//!
//! Reads and writes have separate budgets, so writes waiting for the database (or a flood
//! of them) never hold the places readers need. A write's body is read whole, under its own
//! deadline and after its per-address limit is checked, before the write takes a place:
//! a client that declares a body and sends it byte by byte holds nothing but its connection.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, StatusCode};
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
    let limits = &state.limits;
    let bytes =
        match tokio::time::timeout(limits.body_deadline, to_bytes(body, limits.max_body_bytes))
            .await
        {
            Err(_) => {
                return json_error(
                    StatusCode::REQUEST_TIMEOUT,
                    format!(
                        "the body did not arrive within {} seconds",
                        limits.body_deadline.as_secs()
                    ),
                )
            }
            // `to_bytes` fails on a body over the limit or on a connection that broke off.
            Ok(Err(_)) => {
                return json_error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!(
                        "the body is larger than {} bytes, or was cut off",
                        limits.max_body_bytes
                    ),
                )
            }
            Ok(Ok(bytes)) => bytes,
        };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
