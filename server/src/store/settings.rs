//! The server's own settings kept between runs (`server_settings`), by name.

use rusqlite::{Connection, OptionalExtension};

pub fn get(conn: &Connection, name: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM server_settings WHERE name = ?1",
        [name],
        |row| row.get(0),
    )
    .optional()
}

pub fn set(conn: &Connection, name: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO server_settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, value],
    )?;
    Ok(())
}
