//! The English pages: English content (`content/en/`) is seeded beside the Vietnamese, the API
//! answers it for `lang=en` and keeps the languages apart in lists and search, an article and
//! its counterpart name each other, and the pages carry `<html lang>` and `hreflang`.

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::{between, write_json, TestPortal};
use serde_json::{json, Value};

/// The first fixture article's slug: the Vietnamese counterpart of the English news below.
const VIETNAMESE: &str = "bai-viet-thu-so-0-ve-duong-giao-thong-xa-dong-van";
const ENGLISH: &str = "new-road-opens-in-dong-van";

fn english_article(slug: &str, title: &str, counterpart: Option<&str>) -> Value {
    let mut article = json!({
        "slug": slug,
        "title": title,
        "category": "thong-bao",
        "published_at": "2024-11-02T09:00:00+07:00",
        "author": "Editorial office",
        "summary": "A short summary.",
        "body_html": "<p>Traders crossing the border at Hoành Mô can now reach Đồng Văn by the new road.</p>",
    });
    if let Some(counterpart) = counterpart {
        article["counterpart"] = json!(counterpart);
    }
    article
}

/// Writes an English content folder under `dir` with these articles.
fn write_english(dir: &Path, articles: Value) {
    let folder = dir.join("en");
    std::fs::create_dir_all(folder.join("pages")).unwrap();
    write_json(
        &folder.join("site.json"),
        &json!({
            "name": "Test District Portal",
            "short_name": "Test District",
            "description": "The portal in English.",
            "contacts": {
                "agency": "Test District People's Committee",
                "address": "1 Main Street",
                "phone": "0203 000 000",
                "email": "test@example.gov.vn",
                "responsible": "Chief of Office"
            },
            "glance": [{"label": "Area", "value": "470 km²"}]
        }),
    );
    write_json(&folder.join("articles.json"), &articles);
    write_json(
        &folder.join("pages").join("gioi-thieu.json"),
        &json!({"title": "About the district", "summary": "Where it is.", "body_html": "<p>Mountains.</p>"}),
    );
}

fn portal() -> TestPortal {
    let portal = TestPortal::with_articles(3);
    write_english(
        portal.path("content").as_path(),
        json!([
            english_article(ENGLISH, "New road opens in Đồng Văn", Some(VIETNAMESE)),
            english_article("border-market-days", "Border market days", None),
        ]),
    );
    let content = portal.path("content");
    let added = portal
        .with_conn(|conn| portal_server::seed::seed_english_if_empty(conn, &content).unwrap());
    assert_eq!(added, 2);
    portal
}

