//! The visit counter.

use chrono::NaiveDate;
use portal_contract::VisitStats;

use super::site::site_settings;
use crate::db::{Conn, Result};

/// Counts one visit on `today` and returns the statistics after it, atomically: concurrent
/// visits each add exactly one, whichever replica they reach.
pub fn record_visit(conn: &mut Conn, today: NaiveDate) -> Result<VisitStats> {
    conn.transaction(|conn| {
        conn.execute(
            "INSERT INTO visit_days (day, count) VALUES (?1, 1)
             ON CONFLICT (day) DO UPDATE SET count = visit_days.count + 1",
            &[&today.to_string()],
        )?;
        visit_stats(conn, today)
    })
}

pub fn visit_stats(conn: &mut Conn, today: NaiveDate) -> Result<VisitStats> {
    let before: u64 = site_settings(conn)?.map(|s| s.visits_before).unwrap_or(0);
    let (today_count, counted): (u64, u64) = conn.query_one(
        "SELECT CAST(COALESCE(SUM(CASE WHEN day = ?1 THEN count END), 0) AS BIGINT),
                CAST(COALESCE(SUM(count), 0) AS BIGINT)
         FROM visit_days",
        &[&today.to_string()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(VisitStats {
        today: today_count,
        total: before + counted,
    })
}
