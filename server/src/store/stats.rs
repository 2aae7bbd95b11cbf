//! The visit counter.

use chrono::NaiveDate;
use portal_contract::VisitStats;
use rusqlite::Connection;

use super::site::site_settings;

/// Counts one visit on `today` and returns the statistics after it, atomically: concurrent
/// visits each add exactly one.
pub fn record_visit(conn: &mut Connection, today: NaiveDate) -> rusqlite::Result<VisitStats> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.prepare_cached(
        "INSERT INTO visit_days (day, count) VALUES (?1, 1)
         ON CONFLICT (day) DO UPDATE SET count = count + 1",
    )?
    .execute([today.to_string()])?;
    let stats = visit_stats(&tx, today)?;
    tx.commit()?;
    Ok(stats)
}

pub fn visit_stats(conn: &Connection, today: NaiveDate) -> rusqlite::Result<VisitStats> {
    let before: u64 = site_settings(conn)?.map(|s| s.visits_before).unwrap_or(0);
    let (today_count, counted): (u64, u64) = conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN day = ?1 THEN count END), 0), COALESCE(SUM(count), 0)
         FROM visit_days",
        [today.to_string()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(VisitStats {
        today: today_count,
        total: before + counted,
    })
}
