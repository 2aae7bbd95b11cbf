//! Readers' ratings of pages, and their counts for staff.

use portal_contract::{PageRatings, PageRequest, Paged};
use rusqlite::{params, Connection};

pub fn save_rating(
    conn: &Connection,
    page: &str,
    useful: bool,
    comment: &str,
    received_at: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO ratings (page, useful, comment, received_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![page, useful, comment, received_at])?;
    Ok(())
}

/// Pages with their counts, the worst first: the largest share of "no", then the most "no".
pub fn page_ratings(conn: &Connection, page: PageRequest) -> rusqlite::Result<Paged<PageRatings>> {
    let total: u64 = conn.query_row("SELECT COUNT(DISTINCT page) FROM ratings", [], |row| {
        row.get(0)
    })?;
    let mut statement = conn.prepare_cached(
        "SELECT page, SUM(useful), SUM(1 - useful) FROM ratings GROUP BY page
         ORDER BY CAST(SUM(1 - useful) AS REAL) / COUNT(*) DESC, SUM(1 - useful) DESC, page
         LIMIT ?1 OFFSET ?2",
    )?;
    let mut items: Vec<PageRatings> = statement
        .query_map(params![page.per_page, page.offset() as i64], |row| {
            Ok(PageRatings {
                page: row.get(0)?,
                useful: row.get(1)?,
                not_useful: row.get(2)?,
                comments: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut comments = conn.prepare_cached(
        "SELECT comment FROM ratings WHERE page = ?1 AND comment <> '' ORDER BY id DESC LIMIT 10",
    )?;
    for item in &mut items {
        item.comments = comments
            .query_map([&item.page], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(page.answer(items, total))
}
