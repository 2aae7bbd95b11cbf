//! Widgets for other sites: `/embed/{widget}` may be framed by the allowed sites, nothing else
//! may be framed at all, and `/embed.js` is served as a script.

mod common;

use axum::http::{header, StatusCode};
use common::TestPortal;
use portal_contract::embed::Widget;
use portal_server::security::embed_ancestors;

fn policy(headers: &axum::http::HeaderMap) -> &str {
    headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap()
}

#[tokio::test]
async fn only_widgets_may_be_framed_and_by_any_site_by_default() {
    let portal = TestPortal::with_articles(1);
    for widget in Widget::ALL {
        let (status, headers, _) = portal.get(&format!("/embed/{}?so=3", widget.slug())).await;
        assert_eq!(status, StatusCode::OK, "{}", widget.slug());
        assert!(
            policy(&headers).ends_with("frame-ancestors *"),
            "{}",
            policy(&headers)
        );
        assert!(headers.get(header::X_FRAME_OPTIONS).is_none());
    }
    let (status, headers, _) = portal.get("/embed/khong-co").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(policy(&headers).ends_with("frame-ancestors *"));

    for path in [
        "/",
        "/ban-do",
        "/nhung",
        "/embed.js",
        "/api/v1/site",
        "/embedded",
    ] {
        let (_, headers, _) = portal.get(path).await;
        assert!(
            policy(&headers).ends_with("frame-ancestors 'none'"),
            "{path}: {}",
            policy(&headers)
        );
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
    }
}

#[tokio::test]
async fn the_allowed_sites_are_configurable() {
    let sources = embed_ancestors("https://quangninh.gov.vn https://*.binhlieu.gov.vn").unwrap();
    let portal = TestPortal::with_state(1, |state| state.with_embed_ancestors(&sources));
    let (_, headers, _) = portal.get("/embed/tin-moi").await;
    assert!(
        policy(&headers)
            .ends_with("frame-ancestors 'self' https://quangninh.gov.vn https://*.binhlieu.gov.vn"),
        "{}",
        policy(&headers)
    );
    let (_, headers, _) = portal.get("/").await;
    assert!(policy(&headers).ends_with("frame-ancestors 'none'"));
}

#[tokio::test]
async fn the_loader_is_a_script() {
    let portal = TestPortal::with_articles(0);
    let (status, headers, body) = portal.get("/embed.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=3600");
    let script = String::from_utf8(body).unwrap();
    assert!(script.contains("\"tin-moi\":{"), "{script}");
}
