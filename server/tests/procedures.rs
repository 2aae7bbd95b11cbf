//! Thủ tục hành chính and Giới thiệu: the shipped content seeds the procedures, the about page
//! and the organisation; the API filters and searches them; a content file with a wrong record
//! stops the seeding with the file, the record and the field named.

mod common;

use std::path::{Path, PathBuf};

use axum::http::StatusCode;
use common::{between, TestPortal};
use portal_contract::limits::QUERY_MAX_CHARS;
use serde_json::{json, Value};

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// A portal with the shipped documents (the forms) and procedures, pages and organisation.
fn portal() -> TestPortal {
    let portal = TestPortal::with_articles(1);
    let added = portal.with_conn(|conn| {
        portal_server::seed::seed_documents_if_empty(conn, &content()).unwrap();
        portal_server::seed::seed_procedures_if_empty(conn, &content()).unwrap()
    });
    assert!(added >= 25, "{added} procedures");
    portal
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn procedures_are_listed_filtered_and_found_without_tone_marks() {
    let portal = portal();
    let (status, all) = portal.get_json("/api/v1/procedures?per_page=50").await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 25);

    let (_, civil) = portal
        .get_json("/api/v1/procedures?field=ho-tich&per_page=50")
        .await;
    let civil_total = civil["total"].as_u64().unwrap();
    assert!(civil_total > 0 && civil_total < total);
    assert!(civil["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|item| item["field"]["slug"] == "ho-tich"));
    let (_, commune) = portal
        .get_json("/api/v1/procedures?level=cap-xa&per_page=50")
        .await;
    assert!(commune["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|item| item["level"] == "cap-xa"));

    for query in [
        "dang%20ky%20khai%20sinh",
        "%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh",
        "khai%20sinh",
    ] {
        let (_, found) = portal
            .get_json(&format!("/api/v1/procedures?q={query}"))
            .await;
        assert_eq!(names(&found)[0], "Đăng ký khai sinh", "{query}");
    }
    let (_, none) = portal.get_json("/api/v1/procedures?q=%25%25").await;
    assert_eq!(none["total"], 0);

    for (uri, parameter) in [
        ("/api/v1/procedures?field=khong-co", "field"),
        ("/api/v1/procedures?level=cap-thon", "level"),
    ] {
        let message = portal
            .assert_error(uri, StatusCode::BAD_REQUEST, "bad_request")
            .await;
        assert!(message.contains(parameter), "{message}");
    }
    let (_, fields) = portal.get_json("/api/v1/procedure-fields").await;
    assert_eq!(fields[0]["slug"], "ho-tich");
}

/// The text of every `<h3>` of `html`: the procedures a list shows.
fn headings(html: &str) -> Vec<String> {
    between(html, "<h3 class=\"article-card-title\">", "</h3>")
        .into_iter()
        .map(|heading| {
            let name = &heading[heading.find("\">").unwrap() + 2..];
            name.trim_end_matches("</a>").to_string()
        })
        .collect()
}

#[tokio::test]
async fn the_procedures_list_arrives_filtered_as_its_address_asks() {
    let portal = portal();
    let (_, api) = portal.get_json("/api/v1/procedures").await;
    let total = api["total"].as_u64().unwrap();

    // The first page: the API's first ten, the total, the links to the other pages, and a form
    // with nothing chosen.
    let first = portal.page_main("/thu-tuc").await;
    assert_eq!(headings(&first), names(&api));
    assert!(first.contains(&format!(
        "<p class=\"list-total\" role=\"status\">{total} thủ tục · Trang 1/"
    )));
    assert!(first.contains("<a href=\"/thu-tuc?trang=2\" rel=\"next\">"));
    assert!(first.contains(
        "<input id=\"procedure-text\" type=\"search\" name=\"q\" maxlength=\"200\" value=\"\">"
    ));
    assert!(first.contains("<option value=\"ho-tich\">Hộ tịch</option>"));
    assert!(!first.contains(" selected"));
    assert!(!first.contains("reset-link"));

    // Filtered: the form holds the choices, the links keep them, and the words typed come back
    // as text.
    let (_, civil) = portal
        .get_json("/api/v1/procedures?field=ho-tich&level=cap-xa&q=dang%20ky")
        .await;
    let filtered = portal
        .page_main("/thu-tuc?linh-vuc=ho-tich&muc-do=cap-xa&q=dang%20ky")
        .await;
    assert_eq!(headings(&filtered), names(&civil));
    assert!(!names(&civil).is_empty());
    assert!(filtered.contains("<option value=\"ho-tich\" selected>Hộ tịch</option>"));
    assert!(filtered.contains("<option value=\"cap-xa\" selected>"));
    assert!(filtered.contains("value=\"dang ky\""));
    assert!(filtered.contains("<a class=\"reset-link\" href=\"/thu-tuc\">Bỏ mọi điều kiện</a>"));
    let hostile = portal
        .page_main("/thu-tuc?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E")
        .await;
    assert!(hostile.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
    assert!(!hostile.contains("<script>"));

    // A level that does not exist: what the app says for the API's refusal; a page past the
    // last: the link to the first; words that match nothing: the link to every procedure.
    let unknown = portal.page_main("/thu-tuc?muc-do=cap-vu-tru").await;
    assert!(unknown.contains(
        "<div class=\"no-results\" role=\"status\"><p>Lĩnh vực hoặc cấp thực hiện này không có trong danh sách.</p>"
    ));
    // Words past the API's bound: refused as the API refuses them, never a server error.
    let too_long = portal
        .page_main(&format!("/thu-tuc?q={}", "a".repeat(QUERY_MAX_CHARS + 1)))
        .await;
    assert!(too_long.contains("<div class=\"no-results\" role=\"status\">"));
    let past = portal.page_main("/thu-tuc?linh-vuc=ho-tich&trang=9").await;
    assert!(past.contains(
        "<p class=\"empty\">Trang này không có thủ tục. <a href=\"/thu-tuc?linh-vuc=ho-tich\">"
    ));
    let none = portal.page_main("/thu-tuc?q=zzzz").await;
    assert!(none.contains(
        "<p class=\"empty\" role=\"status\">Không có thủ tục nào phù hợp. <a href=\"/thu-tuc\">Xem tất cả thủ tục</a></p>"
    ));
}

#[tokio::test]
async fn a_procedure_reads_whole_with_its_form_to_download() {
    let portal = portal();
    let (status, birth) = portal
        .get_json("/api/v1/procedures/dang-ky-khai-sinh")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(birth["name"], "Đăng ký khai sinh");
    assert_eq!(birth["field"]["name"], "Hộ tịch");
    assert!(birth["steps"].as_array().unwrap().len() >= 3);
    assert_eq!(birth["ways"][0]["kind"], "in_person");
    assert_eq!(birth["illustrative"], true);
    let form = &birth["requirements"][0]["form"];
    let url = form["file"]["url"].as_str().unwrap();
    let (status, _, bytes) = portal.get(url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(bytes.len() as u64, form["file"]["size"].as_u64().unwrap());
    let (status, _) = portal
        .get_json(&format!(
            "/api/v1/documents/{}",
            form["document"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    if birth["online"] != "none" {
        assert!(birth["service_url"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
    }
    portal
        .assert_error(
            "/api/v1/procedures/khong-co",
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    // "Thông tin này có hữu ích không?" under a procedure is counted; under none, a 404.
    for (page, expected) in [
        ("/thu-tuc/dang-ky-khai-sinh", StatusCode::NO_CONTENT),
        ("/thu-tuc/khong-co", StatusCode::NOT_FOUND),
    ] {
        let request = common::from_peer(
            common::post_json("/api/v1/ratings", &json!({"page": page, "useful": true})),
            [192, 0, 2, 40],
        );
        assert_eq!(portal.request(request).await.0, expected, "{page}");
    }
}

#[tokio::test]
async fn the_about_page_and_the_organisation_come_from_content() {
    let portal = portal();
    let (status, about) = portal.get_json("/api/v1/pages/gioi-thieu").await;
    assert_eq!(status, StatusCode::OK);
    assert!(about["title"].as_str().unwrap().contains("Bình Liêu"));
    assert!(!about["body_html"].as_str().unwrap().contains("<script"));
    let (status, tree) = portal.get_json("/api/v1/organization").await;
    assert_eq!(status, StatusCode::OK);
    let committee = tree["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|unit| unit["kind"] == "committee")
        .unwrap();
    assert_eq!(committee["phone"], "0203 3878 125");
    assert!(committee["children"].as_array().unwrap().len() > 10);
    portal
        .assert_error("/api/v1/pages/khong-co", StatusCode::NOT_FOUND, "not_found")
        .await;
    // The pages exist for the app, and a procedure's page is known to the server.
    for (uri, expected) in [
        ("/thu-tuc", StatusCode::OK),
        ("/thu-tuc/dang-ky-khai-sinh", StatusCode::OK),
        ("/gioi-thieu", StatusCode::OK),
        ("/co-cau-to-chuc", StatusCode::OK),
        ("/thu-tuc/khong-co", StatusCode::NOT_FOUND),
    ] {
        assert_eq!(portal.get(uri).await.0, expected, "{uri}");
    }
    let (_, _, sitemap) = portal.get("/sitemap.xml").await;
    let sitemap = String::from_utf8(sitemap).unwrap();
    for page in [
        "/thu-tuc</loc>",
        "/thu-tuc/dang-ky-khai-sinh</loc>",
        "/gioi-thieu</loc>",
        "/co-cau-to-chuc</loc>",
    ] {
        assert!(sitemap.contains(page), "{page}");
    }
}

/// Seeds `procedures` (with the shipped fields) into a fresh portal; the error's text.
fn seeding_error(procedures: Value) -> String {
    let portal = TestPortal::with_articles(1);
    let dir = tempfile::tempdir().unwrap();
    let shipped: Value =
        serde_json::from_str(&std::fs::read_to_string(content().join("procedures.json")).unwrap())
            .unwrap();
    std::fs::write(
        dir.path().join("procedures.json"),
        json!({"fields": shipped["fields"], "procedures": procedures}).to_string(),
    )
    .unwrap();
    let path = dir.path().to_path_buf();
    portal
        .with_conn(move |conn| portal_server::seed::seed_procedures_if_empty(conn, &path))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_wrong_record_is_named_by_file_record_and_field() {
    let shipped: Value =
        serde_json::from_str(&std::fs::read_to_string(content().join("procedures.json")).unwrap())
            .unwrap();
    let good = shipped["procedures"][1].clone();
    let mut no_steps = good.clone();
    no_steps.as_object_mut().unwrap().remove("steps");
    let error = seeding_error(json!([good.clone(), no_steps]));
    assert!(error.contains("procedures.json"), "{error}");
    assert!(
        error.contains("procedure 1") && error.contains("steps"),
        "{error}"
    );

    let mut unknown_field = good.clone();
    unknown_field["field"] = json!("khong-co");
    let error = seeding_error(json!([unknown_field]));
    assert!(
        error.contains("procedure 0") && error.contains("`field`"),
        "{error}"
    );

    let mut empty_name = good.clone();
    empty_name["name"] = json!(" ");
    let error = seeding_error(json!([empty_name]));
    assert!(error.contains("`name`"), "{error}");

    let mut no_form = good;
    no_form["requirements"][0]["form"] = json!("khong-co-van-ban");
    let error = seeding_error(json!([no_form]));
    assert!(error.contains("requirements[0].form"), "{error}");
}

#[tokio::test]
async fn admins_change_the_about_page_and_the_organisation() {
    use portal_contract::staff::StaffRole;
    let portal = portal();
    let edit = json!({
        "title": "Giới thiệu huyện",
        "summary": "Huyện miền núi biên giới.",
        "body_html": "<h2>Tổng quan</h2><p>Nội dung mới.</p><script>alert(1)</script>"
    });
    let editor = portal.signed_in("bien-tap", StaffRole::Editor).await;
    let (status, _) = portal
        .send_json(editor.request("PUT", "/api/v1/admin/pages/gioi-thieu", Some(&edit)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let admin = portal.signed_in("quan-tri", StaffRole::Admin).await;
    let (status, saved) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/pages/gioi-thieu", Some(&edit)))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, page) = portal.get_json("/api/v1/pages/gioi-thieu").await;
    assert_eq!(page["title"], "Giới thiệu huyện");
    assert_eq!(page["body_html"], "<h2>Tổng quan</h2><p>Nội dung mới.</p>");
    let (status, _) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/pages/khong-co", Some(&edit)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = portal
        .send_json(admin.request(
            "PUT",
            "/api/v1/admin/pages/gioi-thieu",
            Some(&json!({"title": "", "summary": "x", "body_html": "<p>x</p>"})),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["title"].is_string());

    let (_, mut tree) = portal.get_json("/api/v1/organization").await;
    tree["units"][1]["children"][0]["phone"] = json!("0203 3878 999");
    let (status, _) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/organization", Some(&tree)))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, after) = portal.get_json("/api/v1/organization").await;
    assert_eq!(after["units"][1]["children"][0]["phone"], "0203 3878 999");
    tree["units"][1]["children"][2]["email"] = json!(" ");
    let (status, body) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/organization", Some(&tree)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]["fields"]["units[1].children[2].email"].is_string(),
        "{body}"
    );
    let actions: Vec<String> = portal.with_conn(|conn| {
        conn.query(
            "SELECT action FROM audit_log WHERE action IN ('page_edited', 'organization_edited') ORDER BY id",
            &[],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(actions, ["page_edited", "organization_edited"]);
}
