//! Signing staff in and out: `/admin/session`.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_contract::staff::{SignIn, StaffSession};
use portal_contract::ApiError;

use crate::error::AppError;
use crate::limits::Bucket;
use crate::staff::{password, session};
use crate::state::{AppState, ClientAddress};
use crate::store;

use super::json::ApiJson;
use super::staff_auth::SignedIn;

/// Failed sign-ins to one account, from any address, after which it waits out the window:
/// guessing spread over many addresses is bounded too.
pub const ACCOUNT_FAILURES: u64 = 20;
pub const ACCOUNT_WINDOW: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// What a sign-in found.
enum Outcome {
    SignedIn(StaffSession, String),
    Wrong,
    AccountResting,
}

/// Signs a staff member in: a session cookie (`HttpOnly`, `SameSite=Strict`, `Secure` over
/// HTTPS) and the CSRF token for their changes. A wrong username and a wrong password get the
/// same answer, in the same time.
#[utoipa::path(post, path = "/api/v1/admin/session", tag = "staff", request_body = SignIn,
    responses((status = 200, description = "Signed in; the session cookie is set", body = StaffSession,
               headers(("Set-Cookie" = String, description = "The session cookie"))),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Wrong username or password (never said which)", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is over 32 KB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is missing or of the wrong JSON type", body = ApiError),
              (status = 429, description = "Too many failed sign-ins from this address or to this account", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(input): ApiJson<SignIn>,
) -> Result<Response, AppError> {
    // An address past its limit of failures was refused before its body was read
    // (`budget::read_body_first`).
    let address = client.0.map(|ip| ip.to_string());
    let outcome = {
        let address = address.clone();
        state
            .db(move |conn| -> Result<Outcome, AppError> {
                // Only the first characters of a name as typed are kept: a name is short.
                let subject: String = input.username.chars().take(64).collect();
                let since = crate::clock::stored_text(
                    chrono::Utc::now()
                        - chrono::Duration::from_std(ACCOUNT_WINDOW).unwrap_or_default(),
                );
                if store::audit::count_since(conn, "sign_in_failed", &subject, &since)?
                    >= ACCOUNT_FAILURES
                {
                    return Ok(Outcome::AccountResting);
                }
                let user = store::staff::user_by_name(conn, &input.username)?;
                let verified = match &user {
                    Some(stored) => {
                        password::verify(&input.password, &stored.password_hash) && !stored.disabled
                    }
                    None => {
                        password::verify_against_nothing(&input.password);
                        false
                    }
                };
                let Some(stored) = user.filter(|_| verified) else {
                    store::audit::record(
                        conn,
                        None,
                        address.as_deref(),
                        "sign_in_failed",
                        &subject,
                    )?;
                    return Ok(Outcome::Wrong);
                };
                let new = session::NewSession::generate();
                conn.transaction(|conn| -> Result<(), AppError> {
                    store::staff::create_session(conn, stored.id, &new, session::now())?;
                    store::audit::record(
                        conn,
                        Some(&stored.user.username),
                        address.as_deref(),
                        "sign_in",
                        &stored.user.username,
                    )?;
                    Ok(())
                })?;
                Ok(Outcome::SignedIn(
                    StaffSession {
                        user: stored.user,
                        csrf_token: new.csrf_token,
                    },
                    new.token,
                ))
            })
            .await?
    };
    match outcome {
        Outcome::SignedIn(signed_in, token) => {
            let mut response = no_store(Json(signed_in).into_response());
            response.headers_mut().insert(
                header::SET_COOKIE,
                session::cookie(&token, secure_cookies(&state)),
            );
            Ok(response)
        }
        Outcome::Wrong => {
            let _ = state.rate_limit(Bucket::StaffSignInFailures, client).await;
            Err(AppError::WrongCredentials)
        }
        Outcome::AccountResting => Err(AppError::TooManyRequests(ACCOUNT_WINDOW.as_secs())),
    }
}

/// Who is signed in, and the session's CSRF token (for an app that was reloaded).
#[utoipa::path(get, path = "/api/v1/admin/session", tag = "staff",
    responses((status = 200, description = "The signed-in staff member", body = StaffSession),
              (status = 401, description = "Not signed in, or the session is over", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn current(signed_in: SignedIn) -> Response {
    no_store(
        Json(StaffSession {
            user: signed_in.user,
            csrf_token: signed_in.csrf_token,
        })
        .into_response(),
    )
}

/// Signs out: the session ends on the server, whatever the browser keeps.
#[utoipa::path(delete, path = "/api/v1/admin/session", tag = "staff",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses((status = 204, description = "Signed out; the cookie is cleared"),
              (status = 401, description = "Not signed in, or the session is over", body = ApiError),
              (status = 403, description = "No or wrong X-CSRF-Token", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    client: ClientAddress,
    signed_in: SignedIn,
) -> Result<Response, AppError> {
    let address = client.0.map(|ip| ip.to_string());
    state
        .db(move |conn| {
            conn.transaction(|conn| -> Result<(), AppError> {
                store::staff::end_session(conn, &signed_in.token_hash)?;
                store::audit::record(
                    conn,
                    Some(&signed_in.user.username),
                    address.as_deref(),
                    "sign_out",
                    &signed_in.user.username,
                )?;
                Ok(())
            })
        })
        .await?;
    let mut response = no_store(StatusCode::NO_CONTENT.into_response());
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::cleared_cookie(secure_cookies(&state)),
    );
    Ok(response)
}

/// Cookies carry `Secure` when the portal is served over HTTPS: its public address says so,
/// or it sits behind a proxy (which terminates TLS).
fn secure_cookies(state: &AppState) -> bool {
    state.limits.behind_proxy
        || state
            .public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
