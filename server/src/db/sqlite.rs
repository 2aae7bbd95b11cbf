//! SQLite: one file, the embedded default.

use std::path::Path;

use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::Connection;

use super::{Error, Result};

pub type Pool = r2d2::Pool<SqliteConnectionManager>;

/// Schema changes in order; the database's `user_version` counts how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/sqlite/0002_widgets.sql"),
    include_str!("../../migrations/sqlite/0003_feedback.sql"),
    include_str!("../../migrations/sqlite/0004_map.sql"),
    include_str!("../../migrations/sqlite/0005_settings.sql"),
    include_str!("../../migrations/sqlite/0006_ratings.sql"),
    include_str!("../../migrations/sqlite/0007_staff.sql"),
    include_str!("../../migrations/sqlite/0008_editorial.sql"),
    include_str!("../../migrations/sqlite/0009_documents.sql"),
    include_str!("../../migrations/sqlite/0010_questions.sql"),
    include_str!("../../migrations/sqlite/0011_procedures.sql"),
    include_str!("../../migrations/sqlite/0012_english.sql"),
    include_str!("../../migrations/sqlite/0013_marked_search.sql"),
    include_str!("../../migrations/sqlite/0014_content_generation.sql"),
    include_str!("../../migrations/sqlite/0015_search_speed.sql"),
    include_str!("../../migrations/sqlite/0016_document_generation.sql"),
    include_str!("../../migrations/sqlite/0017_document_facets.sql"),
];

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
pub fn open(path: &Path) -> Result<Pool> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| Error::Folder {
            path: folder.display().to_string(),
            source,
        })?;
    }
    let manager = SqliteConnectionManager::file(path).with_init(configure);
    let pool = r2d2::Pool::builder()
        .max_size(8)
        .connection_timeout(super::CONNECTION_WAIT)
        .build(manager)?;
    migrate(&mut *pool.get()?)?;
    Ok(pool)
}

fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    // WAL lets readers proceed while a write commits; the busy timeout makes writers queue
    // instead of failing when two pool connections write at once.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Up to 32 MB of pages kept per connection instead of SQLite's 2 MB: a search that
    // filters its hits reads them from the documents' table, scattered over the whole file
    // (on 100,000 documents, words and a type 17-19 ms with 2 MB, 10 ms with 32 MB).
    conn.pragma_update(None, "cache_size", -32768)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}
