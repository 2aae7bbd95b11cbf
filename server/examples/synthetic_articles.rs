//! A portal database holding the demo content and N synthetic articles (default 100,000),
//! for `scripts/bench.py`'s article search figures:
//!
//! `cargo run --release -p portal-server --example synthetic_articles -- N (--db FILE | --database-url URL)`
//!
//! The database must be new (an empty PostgreSQL database, or a file not there yet). Prints
//! what building it cost: adding the articles (each indexed as it is added) and the
//! database's size. The searches are measured over HTTP, as a reader meets them, by
//! `scripts/bench.py`.

use std::path::Path;
use std::time::Instant;

use portal_server::{db, seed, store, synthetic};

fn main() {
    let (count, location) = synthetic::bench_args(100_000);
    let pool = db::open(&location).expect("database");
    let mut conn = pool.get().expect("connection");
    if conn.engine() == db::Engine::Postgres {
        // The server's bound on a statement is for requests; one transaction of 100,000
        // articles, and the VACUUM after it, may take longer.
        conn.execute_batch("SET statement_timeout = 0")
            .expect("no statement timeout");
    }
    // As every server start does first: the sanitizer's rules noted (nothing is stored yet).
    // Left unnoted, the benchmark's server would clean every synthetic article again on its
    // first start, before it answers.
    portal_server::sanitize::reclean_stored(&mut conn).expect("sanitizer rules noted");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    seed::seed_if_empty(&mut conn, &content).expect("demo content");
    // As the server's first start would: the demo articles get their staff copies then, and
    // the synthetic ones stay outside the staff's list.
    portal_server::editorial::adopt_published_once(&mut conn).expect("staff copies");

    conn.prepare_for_bulk_indexing()
        .expect("ready for bulk indexing");
    let started = Instant::now();
    let added = synthetic::add_articles(&mut conn, count).expect("synthetic articles");
    let insert_time = started.elapsed();
    // Every article was indexed as it was added, under the present layout: noted, so the
    // server's start does not index them all again.
    store::search::note_current_layout(&mut conn).expect("index layout noted");
    let indexed: i64 = conn
        .query_one("SELECT count(*) FROM articles", &[], |row| row.get(0))
        .expect("count");
    let size = match (&location, conn.engine()) {
        (db::Location::Sqlite(path), _) => {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
                .expect("vacuum");
            std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
        }
        _ => {
            // As a database in use would be: its statistics known to the planner.
            conn.execute_batch("VACUUM ANALYZE").expect("vacuum");
            conn.query_one("SELECT pg_database_size(current_database())", &[], |row| {
                row.get(0)
            })
            .expect("size")
        }
    };
    println!(
        "{indexed} articles ({added} synthetic + demo content) on {:?}: added and indexed in \
         {:.1} s, {:.0} MB",
        conn.engine(),
        insert_time.as_secs_f64(),
        size as f64 / 1e6
    );
}
