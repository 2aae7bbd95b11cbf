//! Staff accounts and their sessions.

use portal_contract::staff::{StaffAccount, StaffRole, StaffUser};

use crate::db::{bad_column, Conn, Result, Row};
use crate::staff::session::{NewSession, IDLE, LIFETIME};

/// An account as stored, with what signing in checks.
pub struct StoredUser {
    pub id: i64,
    pub user: StaffUser,
    pub password_hash: String,
    pub disabled: bool,
}

fn role_column(row: &Row<'_>, index: usize) -> Result<StaffRole> {
    let code: String = row.get(index)?;
    StaffRole::from_code(&code).ok_or_else(|| bad_column(index, format!("no role {code:?}")))
}

pub fn user_by_name(conn: &mut Conn, username: &str) -> Result<Option<StoredUser>> {
    conn.query_opt(
        "SELECT id, username, role, password_hash, disabled FROM staff_users WHERE username = ?1",
        &[&username],
        |row| {
            Ok(StoredUser {
                id: row.get(0)?,
                user: StaffUser {
                    username: row.get(1)?,
                    role: role_column(row, 2)?,
                },
                password_hash: row.get(3)?,
                disabled: row.get(4)?,
            })
        },
    )
}

pub fn add_user(
    conn: &mut Conn,
    username: &str,
    role: StaffRole,
    password_hash: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO staff_users (username, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        &[&username, &role.code(), &password_hash, &crate::clock::now_text()],
    )?;
    Ok(())
}

/// Starts a session for `user_id` at `now` (Unix seconds), and ends the user's sessions that
/// are over, so that they do not pile up.
pub fn create_session(conn: &mut Conn, user_id: i64, session: &NewSession, now: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM staff_sessions WHERE user_id = ?1 AND (expires_at <= ?2 OR idle_until <= ?2)",
        &[&user_id, &now],
    )?;
    conn.execute(
        "INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, expires_at, idle_until)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            &session.token_hash,
            &user_id,
            &session.csrf_token,
            &now,
            &(now + LIFETIME.as_secs() as i64),
            &(now + IDLE.as_secs() as i64),
        ],
    )?;
    Ok(())
}

/// The user a live session belongs to, and the session's CSRF token; `None` for a session
/// that is over, signed out, or whose account is disabled. Using a session keeps it alive
/// (written at most once a minute).
pub fn session_user(
    conn: &mut Conn,
    token_hash: &str,
    now: i64,
) -> Result<Option<(StaffUser, String)>> {
    let found = conn.query_opt(
        "SELECT u.username, u.role, s.csrf_token, s.idle_until
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
         WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND s.idle_until > ?2 AND u.disabled = 0",
        &[&token_hash, &now],
        |row| {
            Ok((
                StaffUser {
                    username: row.get(0)?,
                    role: role_column(row, 1)?,
                },
                row.get::<String>(2)?,
                row.get::<i64>(3)?,
            ))
        },
    )?;
    let Some((user, csrf_token, idle_until)) = found else {
        return Ok(None);
    };
    let renewed = now + IDLE.as_secs() as i64;
    if renewed - idle_until >= 60 {
        conn.execute(
            "UPDATE staff_sessions SET idle_until = ?1 WHERE token_hash = ?2",
            &[&renewed, &token_hash],
        )?;
    }
    Ok(Some((user, csrf_token)))
}

pub fn end_session(conn: &mut Conn, token_hash: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM staff_sessions WHERE token_hash = ?1",
        &[&token_hash],
    )?;
    Ok(())
}

/// Every account, by name.
pub fn users(conn: &mut Conn) -> Result<Vec<StaffAccount>> {
    conn.query(
        "SELECT username, role, disabled FROM staff_users ORDER BY username",
        &[],
        |row| {
            Ok(StaffAccount {
                username: row.get(0)?,
                role: role_column(row, 1)?,
                disabled: row.get(2)?,
            })
        },
    )
}

pub fn set_role(conn: &mut Conn, user_id: i64, role: StaffRole) -> Result<()> {
    conn.execute(
        "UPDATE staff_users SET role = ?1 WHERE id = ?2",
        &[&role.code(), &user_id],
    )?;
    Ok(())
}

pub fn set_disabled(conn: &mut Conn, user_id: i64, disabled: bool) -> Result<()> {
    conn.execute(
        "UPDATE staff_users SET disabled = ?1 WHERE id = ?2",
        &[&disabled, &user_id],
    )?;
    Ok(())
}

pub fn set_password_hash(conn: &mut Conn, user_id: i64, password_hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE staff_users SET password_hash = ?1 WHERE id = ?2",
        &[&password_hash, &user_id],
    )?;
    Ok(())
}

/// Ends every session of the account but `keep` (the token hash of the session asking, when
/// an admin resets their own password): it was disabled, or its password reset.
pub fn end_sessions_of(conn: &mut Conn, user_id: i64, keep: Option<&str>) -> Result<()> {
    conn.execute(
        "DELETE FROM staff_sessions WHERE user_id = ?1 AND (?2 IS NULL OR token_hash <> ?2)",
        &[&user_id, &keep],
    )?;
    Ok(())
}
