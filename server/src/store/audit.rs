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
    record_with_detail(conn, actor, address, action, subject, None)
}

/// `record`, with what the action changed (`AuditEntry::detail`).
pub fn record_with_detail(
    conn: &mut Conn,
    actor: Option<&str>,
    address: Option<&str>,
    action: &str,
    subject: &str,
    detail: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, address, action, subject, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            &clock::now_text(),
            &actor,
            &address,
            &action,
            &subject,
            &detail,
        ],
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
        "SELECT at, actor, address, action, subject, detail FROM audit_log
         ORDER BY id DESC LIMIT ?1 OFFSET ?2",
        &[&page.per_page, &page.offset()],
        |row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                actor: row.get(1)?,
                address: row.get(2)?,
                action: row.get(3)?,
                subject: row.get(4)?,
                detail: row.get(5)?,
            })
        },
    )?;
    Ok(page.answer(items, total))
}
