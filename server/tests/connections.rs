//! The server over real TCP on loopback: clients that send slowly, or not at all, are cut
//! off without holding what other readers need.

mod common;

use std::time::{Duration, Instant};

use common::TestPortal;
use portal_server::limits::Limits;
use portal_server::serve::{serve, ConnectionLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ARTICLE: &str = "/api/v1/articles/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van";

/// Serves `portal` on a loopback port; the server stops when the test's runtime does.
async fn start(portal: &TestPortal, limits: ConnectionLimits) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(
        listener,
        portal.router.clone(),
        limits,
        std::future::pending(),
    ));
    addr
}

/// Reads until the server closes the connection; what it sent.
async fn read_to_close(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut answer)).await;
    match read {
        Ok(_) => Some(String::from_utf8_lossy(&answer).into_owned()),
        Err(_) => None,
    }
}

async fn get(addr: std::net::SocketAddr, path: &str) -> (Duration, String) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
        .unwrap();
    let answer = read_to_close(&mut stream, Duration::from_secs(10))
        .await
        .expect("an answer");
    (started.elapsed(), answer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_a_header_is_cut_off_within_the_bound() {
    let portal = TestPortal::with_articles(1);
    let limits = ConnectionLimits {
        header_read_timeout: Duration::from_millis(500),
        ..ConnectionLimits::default()
    };
    let addr = start(&portal, limits).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    stream
        .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: por")
        .await
        .unwrap();
    let closed = read_to_close(&mut stream, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "still open after 5 s");
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(400), "{elapsed:?}");

    // A client that connects and says nothing at all is closed the same way.
    let mut silent = TcpStream::connect(addr).await.unwrap();
    let closed = read_to_close(&mut silent, Duration::from_secs(5)).await;
    assert_eq!(
        closed.as_deref(),
        Some(""),
        "a silent connection stays open"
    );

    // A kept-alive connection left idle is closed the same way.
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: portal\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(&mut stream, Duration::from_secs(5)).await;
    let answer = answer.expect("closed after the answer, once idle");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_hold_nothing_readers_need() {
    let limits = Limits {
        body_deadline: Duration::from_secs(2),
        ..Limits::default()
    };
    let portal = TestPortal::with_limits(3, limits);
    let addr = start(&portal, ConnectionLimits::default()).await;
    // Warm up: the first request opens the database connections.
    assert!(get(addr, ARTICLE).await.1.starts_with("HTTP/1.1 200"));

    let mut senders = Vec::new();
    for _ in 0..100 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(
                b"POST /api/v1/feedback HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
            )
            .await
            .unwrap();
        senders.push(stream);
    }
    // Every sender's request is in: it is now waiting for the body.
    let (elapsed, answer) = get(addr, ARTICLE).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        elapsed < Duration::from_millis(200),
        "an article took {elapsed:?} beside 100 slow senders"
    );
    for mut sender in senders {
        let answer = read_to_close(&mut sender, Duration::from_secs(10))
            .await
            .expect("every slow sender gets an answer");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.contains("application/json"), "{answer}");
        assert!(answer.contains(r#""code":"timeout""#), "{answer}");
    }
}

/// A client already over its feedback limit is refused before its body is read: a slow
/// sender learns it at once and holds nothing while it sends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_sender_is_told_before_its_body_is_read() {
    let limits = Limits {
        feedback: portal_server::limits::RateLimit {
            count: 1,
            per: Duration::from_secs(600),
        },
        ..Limits::default()
    };
    let portal = TestPortal::with_limits(1, limits);
    let addr = start(&portal, ConnectionLimits::default()).await;
    let body = serde_json::json!({
        "name": "Nguyễn Thị Lan", "email": "lan@example.com", "title": "Đèn đường",
        "message": "Đèn đường ở đầu thôn đã hỏng hai tuần.", "elapsed_ms": 45000
    })
    .to_string();
    let mut first = TcpStream::connect(addr).await.unwrap();
    first
        .write_all(
            format!(
                "POST /api/v1/feedback HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let answer = read_to_close(&mut first, Duration::from_secs(10))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");

    // The second declares a body and sends one byte of it: the answer comes all the same,
    // long before the body deadline (10 s).
    let mut second = TcpStream::connect(addr).await.unwrap();
    second
        .write_all(b"POST /api/v1/feedback HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        .await
        .unwrap();
    let mut head = [0u8; 12];
    tokio::time::timeout(Duration::from_secs(5), second.read_exact(&mut head))
        .await
        .expect("answered before the body arrived")
        .unwrap();
    assert_eq!(&head, b"HTTP/1.1 429");
}

/// One address cannot hold every connection: past its share, its new connections are closed
/// at once, and other addresses are still served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_cannot_take_every_connection() {
    let portal = TestPortal::with_articles(1);
    let limits = ConnectionLimits {
        max_connections_per_address: Some(3),
        ..ConnectionLimits::default()
    };
    let addr = start(&portal, limits).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr).await.unwrap());
    }
    // The fourth from the same address: closed without an answer.
    let mut fourth = TcpStream::connect(addr).await.unwrap();
    let _ = fourth
        .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n")
        .await;
    let answer = read_to_close(&mut fourth, Duration::from_secs(5))
        .await
        .expect("closed at once");
    assert_eq!(answer, "");
    // Another address is served.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let mut other = socket.connect(addr).await.unwrap();
    other
        .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(&mut other, Duration::from_secs(5))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // A held connection closed gives its place back.
    drop(held.pop());
    let mut again = None;
    for _ in 0..50 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n")
            .await
            .ok();
        let answer = read_to_close(&mut stream, Duration::from_secs(5))
            .await
            .unwrap_or_default();
        if answer.starts_with("HTTP/1.1 200") {
            again = Some(answer);
            break;
        }
        // The server notices the close when it next reads that connection.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(again.is_some(), "the freed place was not given back");
}
