//! `portal-server import`: whole files or nothing, idempotent by slug, sanitized on the way in.

mod common;

use common::{write_json, TestPortal};
use portal_server::import::{self, ImportError};
use serde_json::json;

fn record(title: &str) -> serde_json::Value {
    json!({
        "title": title,
        "category": "thong-bao",
        "published_at": "2025-03-04T09:15:00+07:00",
        "author": "Văn phòng HĐND và UBND huyện",
        "body_html": "<p>Nội dung thông báo.</p>",
    })
}

fn article_count(portal: &TestPortal) -> i64 {
    portal.with_conn(|conn| {
        conn.query_one("SELECT COUNT(*) FROM articles", &[], |r| r.get(0))
            .unwrap()
    })
}

#[tokio::test]
async fn imports_a_file_and_derives_slug_and_summary() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    let mut with_slug = record("Thông báo lịch tiếp công dân");
    with_slug["slug"] = json!("lich-tiep-cong-dan");
    write_json(
        &file,
        &json!([
            record("Thông báo về việc tuyển sinh năm học 2025–2026"),
            with_slug
        ]),
    );

    let count = portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    assert_eq!(count, 2);

    let (_, article) = portal
        .get_json("/api/v1/articles/thong-bao-ve-viec-tuyen-sinh-nam-hoc-2025-2026")
        .await;
    assert_eq!(article["summary"], "Nội dung thông báo.");
    assert_eq!(article["featured"], false);
    let (status, _) = portal.get_json("/api/v1/articles/lich-tiep-cong-dan").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn importing_twice_changes_nothing_and_changes_update() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    write_json(&file, &json!([record("Thông báo nghỉ lễ")]));
    portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    let (_, first) = portal.get_json("/api/v1/articles/thong-bao-nghi-le").await;
    portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    let (_, second) = portal.get_json("/api/v1/articles/thong-bao-nghi-le").await;
    assert_eq!(first, second);
    assert_eq!(article_count(&portal), 1);

    let mut changed = record("Thông báo nghỉ lễ");
    changed["body_html"] = json!("<p>Nội dung đã sửa.</p>");
    write_json(&file, &json!([changed]));
    portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    let (_, third) = portal.get_json("/api/v1/articles/thong-bao-nghi-le").await;
    assert_eq!(third["body_html"], "<p>Nội dung đã sửa.</p>");
    assert_ne!(third["updated_at"], first["updated_at"]);
    assert_eq!(article_count(&portal), 1);
}

#[test]
fn a_bad_record_is_named_and_nothing_is_imported() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    let mut bad_date = record("Bài có ngày sai");
    bad_date["published_at"] = json!("03/12/2021 14:57");
    let mut bad_category = record("Bài có chuyên mục sai");
    bad_category["category"] = json!("khong-co");
    let mut missing_author = record("Bài thiếu tác giả");
    missing_author.as_object_mut().unwrap().remove("author");
    let mut wrong_type = record("Bài sai kiểu");
    wrong_type["featured"] = json!("có");
    let mut bad_slug = record("Bài có slug sai");
    bad_slug["slug"] = json!("Có Dấu");
    write_json(
        &file,
        &json!([
            record("Bài hợp lệ"),
            bad_date,
            bad_category,
            missing_author,
            wrong_type,
            bad_slug,
            record("Bài hợp lệ")
        ]),
    );

    let err = portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap_err();
    let ImportError::Invalid(errors) = &err else {
        panic!("{err}")
    };
    let named: Vec<(usize, &str)> = errors.iter().map(|e| (e.index, e.field.as_str())).collect();
    assert_eq!(
        named,
        [
            (1, "published_at"),
            (2, "category"),
            (3, "author"),
            (4, "featured"),
            (5, "slug"),
            (6, "slug")
        ]
    );
    let text = err.to_string();
    assert!(text.contains("record 1, field `published_at`"), "{text}");
    assert!(text.contains("nothing imported"), "{text}");
    assert_eq!(
        article_count(&portal),
        0,
        "a file is imported whole or not at all"
    );
}

#[test]
fn a_file_that_is_not_an_array_is_refused() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    std::fs::write(&file, "{\"title\": \"một bài\"}").unwrap();
    let err = portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap_err();
    assert!(matches!(err, ImportError::NotJson { .. }), "{err}");
    let missing = portal
        .with_conn(|conn| import::import_file(conn, &portal.path("none.json")))
        .unwrap_err();
    assert!(matches!(missing, ImportError::Read { .. }), "{missing}");
}

