//! The documents library's pages as the server sends them (status, previews, the reading
//! view, the list's feed), `/van-ban/rss.xml`, the documents in the sitemap, and rating a
//! document's page; on the demo documents.

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::{between, from_peer, post_json, TestPortal};
use portal_contract::limits::{MAX_PAGE, QUERY_MAX_CHARS};
use serde_json::json;

const DOCUMENT: &str = "/van-ban/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen";
const REPLACED: &str = "/van-ban/56-qd-ubnd-quy-che-lam-viec-2021";

/// Two articles and the shipped demo documents, at a public address.
fn portal() -> TestPortal {
    let portal =
        TestPortal::with_state(2, |state| state.with_public_url("https://binhlieu.example"));
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let added = portal.with_conn(move |conn| {
        portal_server::seed::seed_documents_if_empty(conn, &content).unwrap()
    });
    assert!(added >= 40, "{added} demo documents");
    portal
}

async fn text(portal: &TestPortal, uri: &str) -> (StatusCode, String) {
    let (status, _, body) = portal.get(uri).await;
    (status, String::from_utf8(body).unwrap())
}

/// The text of every `<tag>…</tag>` in `xml`, in order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    xml.split(&format!("<{tag}>"))
        .skip(1)
        .filter_map(|rest| rest.split(&format!("</{tag}>")).next())
        .collect()
}

#[tokio::test]
async fn a_document_page_carries_its_preview_and_the_document_itself() {
    let portal = portal();
    let (status, html) = text(&portal, DOCUMENT).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<title>Quyết định 125/QĐ-UBND</title>"),
        "{html}"
    );
    assert!(
        html.contains("<meta property=\"og:title\" content=\"Quyết định 125/QĐ-UBND\">"),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<meta property=\"og:url\" content=\"https://binhlieu.example{DOCUMENT}\">"
    )));
    assert!(html.contains(
        "<meta property=\"og:image\" content=\"https://binhlieu.example/share-image.png\">"
    ));
    assert!(html.contains("<meta property=\"og:description\" content=\"Về việc"));
    // Its data downloads beside the app; no news article data: a document is not news.
    assert!(html.contains(
        "<link rel=\"preload\" href=\"/api/v1/documents/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen\""
    ));
    assert!(!html.contains("application/ld+json"), "{html}");
    // The reading view: the facts, the status, the files with their sizes, the relations.
    assert!(html.contains("<h1 class=\"article-title\">Quyết định 125/QĐ-UBND</h1>"));
    assert!(html.contains("<div><dt>Số ký hiệu</dt><dd>125/QĐ-UBND</dd></div>"));
    assert!(html.contains(
        "<div><dt>Loại văn bản</dt><dd><a href=\"/van-ban?loai=quyet-dinh\">Quyết định</a></dd></div>"
    ));
    assert!(html.contains(
        "<div><dt>Ngày ban hành</dt><dd><time datetime=\"2025-03-14\">14/03/2025</time></dd></div>"
    ));
    assert!(html.contains(
        "<dd><span class=\"document-status status-con-hieu-luc\">Còn hiệu lực</span></dd>"
    ));
    assert!(html.contains("<div class=\"article-body\"><"), "{html}");
    let download = html
        .split("download=\"\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("a download link");
    assert!(
        download.starts_with("Tải về (PDF, ") && download.ends_with(" KB)"),
        "{download}"
    );
    assert!(html.contains(
        "<span class=\"document-relation-kind\">Thay thế:</span> <a href=\"/van-ban/56-qd-ubnd-quy-che-lam-viec-2021\">56/QĐ-UBND</a>"
    ));
    assert!(!html.contains("<noscript>"), "{html}");
}

#[tokio::test]
async fn a_replaced_document_links_to_its_replacement_and_unknown_ones_are_404() {
    let portal = portal();
    let (status, html) = text(&portal, REPLACED).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(
        "<span class=\"document-status status-bi-thay-the\">Bị thay thế</span> bởi <a href=\"/van-ban/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen\">125/QĐ-UBND</a>"
    ), "{html}");
    for uri in ["/van-ban/khong-co", "/van-ban/", "/van-ban/a/b"] {
        let (status, html) = text(&portal, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!html.contains("<article"), "{uri}");
    }
}

/// The documents' numbers a list shows, in order (marks removed).
fn numbers(html: &str) -> Vec<String> {
    between(html, "<h3 class=\"document-card-title\">", "</a>")
        .into_iter()
        .map(|link| {
            link[link.find('>').unwrap() + 1..]
                .replace("<mark>", "")
                .replace("</mark>", "")
        })
        .collect()
}

