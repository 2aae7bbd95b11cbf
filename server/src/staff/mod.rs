//! Staff accounts: passwords, sessions and the first account of a new portal.

pub mod password;
pub mod session;

use portal_contract::staff::{
    is_valid_username, password_problem, StaffAccount, StaffAccountChange, StaffRole,
};

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

#[derive(Debug, thiserror::Error)]
pub enum ChangeUserError {
    #[error("there is no account named {0}")]
    NotFound(String),
    #[error("{0}")]
    Password(String),
    /// An admin may not disable their own account or take away their own admin role: the
    /// portal would be left without anyone to undo it.
    #[error("you cannot disable your own account or lower your own role")]
    OwnAccount,
    #[error(transparent)]
    Database(#[from] crate::db::Error),
}

/// Changes an account as `actor` (an admin, signed in with the session `actor_session`)
/// asked, each change in the audit log. Disabling it or resetting its password ends its
/// sessions, all but the one asking when admins reset their own.
pub fn change_user(
    conn: &mut Conn,
    actor: &str,
    actor_session: &str,
    address: Option<&str>,
    username: &str,
    change: &StaffAccountChange,
) -> Result<StaffAccount, ChangeUserError> {
    if let Some(problem) = change.password.as_deref().and_then(password_problem) {
        return Err(ChangeUserError::Password(problem));
    }
    let lowers_own =
        change.disabled == Some(true) || change.role.is_some_and(|role| role < StaffRole::Admin);
    if username == actor && lowers_own {
        return Err(ChangeUserError::OwnAccount);
    }
    let hash = change.password.as_deref().map(password::hash);
    conn.transaction(|conn| {
        let stored = store::staff::user_by_name(conn, username)?
            .ok_or_else(|| ChangeUserError::NotFound(username.to_string()))?;
        let audit = |conn: &mut Conn, action: &str| {
            store::audit::record(conn, Some(actor), address, action, username)
        };
        if let Some(role) = change.role.filter(|role| *role != stored.user.role) {
            store::staff::set_role(conn, stored.id, role)?;
            audit(conn, "user_role_changed")?;
        }
        if let Some(disabled) = change.disabled.filter(|d| *d != stored.disabled) {
            store::staff::set_disabled(conn, stored.id, disabled)?;
            if disabled {
                store::staff::end_sessions_of(conn, stored.id, None)?;
            }
            audit(
                conn,
                if disabled {
                    "user_disabled"
                } else {
                    "user_enabled"
                },
            )?;
        }
        if let Some(hash) = &hash {
            store::staff::set_password_hash(conn, stored.id, hash)?;
            store::staff::end_sessions_of(conn, stored.id, Some(actor_session))?;
            audit(conn, "user_password_reset")?;
        }
        Ok(StaffAccount {
            username: stored.user.username,
            role: change.role.unwrap_or(stored.user.role),
            disabled: change.disabled.unwrap_or(stored.disabled),
        })
    })
}