#[tokio::test]
async fn article_html_is_sanitized_on_the_way_in() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    let mut dirty = record("Bài có mã độc");
    dirty["body_html"] = json!(
        "<p onmouseover=\"alert(1)\">Chữ<script>alert(2)</script></p><a href=\"javascript:alert(3)\">x</a><a href=\"https://quangninh.gov.vn\">Tỉnh</a>"
    );
    write_json(&file, &json!([dirty]));
    portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    let (_, article) = portal.get_json("/api/v1/articles/bai-co-ma-doc").await;
    assert_eq!(
        article["body_html"],
        "<p>Chữ</p><a rel=\"noopener noreferrer\">x</a><a href=\"https://quangninh.gov.vn\" rel=\"noopener noreferrer\">Tỉnh</a>"
    );
}

#[test]
fn the_shipped_demo_content_seeds_a_full_portal() {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::open_database(dir.path());
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let seeded = portal_server::seed::seed_if_empty(&mut pool.get().unwrap(), &content).unwrap();
    let portal_server::seed::Seeded::Articles(count) = seeded else {
        panic!("{seeded:?}")
    };
    assert!(count >= 60, "{count} demo articles");
    let mut conn = pool.get().unwrap();
    let categories: i64 = conn
        .query_one("SELECT COUNT(*) FROM categories", &[], |r| r.get(0))
        .unwrap();
    assert!(categories >= 8);
    let featured: i64 = conn
        .query_one(
            "SELECT COUNT(*) FROM articles WHERE featured = 1",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    assert!(featured >= 3);
    let years: i64 = conn
        .query_one(
            "SELECT COUNT(DISTINCT substr(published_at, 1, 4)) FROM articles",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    assert!(years >= 3, "{years} years");
    // A second start finds the content and leaves it alone.
    let again = portal_server::seed::seed_if_empty(&mut pool.get().unwrap(), &content).unwrap();
    assert_eq!(again, portal_server::seed::Seeded::AlreadyHadContent);
}

/// A lead image from another host would be a tracking pixel on every list that shows it.
#[test]
fn a_lead_image_must_be_the_portals_own() {
    let portal = TestPortal::with_articles(0);
    let file = portal.path("import.json");
    let with_image = |url: &str| {
        let mut record = record(&format!("Bài có ảnh {url}"));
        record["image"] = json!({"url": url, "alt": "Ảnh hội nghị"});
        record
    };
    for url in [
        "https://tracker.example/p.gif",
        "//tracker.example/p.gif",
        "/\\tracker.example/p.gif",
        "http://tracker.example/p.gif",
        "data:image/gif;base64,R0lGOD",
    ] {
        write_json(&file, &json!([with_image(url)]));
        let err = portal
            .with_conn(|conn| import::import_file(conn, &file))
            .unwrap_err();
        let ImportError::Invalid(errors) = &err else {
            panic!("{url}: {err}")
        };
        assert_eq!(errors[0].field, "image.url", "{url}");
    }
    write_json(&file, &json!([with_image("/media/hoi-nghi.jpg")]));
    portal
        .with_conn(|conn| import::import_file(conn, &file))
        .unwrap();
    assert_eq!(article_count(&portal), 1);
}

/// Articles stored under an older, laxer sanitizer are cleaned again once, on start.
#[test]
fn stored_articles_are_cleaned_again_when_the_rules_change() {
    let portal = TestPortal::with_articles(2);
    let mut conn = portal.pool.get().unwrap();
    // As a laxer sanitizer would have left them.
    conn.execute(
        "UPDATE articles SET body_html = ?1, image_json = ?2 WHERE id = 1",
        &[
            &r#"<p>Xem <a href="//evil.example/x">đây</a> <img src="https://tracker.example/p.gif" alt="ảnh"></p>"#,
            &r#"{"url":"https://tracker.example/lead.jpg","alt":"Ảnh","width":null,"height":null}"#,
        ],
    )
    .unwrap();
    conn.execute("DELETE FROM server_settings", &[]).unwrap();
    let changed = portal_server::sanitize::reclean_stored(&mut conn).unwrap();
    assert_eq!(changed, 1);
    let (body, image): (String, Option<String>) = conn
        .query_one(
            "SELECT body_html, image_json FROM articles WHERE id = 1",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        !body.contains("evil") && !body.contains("tracker"),
        "{body}"
    );
    assert!(body.contains("Xem"), "{body}");
    assert_eq!(image, None);
    // Once per change of rules: the next start finds nothing to do.
    assert_eq!(
        portal_server::sanitize::reclean_stored(&mut conn).unwrap(),
        0
    );
}