#[tokio::test]
async fn the_library_arrives_with_its_documents_filtered_as_its_address_asks() {
    let portal = portal();
    let api_numbers = |list: &serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["number"].as_str().unwrap().to_string())
            .collect()
    };

    // The first page: the API's newest ten, the total and the page links; each filter's
    // values with their counts, nothing chosen.
    let (_, newest) = portal.get_json("/api/v1/documents").await;
    let total = newest["total"].as_u64().unwrap();
    let library = portal.page_main("/van-ban").await;
    assert_eq!(numbers(&library), api_numbers(&newest));
    assert!(library.contains(&format!(
        "<p class=\"list-total\" role=\"status\">{total} văn bản · Trang 1/"
    )));
    assert!(library.contains("<a href=\"/van-ban?trang=2\" rel=\"next\">"));
    let (_, facets) = portal.get_json("/api/v1/document-facets").await;
    let decisions = facets["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|kind| kind["slug"] == "quyet-dinh")
        .expect("the decisions' count");
    assert!(library.contains(&format!(
        "<option value=\"quyet-dinh\">Quyết định ({})</option>",
        decisions["count"]
    )));
    assert!(!library.contains(" selected") && !library.contains("reset-link"));

    // Filtered: the API's answer to the same filters, the choices kept in the form and in the
    // page links.
    let (_, filtered_api) = portal
        .get_json("/api/v1/documents?type=quyet-dinh&year=2025")
        .await;
    let filtered = portal.page_main("/van-ban?loai=quyet-dinh&nam=2025").await;
    assert!(!api_numbers(&filtered_api).is_empty());
    assert_eq!(numbers(&filtered), api_numbers(&filtered_api));
    assert!(filtered.contains("<option value=\"quyet-dinh\" selected>"));
    assert!(filtered.contains("<option value=\"2025\" selected>2025 ("));
    assert!(filtered.contains("<a class=\"reset-link\" href=\"/van-ban\">"));

    // Found by its number, the number marked; words typed come back as text.
    let found = portal.page_main("/van-ban?q=125").await;
    assert_eq!(numbers(&found)[0], "125/QĐ-UBND");
    assert!(found.contains("<mark>125</mark>"), "{found}");
    let hostile = portal.page_main("/van-ban?q=%3Cimg%20src%3Dx%3E").await;
    assert!(hostile.contains("value=\"&lt;img src=x&gt;\""));
    assert!(!hostile.contains("<img src=x>"));

    // None found: what to try; past the last page: the way back to the first.
    let none = portal.page_main("/van-ban?q=zzzz&loai=quyet-dinh").await;
    assert!(
        none.contains("<div class=\"no-results\" role=\"status\"><p>Không có văn bản nào phù hợp")
    );
    let past = portal.page_main("/van-ban?loai=quyet-dinh&trang=9").await;
    assert!(past.contains(
        "<p class=\"empty\">Trang này không có văn bản. <a href=\"/van-ban?loai=quyet-dinh\">Về trang đầu</a></p>"
    ));

    // A filter the API refuses: the frame alone, and the app says what is wrong.
    let (status, refused) = text(&portal, "/van-ban?tinh-trang=khong-ro").await;
    assert_eq!(status, StatusCode::OK);
    assert!(refused.contains("<header class=\"site-header\">") && !refused.contains("<main"));
    // So do words past the API's bound, and a page past the API's last.
    for uri in [
        format!("/van-ban?q={}", "a".repeat(QUERY_MAX_CHARS + 1)),
        format!("/van-ban?trang={}", MAX_PAGE + 1),
    ] {
        let (status, refused) = text(&portal, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!refused.contains("<main"), "{uri}");
    }
}

#[tokio::test]
async fn the_library_names_its_feed_and_the_feed_has_the_newest_documents() {
    let portal = portal();
    let (status, html) = text(&portal, "/van-ban?loai=quyet-dinh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Văn bản mới\" href=\"/van-ban/rss.xml\">"
    ), "{html}");
    assert!(html.contains("<title>Văn bản | "), "{html}");
    assert!(html.contains("<meta property=\"og:description\" content=\"Văn bản của huyện"));
    assert!(html.contains("<li><a href=\"/van-ban\">Văn bản</a></li>"));

    let (status, headers, body) = portal.get("/van-ban/rss.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["content-type"],
        "application/rss+xml; charset=utf-8"
    );
    let xml = String::from_utf8(body).unwrap();
    assert!(xml.contains(
        "<atom:link href=\"https://binhlieu.example/van-ban/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>"
    ));
    assert_eq!(elements(&xml, "item").len(), 30);
    let links = elements(&xml, "link");
    assert_eq!(links[0], "https://binhlieu.example/van-ban");
    assert!(links[1..]
        .iter()
        .all(|link| link.starts_with("https://binhlieu.example/van-ban/")));
    // The newest issued first, on the day it was issued, in +07:00.
    let dates = elements(&xml, "pubDate");
    assert_eq!(dates[0], "Fri, 20 Nov 2026 00:00:00 +0700");
    assert!(dates.iter().all(|date| date.ends_with(" +0700")));
    assert!(elements(&xml, "title").contains(&"Quyết định 2950/QĐ-UBND"));
}

#[tokio::test]
async fn the_sitemap_lists_the_library_and_every_document() {
    let portal = portal();
    let (status, xml) = text(&portal, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    let locations = elements(&xml, "loc");
    assert!(locations.contains(&"https://binhlieu.example/van-ban"));
    let documents = locations
        .iter()
        .filter(|l| l.starts_with("https://binhlieu.example/van-ban/"))
        .count();
    let shipped: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../content/documents/documents.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(documents, shipped.len());
    assert!(xml.contains(&format!(
        "<url><loc>https://binhlieu.example{DOCUMENT}</loc><lastmod>"
    )));
    assert_eq!(elements(&xml, "lastmod").len(), locations.len());
}

#[tokio::test]
async fn a_document_page_can_be_rated() {
    let portal = portal();
    for (page, expected) in [
        (DOCUMENT, StatusCode::NO_CONTENT),
        ("/van-ban/khong-co", StatusCode::NOT_FOUND),
        ("/van-ban", StatusCode::NOT_FOUND),
    ] {
        let request = from_peer(
            post_json("/api/v1/ratings", &json!({"page": page, "useful": true})),
            [192, 0, 2, 7],
        );
        let (status, _, _) = portal.request(request).await;
        assert_eq!(status, expected, "{page}");
    }
}
