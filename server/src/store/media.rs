//! Uploaded photos' files, served at `/media/{name}`. A name is made from its content, so a
//! file once stored never changes: storing it again does nothing.

use crate::db::{Conn, Result};

/// Stores `files` (name, media type, bytes), created at `now`; names already stored keep
/// what they have.
pub fn save_files(
    conn: &mut Conn,
    files: &[(String, &'static str, Vec<u8>)],
    now: &str,
) -> Result<()> {
    for (name, content_type, bytes) in files {
        conn.execute(
            "INSERT INTO media_files (name, content_type, bytes, created_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name) DO NOTHING",
            &[name, content_type, bytes, &now],
        )?;
    }
    Ok(())
}

/// A stored file's media type and bytes.
pub fn file(conn: &mut Conn, name: &str) -> Result<Option<(String, Vec<u8>)>> {
    conn.query_opt(
        "SELECT content_type, bytes FROM media_files WHERE name = ?1",
        &[&name],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}
