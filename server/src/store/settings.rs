//! The server's own settings kept between runs (`server_settings`), by name.

use crate::db::{Conn, Result};

pub fn get(conn: &mut Conn, name: &str) -> Result<Option<String>> {
    conn.query_opt(
        "SELECT value FROM server_settings WHERE name = ?1",
        &[&name],
        |row| row.get(0),
    )
}

pub fn set(conn: &mut Conn, name: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO server_settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        &[&name, &value],
    )?;
    Ok(())
}
