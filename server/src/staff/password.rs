//! Staff passwords, hashed with Argon2id (the `argon2` crate's defaults: 19 MiB, two passes).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The PHC string of `password` under a new random salt.
pub fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
        .expect("Argon2id hashes any password of bounded length")
        .to_string()
}

/// Whether `password` is the one `hash` was made from. A hash that does not parse matches
/// nothing.
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash no password matches, verified when there is no account by the name given, so that
/// a wrong name costs the same time as a wrong password and answers cannot tell them apart.
pub fn verify_against_nothing(password: &str) {
    static NOTHING: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = NOTHING.get_or_init(|| hash("no account has this password, it is never stored"));
    let _ = verify(password, hash);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_with_a_salt_of_its_own() {
        let first = hash("mật khẩu đủ dài");
        assert!(first.starts_with("$argon2id$"), "{first}");
        assert_ne!(first, hash("mật khẩu đủ dài"));
        assert!(verify("mật khẩu đủ dài", &first));
        assert!(!verify("mat khau du dai", &first));
        assert!(!verify("mật khẩu đủ dài", "not a hash"));
    }
}
