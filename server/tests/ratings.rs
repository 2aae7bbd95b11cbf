//! "Thông tin này có hữu ích không?": readers rate pages, staff read the counts, worst first.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{from_peer, post_json, TestPortal};
use portal_server::state::AppState;
use serde_json::{json, Value};

const TOKEN: &str = "bi-mat-cua-van-phong-2026";
const ARTICLE: &str = "/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van";
const OTHER: &str = "/tin-tuc/bai-viet-thu-so-2-ve-duong-giao-thong-xa-dong-van";

fn portal() -> TestPortal {
    TestPortal::with_state(3, |state: AppState| state.with_admin_token(TOKEN))
}

async fn rate(portal: &TestPortal, body: &Value, ip: [u8; 4]) -> (StatusCode, Value) {
    let request = from_peer(post_json("/api/v1/ratings", body), ip);
    let (status, _, body) = portal.request(request).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

async fn counts(portal: &TestPortal) -> Value {
    let request = Request::get("/api/v1/admin/ratings")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = portal.request(request).await;
    assert_eq!(status, StatusCode::OK);
    serde_json::from_slice(&body).unwrap()
}

#[tokio::test]
async fn ratings_are_counted_and_staff_see_the_worst_page_first() {
    let portal = portal();
    for (page, useful, comment) in [
        (ARTICLE, true, ""),
        (ARTICLE, true, ""),
        (ARTICLE, false, "Thiếu số điện thoại liên hệ"),
        (OTHER, false, "Không rõ thời hạn nộp hồ sơ"),
        (OTHER, false, ""),
    ] {
        let (status, _) = rate(
            &portal,
            &json!({"page": page, "useful": useful, "comment": comment}),
            [192, 0, 2, 1],
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{page}");
    }
    let list = counts(&portal).await;
    assert_eq!(list["total"], 2);
    assert_eq!(list["items"][0]["page"], OTHER, "all 'no' comes first");
    assert_eq!(list["items"][0]["not_useful"], 2);
    assert_eq!(
        list["items"][0]["comments"],
        json!(["Không rõ thời hạn nộp hồ sơ"])
    );
    assert_eq!(list["items"][1]["page"], ARTICLE);
    assert_eq!(list["items"][1]["useful"], 2);
    assert_eq!(list["items"][1]["not_useful"], 1);
}

#[tokio::test]
async fn bad_ratings_are_refused_and_nothing_is_stored() {
    let portal = portal();
    let (status, _) = rate(
        &portal,
        &json!({"page": "/tin-tuc/khong-co", "useful": true}),
        [192, 0, 2, 2],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for page in [
        "/",
        "/tin-tuc/",
        "/chuyen-muc/thong-bao",
        "https://evil.example/",
    ] {
        let (status, _) = rate(
            &portal,
            &json!({"page": page, "useful": true}),
            [192, 0, 2, 2],
        )
        .await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::UNPROCESSABLE_ENTITY,
            "{page}: {status}"
        );
    }
    let (status, body) = rate(
        &portal,
        &json!({"page": ARTICLE, "useful": false, "comment": "ệ".repeat(501)}),
        [192, 0, 2, 2],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["comment"].is_string());
    let (status, _) = rate(
        &portal,
        &json!({"page": ARTICLE, "useful": "có"}),
        [192, 0, 2, 2],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(counts(&portal).await["total"], 0);
}

#[tokio::test]
async fn a_flood_of_ratings_is_refused() {
    let portal = portal();
    let rating = json!({"page": ARTICLE, "useful": true});
    for _ in 0..30 {
        assert_eq!(
            rate(&portal, &rating, [198, 51, 100, 9]).await.0,
            StatusCode::NO_CONTENT
        );
    }
    let (status, body) = rate(&portal, &rating, [198, 51, 100, 9]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body["error"]["retry_after"].as_u64().unwrap() > 0);
    // Another reader is not held back.
    assert_eq!(
        rate(&portal, &rating, [198, 51, 100, 10]).await.0,
        StatusCode::NO_CONTENT
    );
    // Staff only: anonymous readers never see the counts or comments.
    let (status, _, _) = portal.get("/api/v1/admin/ratings").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
