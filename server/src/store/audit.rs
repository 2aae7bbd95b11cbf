//! The audit log: appended to, read by admins, never changed (the schema's triggers refuse).

use portal_contract::staff::AuditEntry;
use portal_contract::{PageRequest, Paged};

use crate::clock;
use crate::db::{Conn, Result};

pub fn record(
    conn: &mut Conn,
    actor: Option<&str>,
    address: Option<&str>,
    action: &str,
    subject: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, address, action, subject) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[&clock::now_text(), &actor, &address, &action, &subject],
    )?;
    Ok(())
}

/// How many times `action` happened to `subject` at or after `since` (an `at` text).
pub fn count_since(conn: &mut Conn, action: &str, subject: &str, since: &str) -> Result<u64> {
    conn.query_one(
        "SELECT COUNT(*) FROM audit_log WHERE action = ?1 AND subject = ?2 AND at >= ?3",
        &[&action, &subject, &since],
        |row| row.get(0),
    )
}

/// The log, newest first.
pub fn entries(conn: &mut Conn, page: PageRequest) -> Result<Paged<AuditEntry>> {
    let total: u64 = conn.query_one("SELECT COUNT(*) FROM audit_log", &[], |row| row.get(0))?;
    let items = conn.query(
        "SELECT at, actor, address, action, subject FROM audit_log
         ORDER BY id DESC LIMIT ?1 OFFSET ?2",
        &[&page.per_page, &page.offset()],
        |row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                actor: row.get(1)?,
                address: row.get(2)?,
                action: row.get(3)?,
                subject: row.get(4)?,
            })
        },
    )?;
    Ok(page.answer(items, total))
}
