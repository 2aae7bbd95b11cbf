//! Per-address limits kept in PostgreSQL, so that every replica counts against the same
//! window. (On SQLite there is one process, and `limits::RateLimiter` keeps them in memory.)

use std::sync::atomic::{AtomicI64, Ordering};

use crate::db::{Conn, Result};
use crate::limits::RateLimit;

/// Older hits than this are swept out whatever their bucket: longer than any window.
const SWEEP_OLDER_THAN_MS: i64 = 60 * 60 * 1000;
const SWEEP_EVERY_MS: i64 = 60 * 1000;
static LAST_SWEEP_MS: AtomicI64 = AtomicI64::new(0);

/// Counts one request of `client` against `bucket` at `now_ms` (milliseconds since 1970);
/// `Ok(Err(seconds))` when the limit is spent, counting nothing.
pub fn check(
    conn: &mut Conn,
    bucket: &str,
    client: &str,
    limit: RateLimit,
    now_ms: i64,
) -> Result<Result<(), u64>> {
    sweep(conn, now_ms)?;
    conn.transaction(|conn| {
        lock(conn, bucket, client)?;
        let wait = full_for(conn, bucket, client, limit, now_ms)?;
        if wait.is_none() {
            conn.execute(
                "INSERT INTO rate_limit_hits (bucket, client, at_ms) VALUES (?1, ?2, ?3)",
                &[&bucket, &client, &now_ms],
            )?;
        }
        Ok(wait.map_or(Ok(()), Err))
    })
}

/// Whether `client` has spent `bucket`'s limit, without counting this request.
pub fn spent(
    conn: &mut Conn,
    bucket: &str,
    client: &str,
    limit: RateLimit,
    now_ms: i64,
) -> Result<Result<(), u64>> {
    Ok(full_for(conn, bucket, client, limit, now_ms)?.map_or(Ok(()), Err))
}

/// Replicas counting the same client queue here, so two cannot both see room for one more.
fn lock(conn: &mut Conn, bucket: &str, client: &str) -> Result<()> {
    conn.query_one(
        "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1 || ' ' || ?2))) AS locked",
        &[&bucket, &client],
        |_| Ok(()),
    )
}

/// Seconds until one more request fits, when the window ending `now_ms` is full.
fn full_for(
    conn: &mut Conn,
    bucket: &str,
    client: &str,
    limit: RateLimit,
    now_ms: i64,
) -> Result<Option<u64>> {
    let per_ms = i64::try_from(limit.per.as_millis()).unwrap_or(i64::MAX);
    let (count, oldest): (u64, Option<i64>) = conn.query_one(
        "SELECT COUNT(*), MIN(at_ms) FROM rate_limit_hits
         WHERE bucket = ?1 AND client = ?2 AND at_ms > ?3",
        &[&bucket, &client, &(now_ms - per_ms)],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if count < limit.count as u64 {
        return Ok(None);
    }
    let waited = oldest.map_or(0, |oldest| now_ms - oldest);
    let wait_ms = (per_ms - waited).max(0) as u64;
    // Whole seconds, rounded up, as the in-memory limiter answers.
    Ok(Some(wait_ms.div_ceil(1000).max(1)))
}

/// Drops hits older than any window, at most once a minute per process.
fn sweep(conn: &mut Conn, now_ms: i64) -> Result<()> {
    let last = LAST_SWEEP_MS.load(Ordering::Relaxed);
    if now_ms - last < SWEEP_EVERY_MS
        || LAST_SWEEP_MS
            .compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return Ok(());
    }
    conn.execute(
        "DELETE FROM rate_limit_hits WHERE at_ms < ?1",
        &[&(now_ms - SWEEP_OLDER_THAN_MS)],
    )?;
    Ok(())
}
