//! Search benchmark: `cargo run --release -p portal-server --example search_bench [N]`
//! (run by `make bench`). Builds a database of the demo content plus N synthetic articles
//! (default 100,000) in a temporary folder and prints the time to build it, the time to
//! rebuild the search index, the database size, and search latency over a fixed set of
//! queries. Figures only: nothing here passes or fails.
//!
//! With `BENCH_DATABASE_URL` naming an empty PostgreSQL database, the same is measured there
//! (`make bench` runs both, side by side).

use std::path::Path;
use std::time::{Duration, Instant};

use portal_contract::PageRequest;
use portal_server::search::SearchTerms;
use portal_server::store::{self, articles::ArticleFilter};
use portal_server::{db, seed, synthetic};

const QUERIES: &[&str] = &[
    "quoc phong",
    "quốc phòng",
    "nong thon moi",
    "mien dong",
    "dong van",
    "hoa giai",
    "thuy loi",
    "tuyen quan",
    "bien gioi",
    "cai cach hanh chinh",
    "du lich",
    "le hoi soong",
    "quoc pho",
    "tiem",
    "khong co tu nay",
    "huyen",
];
const ROUNDS: usize = 20;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.db");
    let location = match std::env::var("BENCH_DATABASE_URL") {
        Ok(url) if !url.is_empty() => db::Location::Postgres(url),
        _ => db::Location::Sqlite(path.clone()),
    };
    let pool = db::open(&location).expect("database");
    let mut conn = pool.get().expect("connection");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    seed::seed_if_empty(&mut conn, &content).expect("demo content");

    let started = Instant::now();
    synthetic::add_articles(&mut conn, count).expect("synthetic articles");
    let insert_time = started.elapsed();

    let started = Instant::now();
    let indexed = conn.transaction(store::search::rebuild).expect("reindex");
    let index_time = started.elapsed();
    let size = match conn.engine() {
        db::Engine::Sqlite => {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
                .expect("vacuum");
            std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        }
        db::Engine::Postgres => {
            conn.execute_batch("VACUUM ANALYZE").expect("vacuum");
            conn.query_one("SELECT pg_database_size(current_database())", &[], |row| {
                row.get(0)
            })
            .expect("size")
        }
    };

    let page = PageRequest::parse(None, None).unwrap();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut per_query: Vec<(String, u64, Duration)> = Vec::new();
    for query in QUERIES {
        let filter = ArticleFilter {
            terms: SearchTerms::parse(query),
            ..Default::default()
        };
        let mut slowest = Duration::ZERO;
        let mut total = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let result = store::articles::list_articles(&mut conn, &filter, page).expect("search");
            let took = started.elapsed();
            total = result.total;
            slowest = slowest.max(took);
            latencies.push(took);
        }
        per_query.push((query.to_string(), total, slowest));
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1)];

    println!(
        "Search benchmark on {:?}: {indexed} articles ({count} synthetic + demo content)",
        conn.engine()
    );
    println!(
        "  insert + index while inserting: {:>8.1} s",
        insert_time.as_secs_f64()
    );
    println!(
        "  rebuild search index:           {:>8.1} s",
        index_time.as_secs_f64()
    );
    println!(
        "  database size:                  {:>8.1} MB",
        size as f64 / 1e6
    );
    println!("  search latency, {} queries x {ROUNDS} rounds (first page of 10, with total and snippets):", QUERIES.len());
    println!(
        "    p50 {:>7.2} ms   p99 {:>7.2} ms   max {:>7.2} ms",
        ms(at(0.50)),
        ms(at(0.99)),
        ms(at(1.0))
    );
    println!("  per query (hits, slowest):");
    for (query, total, slowest) in per_query {
        println!("    {query:<22} {total:>7} hits {:>8.2} ms", ms(slowest));
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
