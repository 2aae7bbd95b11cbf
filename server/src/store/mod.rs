//! Every SQL statement the server runs lives under here, one module per resource, as in
//! `routes/`.

pub mod articles;
pub mod categories;
pub mod feedback;
pub mod links;
pub mod map;
pub mod ratings;
pub mod schedule;
pub mod settings;
pub mod site;
pub mod stats;

use rusqlite::Row;

pub(crate) fn time_column(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<chrono::DateTime<chrono::FixedOffset>> {
    let text: String = row.get(index)?;
    chrono::DateTime::parse_from_rfc3339(&text).map_err(|err| bad_text(index, err))
}

/// A stored text that does not parse: a corrupt row, reported as SQLite reports bad types.
pub(crate) fn bad_text(
    index: usize,
    err: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
}
