//! The API's bounds: body size, concurrency and time.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestPortal;
use portal_server::limits::Limits;

/// Holds SQLite's write lock from another connection, as a long write would.
fn hold_write_lock(
    portal: &TestPortal,
) -> r2d2::PooledConnection<r2d2_sqlite::SqliteConnectionManager> {
    let conn = portal.pool.get().unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

fn visit() -> Request<Body> {
    Request::post("/api/v1/visits").body(Body::empty()).unwrap()
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let portal = TestPortal::with_articles(0);
    let request = Request::post("/api/v1/visits")
        .header("content-length", (17 * 1024).to_string())
        .body(Body::from(vec![b'x'; 17 * 1024]))
        .unwrap();
    let (status, headers, body) = portal.request(request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(headers["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "payload_too_large");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slow_request_gets_a_503_in_time() {
    let limits = Limits {
        request_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let portal = TestPortal::with_limits(0, limits);
    let lock = hold_write_lock(&portal);
    let started = Instant::now();
    let (status, _, body) = portal.request(visit()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "unavailable");
    lock.execute_batch("ROLLBACK").unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_more_than_the_limit_run_at_once() {
    let limits = Limits {
        max_concurrent_requests: 2,
        ..Limits::default()
    };
    let portal = std::sync::Arc::new(TestPortal::with_limits(3, limits));
    let started = Instant::now();
    let (status, _, _) = portal.get("/api/v1/site").await;
    assert_eq!(status, StatusCode::OK);
    let unloaded = started.elapsed();

    let lock = hold_write_lock(&portal);
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let portal = portal.clone();
            tokio::spawn(async move { portal.request(visit()).await.0 })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Both places are taken by writes waiting for the lock: a read, which needs no lock,
    // must wait for a place all the same.
    let reader = {
        let portal = portal.clone();
        tokio::spawn(async move { portal.get("/api/v1/site").await.0 })
    };
    tokio::time::sleep(Duration::from_millis(300) + unloaded * 10).await;
    assert!(
        !reader.is_finished(),
        "the read ran beside two writes with a limit of two"
    );
    assert!(writers.iter().all(|w| !w.is_finished()));

    lock.execute_batch("ROLLBACK").unwrap();
    for writer in writers {
        assert_eq!(writer.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(reader.await.unwrap(), StatusCode::OK);
    let (_, stats) = portal.get_json("/api/v1/stats").await;
    assert_eq!(stats["total"], 2);
}
