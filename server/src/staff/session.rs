//! Staff sessions: the cookie that carries one, its tokens and how long it lasts.

use std::time::Duration;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::http::{header, HeaderMap, HeaderValue};
use base64::Engine;
use sha2::{Digest, Sha256};

/// The session cookie's name.
pub const COOKIE: &str = "portal_session";
/// However busy, a session ends this long after sign-in.
pub const LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);
/// A session unused this long ends.
pub const IDLE: Duration = Duration::from_secs(2 * 60 * 60);

/// A new session's secrets: the token goes to the browser in the cookie, only its hash is
/// stored; the CSRF token is sent back by the app in `X-CSRF-Token`.
pub struct NewSession {
    pub token: String,
    pub token_hash: String,
    pub csrf_token: String,
}

impl NewSession {
    pub fn generate() -> Self {
        let token = random_token();
        Self {
            token_hash: token_hash(&token),
            token,
            csrf_token: random_token(),
        }
    }
}

/// 256 random bits, URL-safe.
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a session token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The `Set-Cookie` that hands the browser its session: never readable by scripts, never
/// sent by another site's request, and over HTTPS only when the portal is served so.
pub fn cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{secure}",
        LIFETIME.as_secs()
    ))
    .expect("a token is URL-safe base64")
}

/// The `Set-Cookie` that makes the browser forget its session.
pub fn cleared_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{secure}"
    ))
    .expect("a plain header")
}

/// The session token the request's cookies carry, if any.
pub fn token_from(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|value| !value.is_empty())
}

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others_and_tokens_are_new_each_time() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; portal_session=abc; b=2"),
        );
        assert_eq!(token_from(&headers).as_deref(), Some("abc"));
        headers.insert(header::COOKIE, HeaderValue::from_static("portal_session="));
        assert_eq!(token_from(&headers), None);
        let (first, second) = (NewSession::generate(), NewSession::generate());
        assert_ne!(first.token, second.token);
        assert_ne!(first.token, first.csrf_token);
        assert_eq!(first.token_hash, token_hash(&first.token));
        assert_eq!(first.token.len(), 43);
        let set = cookie(&first.token, true);
        let set = set.to_str().unwrap();
        for part in ["HttpOnly", "SameSite=Strict", "Path=/", "Secure"] {
            assert!(set.contains(part), "{set}");
        }
        assert!(!cookie(&first.token, false)
            .to_str()
            .unwrap()
            .contains("Secure"));
    }
}
