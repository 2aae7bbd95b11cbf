//! Staff endpoints' bearer token, compared in constant time, with wrong tokens counted per
//! address so that one cannot be guessed.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::limits::Bucket;
use crate::state::{AppState, ClientAddress};

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
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            // The scheme's name is case-insensitive (RFC 9110, 11.1).
            .and_then(|value| value.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map_or("", |(_, token)| token.trim());
        // Without a configured token no token is right: the same 401 as a wrong one.
        let matches = state.admin_token.as_deref().is_some_and(|expected| {
            // Comparing digests keeps the comparison constant-time even for different lengths.
            Sha256::digest(given.as_bytes())
                .ct_eq(&Sha256::digest(expected.as_bytes()))
                .into()
        });
        if matches {
            return Ok(StaffToken);
        }
        // Counting can itself spend the limit; this answer is still the plain 401.
        let _ = state.rate_limit(Bucket::StaffAuthFailures, client).await;
        Err(AppError::Unauthorized)
    }
}
