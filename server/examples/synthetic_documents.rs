//! A portal database holding the demo content and N synthetic documents (default 100,000),
//! for `scripts/bench.py`'s document search figures:
//!
//! `cargo run --release -p portal-server --example synthetic_documents -- N (--db FILE | --database-url URL)`
//!
//! The database must be new (an empty PostgreSQL database, or a file not there yet). Prints
//! how long the documents took to add.

use std::path::Path;
use std::time::Instant;

use portal_server::{db, seed, synthetic};

fn main() {
    let (count, location) = synthetic::bench_args(100_000);
    let pool = db::open(&location).expect("database");
    let mut conn = pool.get().expect("connection");
    if conn.engine() == db::Engine::Postgres {
        // The server's bound on a statement is for requests; one transaction of 100,000
        // documents, and the VACUUM after it, may take longer.
        conn.execute_batch("SET statement_timeout = 0")
            .expect("no statement timeout");
    }
    // As every server start does first: the sanitizer's rules noted (nothing is stored yet).
    // Left unnoted, the benchmark's server would clean every synthetic document again on its
    // first start, before it answers.
    portal_server::sanitize::reclean_stored(&mut conn).expect("sanitizer rules noted");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    seed::seed_if_empty(&mut conn, &content).expect("demo content");
    let started = Instant::now();
    let added = synthetic::add_documents(&mut conn, count).expect("synthetic documents");
    // Every document was indexed as it was added: a rebuild at the server's start would only
    // index them a second time.
    portal_server::store::document_search::note_current_layout(&mut conn)
        .expect("index layout noted");
    if conn.engine() == db::Engine::Postgres {
        // As a database in use would be: its statistics known to the planner.
        conn.execute_batch("VACUUM ANALYZE").expect("vacuum");
    }
    println!(
        "added {added} synthetic documents in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
