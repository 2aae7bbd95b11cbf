//! `POST /feedback` and the staff listing: validation, durability of what was accepted, spam
//! held back, per-address limits, and the bearer token.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{from_peer, post_json, TestPortal};
use portal_server::state::AppState;
use serde_json::{json, Value};

const ARTICLE: &str = "bai-viet-thu-so-0-ve-duong-giao-thong-xa-dong-van";

fn valid() -> Value {
    json!({
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.com",
        "phone": "",
        "title": "Đèn đường thôn Pò Hèn",
        "message": "Đèn đường ở đầu thôn đã hỏng hai tuần, đề nghị sửa.",
        "article": ARTICLE,
        "website": "",
        "elapsed_ms": 45000
    })
}

async fn post(
    portal: &TestPortal,
    body: &Value,
    ip: [u8; 4],
) -> (StatusCode, Value, Option<String>) {
    let request = from_peer(post_json("/api/v1/feedback", body), ip);
    let (status, headers, body) = portal.request(request).await;
    let retry = headers
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (
        status,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
        retry,
    )
}

fn stored(portal: &TestPortal) -> Vec<(String, String, Option<String>)> {
    portal.with_conn(|conn| {
        conn.query(
            "SELECT reference, message, held_reason FROM feedback ORDER BY id",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    })
}

#[tokio::test]
async fn an_accepted_submission_is_stored_and_gets_a_reference() {
    let portal = TestPortal::with_articles(1);
    let (status, receipt, _) = post(&portal, &valid(), [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(receipt["reference"], format!("PH-{year}-000001"));
    assert!(receipt["received_at"].as_str().unwrap().ends_with("+07:00"));
    assert_eq!(
        stored(&portal),
        [(
            format!("PH-{year}-000001"),
            "Đèn đường ở đầu thôn đã hỏng hai tuần, đề nghị sửa.".into(),
            None
        )]
    );
}

#[tokio::test]
async fn invalid_fields_get_a_422_naming_each_field_and_nothing_is_stored() {
    let portal = TestPortal::with_articles(1);
    let bad =
        json!({"name": " ", "email": "lan@", "title": "", "message": "ngắn", "elapsed_ms": 9000});
    let (status, body, _) = post(&portal, &bad, [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "invalid");
    let fields = body["error"]["fields"].as_object().unwrap();
    let names: Vec<&str> = fields.keys().map(String::as_str).collect();
    assert_eq!(names, ["email", "message", "name", "title"]);
    assert_eq!(fields["message"], "Nội dung cần ít nhất 10 ký tự.");

    assert!(stored(&portal).is_empty());
}

/// An article removed while the citizen was writing: what they wrote is kept all the same,
/// with the slug it named, for staff to read.
#[tokio::test]
async fn feedback_about_an_article_that_is_gone_is_kept() {
    let portal = with_token(TestPortal::with_articles(1), "bi-mat-cua-van-phong-2026");
    let mut gone = valid();
    gone["article"] = json!("bai-da-go-xuong");
    let (status, _, _) = post(&portal, &gone, [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(stored(&portal).len(), 1);
    let (_, list, _) = admin(
        &portal,
        "/api/v1/admin/feedback",
        Some("Bearer bi-mat-cua-van-phong-2026"),
    )
    .await;
    assert_eq!(list["items"][0]["article"], "bai-da-go-xuong");
}

#[tokio::test]
async fn malformed_and_oversized_bodies_get_json_4xx() {
    let portal = TestPortal::with_articles(1);
    let cases = [
        (
            "application/json",
            "{\"name\": ".to_string(),
            StatusCode::BAD_REQUEST,
        ),
        (
            "application/json",
            "[1, 2]".to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "text/plain",
            valid().to_string(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "application/json",
            "x".repeat(portal_contract::limits::MAX_BODY_BYTES + 1),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ];
    for (content_type, body, expected) in cases {
        let length = body.len();
        let request = Request::post("/api/v1/feedback")
            .header("content-type", content_type)
            .header("content-length", length)
            .body(Body::from(body))
            .unwrap();
        let (status, headers, body) = portal.request(request).await;
        assert_eq!(status, expected, "{content_type} {length}");
        assert_eq!(headers["content-type"], "application/json");
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert!(body["error"]["code"].is_string());
    }
    assert!(stored(&portal).is_empty());
}

#[tokio::test]
async fn spam_is_answered_alike_but_held_back() {
    let portal = TestPortal::with_articles(1);
    let mut honeypot = valid();
    honeypot["website"] = json!("http://spam.example");
    let mut too_fast = valid();
    too_fast["elapsed_ms"] = json!(800);
    for body in [honeypot, too_fast] {
        let (status, receipt, _) = post(&portal, &body, [192, 0, 2, 1]).await;
        assert_eq!(status, StatusCode::CREATED);
        assert!(receipt["reference"].as_str().unwrap().starts_with("PH-"));
    }
    let held: Vec<Option<String>> = stored(&portal).into_iter().map(|row| row.2).collect();
    assert_eq!(
        held,
        [Some("honeypot".to_string()), Some("too fast".to_string())]
    );
}

#[tokio::test]
async fn five_per_ten_minutes_per_address() {
    let portal = TestPortal::with_articles(1);
    // Refused submissions do not use up the allowance.
    let (status, _, _) = post(&portal, &json!({}), [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for _ in 0..5 {
        assert_eq!(
            post(&portal, &valid(), [192, 0, 2, 1]).await.0,
            StatusCode::CREATED
        );
    }
    let (status, body, retry) = post(&portal, &valid(), [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "too_many_requests");
    let seconds: u64 = retry.unwrap().parse().unwrap();
    assert!((500..=600).contains(&seconds), "{seconds}");
    assert_eq!(
        post(&portal, &valid(), [192, 0, 2, 2]).await.0,
        StatusCode::CREATED
    );
    assert_eq!(stored(&portal).len(), 6);
}

fn with_token(portal: TestPortal, token: &str) -> TestPortal {
    let state = AppState::new(portal.pool.clone()).with_admin_token(token);
    TestPortal {
        router: portal_server::app::router(state, &portal.path("dist")),
        ..portal
    }
}

async fn admin(
    portal: &TestPortal,
    uri: &str,
    authorization: Option<&str>,
) -> (StatusCode, Value, Option<String>) {
    let mut request = Request::get(uri);
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    let (status, headers, body) = portal.request(request.body(Body::empty()).unwrap()).await;
    let challenge = headers
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_string());
    (status, serde_json::from_slice(&body).unwrap(), challenge)
}

#[tokio::test]
async fn staff_listing_is_refused_without_a_configured_token() {
    // No token is right when none is configured: the documented 401, as for a wrong token.
    let portal = TestPortal::with_articles(1);
    for authorization in [Some("Bearer anything"), Some("Bearer "), None] {
        let (status, body, challenge) =
            admin(&portal, "/api/v1/admin/feedback", authorization).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{authorization:?}");
        assert_eq!(body["error"]["code"], "unauthorized");
        assert_eq!(challenge.as_deref(), Some("Bearer"));
    }
}

#[tokio::test]
async fn staff_listing_needs_the_right_token() {
    let portal = with_token(TestPortal::with_articles(1), "bi-mat-cua-van-phong-2026");
    post(&portal, &valid(), [192, 0, 2, 1]).await;
    let mut second = valid();
    second["title"] = json!("Góp ý thứ hai");
    post(&portal, &second, [192, 0, 2, 1]).await;
    let mut spam = valid();
    spam["website"] = json!("x");
    post(&portal, &spam, [192, 0, 2, 1]).await;

    for wrong in [
        None,
        Some("Bearer sai"),
        Some("Bearer bi-mat-cua-van-phong-2026x"),
        Some("bi-mat-cua-van-phong-2026"),
        Some("Basic Zm9vOmJhcg=="),
    ] {
        let (status, body, challenge) = admin(&portal, "/api/v1/admin/feedback", wrong).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{wrong:?}");
        assert_eq!(body["error"]["code"], "unauthorized");
        assert_eq!(challenge.as_deref(), Some("Bearer"));
    }
    let token = Some("Bearer bi-mat-cua-van-phong-2026");
    let (status, list, _) = admin(&portal, "/api/v1/admin/feedback", token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 2);
    let titles: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Góp ý thứ hai", "Đèn đường thôn Pò Hèn"]);
    assert_eq!(list["items"][0]["email"], "lan@example.com");
    assert_eq!(list["items"][0]["article"], ARTICLE);
    let (_, held, _) = admin(&portal, "/api/v1/admin/feedback?held=true", token).await;
    assert_eq!(held["total"], 1);
    assert_eq!(held["items"][0]["held_reason"], "honeypot");
    let (status, _, _) = admin(&portal, "/api/v1/admin/feedback?page=0", token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_field_of_the_wrong_json_type_is_a_422_naming_it() {
    let portal = TestPortal::with_articles(1);
    for (field, value) in [
        ("name", json!(5)),
        ("elapsed_ms", json!("soon")),
        ("article", json!(["a"])),
    ] {
        let mut body = valid();
        body[field] = value;
        let (status, body, _) = post(&portal, &body, [192, 0, 2, 30]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(body["error"]["code"], "invalid");
        assert!(
            body["error"]["fields"][field].is_string(),
            "{field}: {body}"
        );
    }
    let (status, body, _) = post(&portal, &json!([1, 2]), [192, 0, 2, 30]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["body"].is_string(), "{body}");
    assert!(stored(&portal).is_empty());
}

#[tokio::test]
async fn wrong_staff_tokens_are_limited_per_address() {
    let portal = with_token(TestPortal::with_articles(1), "bi-mat-cua-van-phong-2026");
    let request = |authorization: &str, ip: [u8; 4]| {
        let request = Request::get("/api/v1/admin/feedback")
            .header("authorization", authorization)
            .body(Body::empty())
            .unwrap();
        from_peer(request, ip)
    };
    let guesser = [198, 51, 100, 7];
    for guess in 0..10 {
        let (status, _, _) = portal
            .request(request(&format!("Bearer guess-{guess}"), guesser))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "guess {guess}");
    }
    for authorization in ["Bearer guess-10", "Bearer bi-mat-cua-van-phong-2026"] {
        let (status, headers, body) = portal.request(request(authorization, guesser)).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{authorization}");
        assert!(headers.contains_key("retry-after"));
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert!(body["error"]["retry_after"].as_u64().unwrap() > 500);
    }
    // Another address with the right token is not held back by the guesser.
    let (status, _, _) = portal
        .request(request("Bearer bi-mat-cua-van-phong-2026", [192, 0, 2, 50]))
        .await;
    assert_eq!(status, StatusCode::OK);
    // Nor can a token be tried with bodies too large for anyone but staff: refused as too
    // large, each still counts as a wrong token.
    let large_guesser = [198, 51, 100, 8];
    let upload = |token: &str| {
        let request = Request::post("/api/v1/admin/photos?alt=x")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "image/jpeg")
            .body(Body::from(vec![0u8; 1024 * 1024]))
            .unwrap();
        from_peer(request, large_guesser)
    };
    for guess in 0..10 {
        let (status, _, _) = portal.request(upload(&format!("guess-{guess}"))).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "guess {guess}");
    }
    let (status, _, _) = portal.request(upload("bi-mat-cua-van-phong-2026")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // A request without a token (a browser not signed in) guesses nothing and spends nothing.
    let visitor = [192, 0, 2, 51];
    for _ in 0..20 {
        let bare = from_peer(
            Request::get("/api/v1/admin/feedback")
                .body(Body::empty())
                .unwrap(),
            visitor,
        );
        assert_eq!(portal.request(bare).await.0, StatusCode::UNAUTHORIZED);
    }
    let (status, _, _) = portal
        .request(request("Bearer bi-mat-cua-van-phong-2026", visitor))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_staff_list_escapes_markup_in_its_json() {
    let portal = with_token(TestPortal::with_articles(1), "bi-mat-cua-van-phong-2026");
    let mut hostile = valid();
    hostile["title"] = json!("</script><script>alert(1)</script>\u{2028}!");
    assert_eq!(
        post(&portal, &hostile, [192, 0, 2, 60]).await.0,
        StatusCode::CREATED
    );
    let request = Request::get("/api/v1/admin/feedback")
        .header("authorization", "Bearer bi-mat-cua-van-phong-2026")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = portal.request(request).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(body).unwrap();
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('\u{2028}'));
    assert!(text.contains(r"\u003c/script\u003e"), "{text}");
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed["items"][0]["title"], hostile["title"]);
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let portal = with_token(TestPortal::with_articles(1), "bi-mat-cua-van-phong-2026");
    for authorization in [
        "Bearer bi-mat-cua-van-phong-2026",
        "bearer bi-mat-cua-van-phong-2026",
        "BEARER bi-mat-cua-van-phong-2026",
    ] {
        let (status, _, _) = admin(&portal, "/api/v1/admin/feedback", Some(authorization)).await;
        assert_eq!(status, StatusCode::OK, "{authorization}");
    }
    let (status, _, _) = admin(
        &portal,
        "/api/v1/admin/feedback",
        Some("Basic bi-mat-cua-van-phong-2026"),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
