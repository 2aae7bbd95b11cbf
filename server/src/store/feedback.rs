//! Citizens' feedback: stored durably, listed for staff.

use portal_contract::text::trim_invisible;
use portal_contract::{FeedbackInput, FeedbackReceipt, FeedbackRecord, PageRequest, Paged};

use super::time_column;
use crate::db::{Conn, Result};

/// Stores a submission durably (the commit reaches the disk before this returns) and gives
/// it its reference.
pub fn save_feedback(
    conn: &mut Conn,
    input: &FeedbackInput,
    held_reason: Option<&str>,
    received_at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<FeedbackReceipt> {
    // Visits may lose their last moments in a power cut; a citizen's words may not. On
    // PostgreSQL every commit is flushed already (synchronous_commit's default).
    if let Some(sqlite) = conn.as_sqlite() {
        sqlite.pragma_update(None, "synchronous", "FULL")?;
    }
    let result = conn.transaction(|conn| {
        let id: i64 = conn.query_one(
            "INSERT INTO feedback (received_at, name, email, phone, title, message, article, held_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            &[
                &crate::clock::stored_text(received_at),
                &trim_invisible(&input.name),
                &trim_invisible(&input.email),
                &trim_invisible(&input.phone),
                &trim_invisible(&input.title),
                &trim_invisible(&input.message),
                &input.article,
                &held_reason,
            ],
            |row| row.get(0),
        )?;
        let reference = format!("PH-{}-{id:06}", received_at.format("%Y"));
        conn.execute(
            "UPDATE feedback SET reference = ?1 WHERE id = ?2",
            &[&reference, &id],
        )?;
        Ok(FeedbackReceipt {
            reference,
            received_at,
        })
    });
    if let Some(sqlite) = conn.as_sqlite() {
        sqlite.pragma_update(None, "synchronous", "NORMAL")?;
    }
    result
}

/// Submissions, newest first; held-back ones only when `held` asks for them.
pub fn list_feedback(
    conn: &mut Conn,
    held: bool,
    page: PageRequest,
) -> Result<Paged<FeedbackRecord>> {
    let condition = if held {
        "held_reason IS NOT NULL"
    } else {
        "held_reason IS NULL"
    };
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM feedback WHERE {condition}"),
        &[],
        |row| row.get(0),
    )?;
    let items = conn.query(
        &format!(
            "SELECT reference, received_at, name, email, phone, title, message, article, held_reason
             FROM feedback WHERE {condition} ORDER BY received_at DESC, id DESC LIMIT ?1 OFFSET ?2"
        ),
        &[&page.per_page, &page.offset()],
        |row| {
            Ok(FeedbackRecord {
                reference: row.get(0)?,
                received_at: time_column(row, 1)?,
                name: row.get(2)?,
                email: row.get(3)?,
                phone: row.get(4)?,
                title: row.get(5)?,
                message: row.get(6)?,
                article: row.get(7)?,
                held_reason: row.get(8)?,
            })
        },
    )?;
    Ok(page.answer(items, total))
}
