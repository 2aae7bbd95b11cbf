//! Staff accounts: passwords, sessions and the first account of a new portal.

pub mod password;
pub mod session;

use portal_contract::staff::{is_valid_username, password_problem, StaffRole};

use crate::db::Conn;
use crate::store;

#[derive(Debug, thiserror::Error)]
pub enum AddUserError {
    #[error("a username is lowercase letters, digits, '.', '_' and '-', at most 64 of them")]
    Username,
    #[error("{0}")]
    Password(String),
    #[error("there is already an account named {0}")]
    Exists(String),
    #[error(transparent)]
    Database(#[from] crate::db::Error),
}

/// Adds an account (`portal-server user add`), and says so in the audit log.
pub fn add_user(
    conn: &mut Conn,
    username: &str,
    role: StaffRole,
    password: &str,
    actor: Option<&str>,
    address: &str,
) -> Result<(), AddUserError> {
    if !is_valid_username(username) {
        return Err(AddUserError::Username);
    }
    if let Some(problem) = password_problem(password) {
        return Err(AddUserError::Password(problem));
    }
    let hash = password::hash(password);
    conn.transaction(|conn| {
        if store::staff::user_by_name(conn, username)?.is_some() {
            return Err(AddUserError::Exists(username.to_string()));
        }
        store::staff::add_user(conn, username, role, &hash)?;
        store::audit::record(conn, actor, Some(address), "user_added", username)?;
        Ok(())
    })
}
