//! API errors: every failure leaves the server as `{"error": {"code", "message"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_contract::{ApiError, FieldErrors};

#[derive(Debug)]
pub enum AppError {
    BadRequest(String),
    NotFound(String),
    /// Too many requests from one client; try again after this many seconds.
    TooManyRequests(u64),
    /// The request was understood but these fields are wrong (422).
    Invalid(FieldErrors),
    /// No or wrong credentials for a staff endpoint (401).
    Unauthorized,
    /// A sign-in with a wrong username or password; which of the two is never said (401).
    WrongCredentials,
    /// Signed in, but not allowed this (a role too low, a missing CSRF token): 403.
    Forbidden(String),
    /// The request contradicts what is stored (a name taken, a change to what changed since
    /// it was read): 409.
    Conflict(String),
    /// The database cannot be reached now; the client may try again soon (503). Details go
    /// to the log.
    Unavailable(String),
    /// Details go to the log, never to the client.
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match self {
            AppError::BadRequest(message)
            | AppError::NotFound(message)
            | AppError::Forbidden(message)
            | AppError::Conflict(message) => message,
            AppError::WrongCredentials => "wrong username or password".to_string(),
            AppError::Invalid(fields) => {
                let mut body = ApiError::new(code_for(status), "some fields are not valid");
                body.error.fields = fields;
                return (status, Json(body)).into_response();
            }
            AppError::Unauthorized => {
                let mut response =
                    json_error(status, "sign in first (scripts: a valid bearer token)");
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                return response;
            }
            AppError::TooManyRequests(seconds) => {
                let mut body = ApiError::new(
                    code_for(status),
                    format!("too many requests; try again in {seconds} seconds"),
                );
                body.error.retry_after = Some(seconds);
                let mut response = (status, Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                return response;
            }
            AppError::Unavailable(detail) => {
                tracing::warn!(%detail, "database unavailable");
                let mut response = json_error(
                    status,
                    "the portal cannot reach its database; try again in a few seconds",
                );
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(UNAVAILABLE_RETRY_SECONDS),
                );
                return response;
            }
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                "the server could not answer this request".to_string()
            }
        };
        json_error(status, message)
    }
}

/// What a 503 asks the client to wait: about how long a database restart or fail-over takes.
const UNAVAILABLE_RETRY_SECONDS: u64 = 5;

/// The machine-readable code for an error status.
pub fn code_for(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::CONFLICT => "conflict",
        StatusCode::TOO_MANY_REQUESTS => "too_many_requests",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::URI_TOO_LONG => "uri_too_long",
        status if status.is_server_error() => "internal",
        _ => "error",
    }
}

pub fn json_error(status: StatusCode, message: impl Into<String>) -> Response {
    let mut response = (status, Json(ApiError::new(code_for(status), message))).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

macro_rules! internal_from {
    ($($source:ty),*) => {$(
        impl From<$source> for AppError {
            fn from(err: $source) -> Self {
                AppError::Internal(err.to_string())
            }
        }
    )*};
}
internal_from!(tokio::task::JoinError);

impl From<crate::db::Error> for AppError {
    fn from(err: crate::db::Error) -> Self {
        match err {
            crate::db::Error::Unavailable(detail) => AppError::Unavailable(detail),
            crate::db::Error::NulInText => AppError::BadRequest(err.to_string()),
            other => AppError::Internal(other.to_string()),
        }
    }
}
