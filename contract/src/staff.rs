//! The staff area's accounts, sign-in and audit log, as the API sends them.

use serde::{Deserialize, Serialize};

use crate::limits::{STAFF_PASSWORD_MAX_CHARS, STAFF_PASSWORD_MIN_CHARS, STAFF_USERNAME_MAX_CHARS};

/// What a staff account may do; each role may do everything the one before it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum StaffRole {
    /// Biên tập viên: writes drafts and submits them.
    Editor,
    /// Người duyệt: also publishes, unpublishes and schedules.
    Approver,
    /// Quản trị: also manages accounts and reads the audit log.
    Admin,
}

impl StaffRole {
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::Editor => "editor",
            StaffRole::Approver => "approver",
            StaffRole::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "editor" => Some(StaffRole::Editor),
            "approver" => Some(StaffRole::Approver),
            "admin" => Some(StaffRole::Admin),
            _ => None,
        }
    }
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUser {
    pub username: String,
    pub role: StaffRole,
}

/// `POST /admin/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub username: String,
    pub password: String,
}

/// `POST` and `GET /admin/session`: who is signed in, and the token every state-changing
/// staff request must carry in `X-CSRF-Token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSession {
    pub user: StaffUser,
    pub csrf_token: String,
}

/// One line of the audit log: who did what, when, from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// RFC 3339, +07:00.
    pub at: String,
    /// The staff member's username; `None` for someone not signed in (a failed sign-in) or the
    /// server's command line.
    pub actor: Option<String>,
    /// The client's address (`cli` for the command line).
    pub address: Option<String>,
    /// What happened: `sign_in`, `sign_in_failed`, `sign_out`, `user_added`, ...
    pub action: String,
    /// What it happened to: an account's username, an article's slug.
    pub subject: String,
    /// What the action changed, where the action alone does not say: the earlier text of a
    /// replaced answer, the unit a question was assigned to.
    #[serde(default)]
    pub detail: Option<String>,
}

/// `GET /admin/users`: an account as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub username: String,
    pub role: StaffRole,
    /// A disabled account cannot sign in, and its sessions are over.
    pub disabled: bool,
}

/// `POST /admin/users`: a new account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStaffAccount {
    pub username: String,
    pub role: StaffRole,
    pub password: String,
}

/// `PATCH /admin/users/{username}`: what changes; what is left out stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffAccountChange {
    #[serde(default)]
    pub role: Option<StaffRole>,
    #[serde(default)]
    pub disabled: Option<bool>,
    /// A new password (a reset): the account's sessions end.
    #[serde(default)]
    pub password: Option<String>,
}

/// Whether `username` is one a staff account may have.
pub fn is_valid_username(username: &str) -> bool {
    !username.is_empty()
        && username.chars().count() <= STAFF_USERNAME_MAX_CHARS
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Why `password` may not be a staff password, if it may not.
pub fn password_problem(password: &str) -> Option<String> {
    let length = password.chars().count();
    if length < STAFF_PASSWORD_MIN_CHARS {
        return Some(format!(
            "a password needs at least {STAFF_PASSWORD_MIN_CHARS} characters (this one has {length})"
        ));
    }
    if length > STAFF_PASSWORD_MAX_CHARS {
        return Some(format!(
            "a password has at most {STAFF_PASSWORD_MAX_CHARS} characters"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_plain_and_passwords_long() {
        assert!(is_valid_username("bien.tap-vien_2"));
        for bad in ["", "Admin", "nguyễn", "a b", "a/b", &"a".repeat(65)] {
            assert!(!is_valid_username(bad), "{bad:?}");
        }
        assert!(password_problem("ngắn quá").is_some());
        assert!(password_problem("mười hai ký tự đủ").is_none());
        assert!(password_problem(&"x".repeat(257)).is_some());
    }

    #[test]
    fn roles_are_ordered_and_coded() {
        assert!(StaffRole::Editor < StaffRole::Approver && StaffRole::Approver < StaffRole::Admin);
        for role in [StaffRole::Editor, StaffRole::Approver, StaffRole::Admin] {
            assert_eq!(StaffRole::from_code(role.code()), Some(role));
        }
    }
}