fn slugs(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["slug"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn english_content_is_answered_for_lang_en_and_kept_apart() {
    let portal = portal();
    let (status, site) = portal.get_json("/api/v1/site?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(site["name"], "Test District Portal");
    assert_eq!(site["glance"][0]["label"], "Area");
    assert_eq!(site["menu"], json!([]));
    let (_, vietnamese_site) = portal.get_json("/api/v1/site").await;
    assert_eq!(
        vietnamese_site["name"],
        "Cổng thông tin điện tử huyện Thử Nghiệm"
    );
    portal
        .assert_error(
            "/api/v1/site?lang=fr",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    portal
        .assert_error(
            "/api/v1/articles?lang=EN",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;

    let (_, english) = portal.get_json("/api/v1/articles?lang=en").await;
    assert_eq!(slugs(&english), ["border-market-days", ENGLISH]);
    let (_, vietnamese) = portal.get_json("/api/v1/articles?per_page=50").await;
    assert_eq!(vietnamese["total"], 3);
    assert!(!slugs(&vietnamese).contains(&ENGLISH));

    // The same words in both languages' articles: each search finds its own.
    let (_, found) = portal.get_json("/api/v1/articles?q=dong+van&lang=en").await;
    assert_eq!(found["total"], 2, "{found}");
    let (_, found) = portal.get_json("/api/v1/articles?q=dong+van").await;
    assert_eq!(found["total"], 3, "{found}");
    assert!(!slugs(&found).contains(&ENGLISH));
    let (_, found) = portal.get_json("/api/v1/articles?q=traders").await;
    assert_eq!(found["total"], 0, "{found}");
    let (_, found) = portal
        .get_json("/api/v1/articles?q=traders&lang=en&category=thong-bao")
        .await;
    assert_eq!(found["total"], 2, "{found}");

    let (status, page) = portal.get_json("/api/v1/pages/gioi-thieu?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["title"], "About the district");
    let (status, _) = portal.get_json("/api/v1/pages/gioi-thieu").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "no Vietnamese page was seeded"
    );
}

#[tokio::test]
async fn the_english_home_page_arrives_with_the_english_news_and_the_glance() {
    let portal = portal();
    let main = portal.page_main("/en").await;
    // The English news only, newest first, under the English headings.
    let titles: Vec<&str> = between(
        &main,
        "<h3 class=\"article-card-title\"><a href=\"/en/news/",
        "</a>",
    )
    .into_iter()
    .map(|link| &link[link.find("\">").unwrap() + 2..])
    .collect();
    assert_eq!(titles, ["Border market days", "New road opens in Đồng Văn"]);
    assert!(!main.contains("/tin-tuc/"));
    assert!(main.contains("<h1 class=\"page-title\">News and information in English</h1>"));
    assert!(main.contains(
        "<p class=\"article-summary\">The portal in English.</p>\
         <dl class=\"glance-facts\"><div><dt>Area</dt><dd>470 km²</dd></div></dl>"
    ));
    assert!(main.contains("<li><a href=\"/en/contact\">Contact</a></li>"));
    // A page past the last: the sentence, not an error.
    assert!(portal
        .page_main("/en?trang=5")
        .await
        .contains("<p class=\"empty\">No articles yet.</p>"));
}

#[tokio::test]
async fn an_article_and_its_counterpart_name_each_other_and_their_pages() {
    let portal = portal();
    let (_, english) = portal
        .get_json(&format!("/api/v1/articles/{ENGLISH}"))
        .await;
    assert_eq!(english["lang"], "en");
    assert_eq!(english["counterpart"], VIETNAMESE);
    // Related news stays in the language.
    assert_eq!(
        slugs(&json!({"items": english["related"]})),
        ["border-market-days"]
    );
    let (_, vietnamese) = portal
        .get_json(&format!("/api/v1/articles/{VIETNAMESE}"))
        .await;
    assert_eq!(vietnamese["lang"], "vi");
    assert_eq!(vietnamese["counterpart"], ENGLISH);

    let (status, _, body) = portal.get(&format!("/en/news/{ENGLISH}")).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"en\""), "{html}");
    assert!(html.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"vi\" href=\"/tin-tuc/{VIETNAMESE}\">"
    )));
    assert!(html.contains("<meta property=\"og:locale\" content=\"en_GB\">"));
    // The reading view: English words from the catalogue, the date in words, the switch to
    // the counterpart.
    assert!(html.contains("2 November 2024, 09:00"), "{html}");
    assert!(html.contains(&format!(
        "class=\"language-switch\" href=\"/tin-tuc/{VIETNAMESE}\""
    )));
    assert!(html.contains(">Home</a>"));
    assert!(!html.contains("Trang chủ"));

    let (status, _, body) = portal.get(&format!("/tin-tuc/{VIETNAMESE}")).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"vi\""));
    assert!(html.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"/en/news/{ENGLISH}\">"
    )));

    // Each article has the page of its own language only.
    let (status, _, _) = portal.get(&format!("/tin-tuc/{ENGLISH}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = portal.get(&format!("/en/news/{VIETNAMESE}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An article without a counterpart names none.
    let (_, _, body) = portal.get("/en/news/border-market-days").await;
    assert!(!String::from_utf8(body)
        .unwrap()
        .contains("hreflang=\"vi\" href=\"/tin-tuc"));

    // The fixed pairs: the English home and the Vietnamese one.
    let (status, _, body) = portal.get("/en").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"/\">"));
    let (_, _, body) = portal.get("/en/about").await;
    let html = String::from_utf8(body).unwrap();
    assert!(
        html.contains("About the district")
            && html.contains("hreflang=\"vi\" href=\"/gioi-thieu\"")
    );

    // The sitemap gives the English article its English address, and lists the English pages.
    let (_, _, body) = portal.get("/sitemap.xml").await;
    let sitemap = String::from_utf8(body).unwrap();
    assert!(
        sitemap.contains(&format!("/en/news/{ENGLISH}</loc>")),
        "{sitemap}"
    );
    assert!(sitemap.contains("/en/about</loc>"), "{sitemap}");
}

#[tokio::test]
async fn a_wrong_counterpart_stops_the_seeding_with_the_record_named() {
    let portal = TestPortal::with_articles(1);
    let content = portal.path("content");
    write_english(
        &content,
        json!([english_article(
            "lost-news",
            "Lost news",
            Some("no-such-article")
        )]),
    );
    let error = portal
        .with_conn(|conn| portal_server::seed::seed_english_if_empty(conn, &content))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("articles.json")
            && error.contains("counterpart")
            && error.contains("no-such-article"),
        "{error}"
    );
    // Nothing of the file is stored.
    let (_, english) = portal.get_json("/api/v1/articles?lang=en").await;
    assert_eq!(english["total"], 0);
}

#[tokio::test]
async fn an_english_slug_is_not_taken_by_a_vietnamese_import() {
    let portal = portal();
    let mut record = common::fixture_articles(1).remove(0);
    record["slug"] = json!(ENGLISH);
    let error = portal
        .with_conn(|conn| portal_server::import::import_records(conn, &[record]))
        .unwrap_err()
        .to_string();
    assert!(error.contains("English article"), "{error}");
    let (_, english) = portal
        .get_json(&format!("/api/v1/articles/{ENGLISH}"))
        .await;
    assert_eq!(english["lang"], "en");
}

#[tokio::test]
async fn readers_rate_an_english_article_on_its_english_page() {
    let portal = portal();
    let rate = |page: String| {
        common::post_json(
            "/api/v1/ratings",
            &json!({"page": page, "useful": true, "comment": ""}),
        )
    };
    let (status, _, _) = portal.request(rate(format!("/en/news/{ENGLISH}"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Not at the other language's address.
    let (status, _, _) = portal.request(rate(format!("/tin-tuc/{ENGLISH}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = portal.request(rate(format!("/en/news/{VIETNAMESE}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = portal.request(rate(format!("/tin-tuc/{VIETNAMESE}"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}
