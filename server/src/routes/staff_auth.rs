//! Who may use the staff endpoints: a signed-in staff member (`SignedIn`, by the session
//! cookie, with the CSRF token on every state-changing request), or a script with the bearer
//! token (`StaffToken`), compared in constant time, wrong tokens counted per address so that
//! one cannot be guessed.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use axum::http::Method;
use portal_contract::staff::{StaffRole, StaffUser};

use crate::error::AppError;
use crate::limits::Bucket;
use crate::staff::session;
use crate::state::{AppState, ClientAddress};
use crate::store;

/// Proof that the request carries the staff token: take it as a handler argument.
pub struct StaffToken;

impl FromRequestParts<AppState> for StaffToken {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let client = ClientAddress::from_request_parts(parts, state)
            .await
            .unwrap_or(ClientAddress(None));
        // Past the limit even the right token waits: otherwise guessing could go on, with
        // only the hits answered differently.
        state
            .rate_limit_spent(Bucket::StaffAuthFailures, client)
            .await?;
        if carries_the_token(state, &parts.headers) {
            return Ok(StaffToken);
        }
        // Only a token that was given and wrong is a guess: a request without one (a browser
        // that is not signed in) spends nothing. Counting can itself spend the limit; this
        // answer is still the plain 401.
        if parts.headers.contains_key(header::AUTHORIZATION) {
            let _ = state.rate_limit(Bucket::StaffAuthFailures, client).await;
        }
        Err(AppError::Unauthorized)
    }
}

/// Whether `headers` carry the configured bearer token. Without a configured token no token
/// is right: the same answer as a wrong one.
pub fn carries_the_token(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        // The scheme's name is case-insensitive (RFC 9110, 11.1).
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map_or("", |(_, token)| token.trim());
    state
        .admin_token
        .as_deref()
        .is_some_and(|expected| same_secret(given, expected))
}

/// Whether `headers` carry a live staff session's cookie or the bearer token: whom the staff
/// area's large bodies are read for.
pub async fn is_staff(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    if carries_the_token(state, headers) {
        return true;
    }
    let Some(token) = session::token_from(headers) else {
        return false;
    };
    let token_hash = session::token_hash(&token);
    state
        .db(move |conn| {
            Ok(store::staff::session_user(
                conn,
                &token_hash,
                session::now(),
            )?)
        })
        .await
        .is_ok_and(|found| found.is_some())
}

/// Whether `given` is `expected`, in time that does not depend on where they differ:
/// comparing digests keeps it constant-time even for different lengths.
fn same_secret(given: &str, expected: &str) -> bool {
    Sha256::digest(given.as_bytes())
        .ct_eq(&Sha256::digest(expected.as_bytes()))
        .into()
}

/// What citizens sent (feedback, ratings), readable by approvers and admins signed in, and
/// by scripts with the bearer token: a request with an `Authorization` header is a script's,
/// one with only the session cookie a person's.
pub struct StaffReader;

impl FromRequestParts<AppState> for StaffReader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let person = !parts.headers.contains_key(header::AUTHORIZATION)
            && session::token_from(&parts.headers).is_some();
        if person {
            SignedIn::from_request_parts(parts, state)
                .await?
                .require(StaffRole::Approver)?;
        } else {
            StaffToken::from_request_parts(parts, state).await?;
        }
        Ok(StaffReader)
    }
}

/// A signed-in staff member: take it as a handler argument. No live session is a 401; a
/// request that changes anything without the session's token in `X-CSRF-Token` is a 403.
pub struct SignedIn {
    pub user: StaffUser,
    /// What the database knows the session by (signing out deletes it).
    pub token_hash: String,
    pub csrf_token: String,
}

impl SignedIn {
    /// A 403 unless the member's role is at least `role`.
    pub fn require(&self, role: StaffRole) -> Result<(), AppError> {
        if self.user.role >= role {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "this needs the {} role",
                role.code()
            )))
        }
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = session::token_from(&parts.headers).ok_or(AppError::Unauthorized)?;
        let token_hash = session::token_hash(&token);
        let found = {
            let token_hash = token_hash.clone();
            state
                .db(move |conn| {
                    Ok(store::staff::session_user(
                        conn,
                        &token_hash,
                        session::now(),
                    )?)
                })
                .await?
        };
        let (user, csrf_token) = found.ok_or(AppError::Unauthorized)?;
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let given = parts
                .headers
                .get("x-csrf-token")
                .and_then(|value| value.to_str().ok())
                .unwrap_or("");
            if !same_secret(given, &csrf_token) {
                return Err(AppError::Forbidden(
                    "a change needs the session's X-CSRF-Token header".into(),
                ));
            }
        }
        Ok(SignedIn {
            user,
            token_hash,
            csrf_token,
        })
    }
}

/// Who is making a change to content: a staff member signed in (their role decides), or a
/// script with the bearer token (which may do anything an admin may). A request with an
/// `Authorization` header is a script's, one with only the session cookie a person's.
pub struct StaffMember {
    /// `None` for a script.
    pub user: Option<StaffUser>,
    pub address: Option<String>,
}

impl StaffMember {
    pub fn actor(&self) -> crate::editorial::Actor<'_> {
        crate::editorial::Actor {
            user: self.user.as_ref(),
            address: Some(self.address.as_deref().unwrap_or("token")),
        }
    }

    /// A 403 unless a person's role is at least `role` (a script's token may do anything).
    pub fn require(&self, role: StaffRole) -> Result<(), AppError> {
        match &self.user {
            Some(user) if user.role < role => Err(AppError::Forbidden(format!(
                "this needs the {} role",
                role.code()
            ))),
            _ => Ok(()),
        }
    }

    /// The name the audit log records.
    pub fn name(&self) -> &str {
        self.user
            .as_ref()
            .map_or("token", |user| user.username.as_str())
    }
}

impl FromRequestParts<AppState> for StaffMember {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let address = ClientAddress::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|client| client.0)
            .map(|ip| ip.to_string());
        let user = if parts.headers.contains_key(header::AUTHORIZATION) {
            StaffToken::from_request_parts(parts, state).await?;
            None
        } else {
            Some(SignedIn::from_request_parts(parts, state).await?.user)
        };
        Ok(StaffMember { user, address })
    }
}
