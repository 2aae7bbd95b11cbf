//! The API's bounds: body size, concurrency and time.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestPortal;
use portal_contract::limits::MAX_BODY_BYTES;
use portal_server::limits::{Limits, RateLimit};

/// Holds the write lock on the visit counter from another connection, as a long write
/// would: SQLite's database lock, or PostgreSQL's lock on the table.
fn hold_write_lock(portal: &TestPortal) -> portal_server::db::Conn {
    common::blocking(|| {
        let mut conn = portal.pool.get().unwrap();
        if common::on_postgres() {
            conn.execute_batch("BEGIN; LOCK TABLE visit_days IN ACCESS EXCLUSIVE MODE")
                .unwrap();
        } else {
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        }
        conn
    })
}

fn release(mut lock: portal_server::db::Conn) {
    common::blocking(move || lock.execute_batch("ROLLBACK").unwrap());
}

/// Pooled connections checked out right now.
fn in_use(portal: &TestPortal) -> u32 {
    let state = portal.pool.state();
    state.connections - state.idle_connections
}

fn visit() -> Request<Body> {
    Request::post("/api/v1/visits")
        .header("content-type", "application/json")
        .body(Body::from("{}"))
        .unwrap()
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let portal = TestPortal::with_articles(0);
    let request = Request::post("/api/v1/visits")
        .header("content-length", (MAX_BODY_BYTES + 1).to_string())
        .body(Body::from(vec![b'x'; MAX_BODY_BYTES + 1]))
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
    release(lock);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_have_a_budget_of_their_own_and_reads_never_wait_for_it() {
    let limits = Limits {
        max_concurrent_writes: 2,
        ..Limits::default()
    };
    let portal = std::sync::Arc::new(TestPortal::with_limits(3, limits));
    let lock = hold_write_lock(&portal);
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let portal = portal.clone();
            tokio::spawn(async move { portal.request(visit()).await.0 })
        })
        .collect();
    // Both writers are inside their handlers once each holds a connection, waiting for the
    // lock (the test's own connection is the third in use).
    while in_use(&portal) < 3 {
        tokio::task::yield_now().await;
        std::thread::sleep(Duration::from_millis(5));
    }
    // Reads have their own places: one answers while both write places are taken.
    let (status, _, _) = portal.get("/api/v1/site").await;
    assert_eq!(status, StatusCode::OK);
    // A third write must wait for a place. Let through, it would take a connection at once;
    // the bound is generous on purpose, not fitted to this machine.
    let mut third = {
        let portal = portal.clone();
        tokio::spawn(async move { portal.request(visit()).await.0 })
    };
    assert!(
        tokio::time::timeout(Duration::from_secs(2), &mut third)
            .await
            .is_err(),
        "a third write ran beside two with a budget of two"
    );
    assert_eq!(in_use(&portal), 3, "the third write took no connection");
    assert!(writers.iter().all(|w| !w.is_finished()));

    release(lock);
    for writer in writers {
        assert_eq!(writer.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(third.await.unwrap(), StatusCode::OK);
    let (_, stats) = portal.get_json("/api/v1/stats").await;
    assert_eq!(stats["total"], 3);
}

fn from(address: &str, request: Request<Body>) -> Request<Body> {
    let (mut parts, body) = request.into_parts();
    parts
        .headers
        .insert("x-forwarded-for", address.parse().unwrap());
    Request::from_parts(parts, body)
}

fn feedback() -> Request<Body> {
    let body = serde_json::json!({
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.com",
        "title": "Đèn đường thôn Pò Hèn",
        "message": "Đèn đường ở đầu thôn đã hỏng hai tuần, đề nghị sửa.",
        "elapsed_ms": 45000
    });
    Request::post("/api/v1/feedback")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// More than 10,000 clients set off a sweep of the limiter's memory. Visits' short windows
/// are over by then; the sweep must forget those and not a feedback refusal whose window
/// is not.
#[tokio::test]
async fn a_refused_client_stays_refused_when_many_others_visit() {
    let limits = Limits {
        behind_proxy: true,
        visits: RateLimit {
            count: 1000,
            per: Duration::from_secs(1),
        },
        feedback: RateLimit {
            count: 1,
            per: Duration::from_secs(600),
        },
        ..Limits::default()
    };
    let portal = TestPortal::with_limits(0, limits);
    let refused = "203.0.113.7";
    assert_eq!(
        portal.request(from(refused, feedback())).await.0,
        StatusCode::CREATED
    );
    assert_eq!(
        portal.request(from(refused, feedback())).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Longer than a visit's window: a sweep by the visits' window would drop the refusal.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for n in 0..10_050u32 {
        let address = std::net::Ipv4Addr::from(0x0a00_0000 + n).to_string();
        let (status, _, _) = portal.request(from(&address, visit())).await;
        assert_eq!(status, StatusCode::OK, "visit from {address}");
    }
    let (status, headers, body) = portal.request(from(refused, feedback())).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let wait = body["error"]["retry_after"].as_u64().unwrap();
    // Still the ten-minute window, however long the visits took on this machine.
    assert!(wait > 60 && wait <= 600, "{wait}");
    assert_eq!(headers["retry-after"], wait.to_string().as_str());
}
