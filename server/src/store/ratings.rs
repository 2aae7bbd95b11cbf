//! Readers' ratings of pages, and their counts for staff.

use portal_contract::{PageRatings, PageRequest, Paged};

use crate::db::{Conn, Result};

pub fn save_rating(
    conn: &mut Conn,
    page: &str,
    useful: bool,
    comment: &str,
    received_at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO ratings (page, useful, comment, received_at) VALUES (?1, ?2, ?3, ?4)",
        &[&page, &useful, &comment, &received_at],
    )?;
    Ok(())
}

/// Pages with their counts, the worst first: the largest share of "no", then the most "no".
pub fn page_ratings(conn: &mut Conn, page: PageRequest) -> Result<Paged<PageRatings>> {
    let total: u64 = conn.query_one("SELECT COUNT(DISTINCT page) FROM ratings", &[], |row| {
        row.get(0)
    })?;
    let mut items: Vec<PageRatings> = conn.query(
        "SELECT page, CAST(SUM(useful) AS BIGINT), CAST(SUM(1 - useful) AS BIGINT)
         FROM ratings GROUP BY page
         ORDER BY CAST(SUM(1 - useful) AS DOUBLE PRECISION) / COUNT(*) DESC, SUM(1 - useful) DESC, page
         LIMIT ?1 OFFSET ?2",
        &[&page.per_page, &page.offset()],
        |row| {
            Ok(PageRatings {
                page: row.get(0)?,
                useful: row.get(1)?,
                not_useful: row.get(2)?,
                comments: Vec::new(),
            })
        },
    )?;
    for item in &mut items {
        item.comments = conn.query(
            "SELECT comment FROM ratings WHERE page = ?1 AND comment <> '' ORDER BY id DESC LIMIT 10",
            &[&item.page],
            |row| row.get(0),
        )?;
    }
    Ok(page.answer(items, total))
}
