//! The request log. In a test binary of its own: tracing caches which call sites are on
//! for the whole process, and tests running beside this one without a subscriber would turn
//! the trace layer's events off for it.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestPortal;

/// What the trace layer writes for each request: one line with method, path, status and
/// latency, and nothing a citizen typed.
#[tokio::test(flavor = "current_thread")]
async fn requests_are_traced_without_queries_or_bodies() {
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let portal = TestPortal::with_articles(3);
    let (status, _) = portal.get_json("/api/v1/articles?q=0912345678").await;
    assert_eq!(status, StatusCode::OK);
    let feedback = serde_json::json!({
        "name": "Nguyễn Thị Lan", "phone": "0912 345 678", "title": "Đèn đường",
        "message": "Đèn đường ở đầu thôn đã hỏng hai tuần.", "elapsed_ms": 45000
    });
    let request = Request::post("/api/v1/feedback")
        .header("content-type", "application/json")
        .body(Body::from(feedback.to_string()))
        .unwrap();
    assert_eq!(portal.request(request).await.0, StatusCode::CREATED);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("tower_http::trace"))
        .collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[0].contains("method=GET") && lines[0].contains("path=/api/v1/articles"));
    assert!(lines[0].contains("status=200") && lines[0].contains("latency="));
    assert!(lines[1].contains("method=POST") && lines[1].contains("status=201"));
    for private in ["0912", "q=", "Lan", "Đèn"] {
        assert!(!log.contains(private), "{private:?} in {log}");
    }
}
