//! Two replicas on one PostgreSQL database share what must be shared: per-address limits
//! and the visit counter. (On SQLite there is one process; nothing to share.)

mod common;

use axum::http::StatusCode;
use common::{from_peer, post_json, TestPortal};
use serde_json::json;

fn feedback(i: usize) -> serde_json::Value {
    json!({"name": format!("Người gửi {i}"), "email": "a@example.com", "title": "Đường thôn",
           "message": "Đề nghị sửa đường.", "elapsed_ms": 60000})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_share_limits_and_counts() {
    if !common::on_postgres() {
        eprintln!("no PORTAL_TEST_DATABASE_URL: one process, nothing shared to test");
        return;
    }
    let first = TestPortal::with_articles(1);
    let second = TestPortal::on_pool(first.pool.clone());
    let replicas = [&first, &second];

    // Five submissions per address per ten minutes, wherever they land.
    for i in 0..5 {
        let replica = replicas[i % 2];
        let (status, _, _) = replica
            .request(from_peer(
                post_json("/api/v1/feedback", &feedback(i)),
                [203, 0, 113, 9],
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED, "submission {i}");
    }
    for replica in replicas {
        let (status, _, _) = replica
            .request(from_peer(
                post_json("/api/v1/feedback", &feedback(9)),
                [203, 0, 113, 9],
            ))
            .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    }
    // Another address is not held back by the first one's limit.
    let (status, _, _) = second
        .request(from_peer(
            post_json("/api/v1/feedback", &feedback(10)),
            [203, 0, 113, 10],
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED);

    // Visits arriving at both at once are each counted once.
    let first = std::sync::Arc::new(first);
    let second = std::sync::Arc::new(second);
    let visits: Vec<_> = (0..40u8)
        .map(|i| {
            let replica = if i % 2 == 0 {
                first.clone()
            } else {
                second.clone()
            };
            tokio::spawn(async move {
                replica
                    .request(from_peer(
                        post_json("/api/v1/visits", &json!({})),
                        [198, 51, 100, i],
                    ))
                    .await
                    .0
            })
        })
        .collect();
    for visit in visits {
        assert_eq!(visit.await.unwrap(), StatusCode::OK);
    }
    let (_, on_first) = first.get_json("/api/v1/stats").await;
    let (_, on_second) = second.get_json("/api/v1/stats").await;
    assert_eq!(on_first["today"], 40, "{on_first}");
    assert_eq!(on_first, on_second);
}
