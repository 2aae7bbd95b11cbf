//! Every SQL statement the server runs lives under here, one module per resource, as in
//! `routes/`.

pub mod about;
pub mod articles;
pub mod audit;
pub mod categories;
pub mod content_generation;
pub mod document_search;
pub mod documents;
pub mod editorial;
pub mod feedback;
pub mod links;
pub mod map;
pub mod media;
pub mod procedures;
pub mod questions;
pub mod rate_limits;
pub mod ratings;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod site;
pub mod staff;
pub mod stats;
pub mod word_match;

use crate::db::{bad_column, Result, Row};

pub(crate) fn time_column(
    row: &Row<'_>,
    index: usize,
) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let text: String = row.get(index)?;
    chrono::DateTime::parse_from_rfc3339(&text).map_err(|err| bad_column(index, err))
}
