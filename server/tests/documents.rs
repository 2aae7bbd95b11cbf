//! Documents (văn bản): the import (all or nothing, files inside the import's folder and what
//! they claim to be, stored once), the list, its filters, facets and search, one document with
//! its files and relations, the derived status, and `/files/{id}/{name}` with ranges.

mod common;

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use chrono::{Days, NaiveDate};
use common::{blocking, write_json, TestPortal};
use portal_server::import_documents::{self, DocumentImportError};
use portal_server::store::documents::CHUNK_BYTES;
use serde_json::{json, Value};

/// A small PDF: enough for the import's check and for ranges.
fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n1 0 obj << >> endobj\n%%EOF\n").into_bytes()
}

fn today() -> NaiveDate {
    portal_server::clock::today()
}

fn days_from_today(days: i64) -> String {
    let today = today();
    let day = if days >= 0 {
        today + Days::new(days as u64)
    } else {
        today - Days::new(days.unsigned_abs())
    };
    day.to_string()
}

/// An import file's folder: the JSON and the files beside it.
struct Folder {
    root: PathBuf,
}

impl Folder {
    fn new(portal: &TestPortal) -> Self {
        let root = portal.path("import");
        std::fs::create_dir_all(root.join("files")).unwrap();
        Self { root }
    }

    fn file(&self, path: &str, bytes: &[u8]) -> &Self {
        let at = self.root.join(path);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(at, bytes).unwrap();
        self
    }

    fn json(&self, records: &Value) -> PathBuf {
        let path = self.root.join("documents.json");
        write_json(&path, records);
        path
    }
}

fn record(slug: &str, number: &str, kind: &str, issued_on: &str, files: &[&str]) -> Value {
    json!({
        "slug": slug,
        "number": number,
        "type": kind,
        "issuer": "UBND huyện Thử Nghiệm",
        "signer": "Chủ tịch UBND huyện",
        "issued_on": issued_on,
        "field": "Đất đai",
        "summary": format!("Về việc thử nghiệm văn bản {number}"),
        "body_html": "<p>Nội dung văn bản.</p>",
        "files": files.iter().map(|path| json!({"path": path})).collect::<Vec<_>>(),
    })
}

fn import(portal: &TestPortal, file: &Path) -> Result<usize, String> {
    let file = file.to_path_buf();
    portal.with_conn(move |conn| {
        import_documents::import_file(conn, &file).map_err(|err| match err {
            DocumentImportError::Invalid(errors) => errors
                .iter()
                .map(|e| format!("{}|{}|{}", e.index, e.field, e.message))
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.to_string(),
        })
    })
}

fn count(portal: &TestPortal, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    portal.with_conn(move |conn| conn.query_one(&sql, &[], |row| row.get(0)).unwrap())
}

/// A portal with the shipped demo documents (and no articles).
fn demo_portal() -> TestPortal {
    let portal = TestPortal::with_articles(0);
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let added = portal.with_conn(move |conn| {
        portal_server::seed::seed_documents_if_empty(conn, &content).unwrap()
    });
    assert!(added >= 40, "{added} demo documents");
    portal
}

fn slugs(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["slug"].as_str().unwrap().to_string())
        .collect()
}

async fn get_with(
    portal: &TestPortal,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    portal.request(request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_document_arrives_with_its_files_relations_and_status() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    folder
        .file("files/cu.pdf", &pdf("cũ"))
        .file("files/moi.pdf", &pdf("mới"))
        .file("files/huong-dan.pdf", &pdf("hướng dẫn"));
    let old = record(
        "quy-che-cu",
        "56/QĐ-UBND",
        "Quyết định",
        "2021-08-20",
        &["files/cu.pdf"],
    );
    let mut new = record(
        "quy-che-moi",
        "125/QĐ-UBND",
        "QĐ",
        "2025-03-14",
        &["files/moi.pdf"],
    );
    new["files"] = json!([{"path": "files/moi.pdf", "name": "Quyết định 125-QĐ-UBND.pdf"}]);
    new["replaces"] = json!(["quy-che-cu"]);
    let mut guide = record(
        "huong-dan",
        "02/HD-UBND",
        "huong-dan",
        "2025-04-01",
        &["files/huong-dan.pdf"],
    );
    guide["guides"] = json!(["quy-che-moi"]);
    guide["field"] = json!("Nội vụ");
    let file = folder.json(&json!([old, new, guide]));
    assert_eq!(import(&portal, &file), Ok(3));

    let (status, list) = portal.get_json("/api/v1/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 3);
    // Newest issued first.
    assert_eq!(slugs(&list), ["huong-dan", "quy-che-moi", "quy-che-cu"]);
    let replaced = &list["items"][2];
    assert_eq!(replaced["number"], "56/QĐ-UBND");
    assert_eq!(
        replaced["type"],
        json!({"slug": "quyet-dinh", "code": "QĐ", "name": "Quyết định"})
    );
    assert_eq!(replaced["issued_on"], "2021-08-20");
    assert_eq!(
        replaced["issuer"],
        json!({"slug": "ubnd-huyen-thu-nghiem", "name": "UBND huyện Thử Nghiệm"})
    );
    assert_eq!(replaced["status"]["code"], "bi-thay-the");
    assert_eq!(replaced["status"]["label"], "Bị thay thế");
    assert_eq!(replaced["status"]["replaced_by"]["slug"], "quy-che-moi");
    assert_eq!(replaced["status"]["replaced_by"]["number"], "125/QĐ-UBND");
    assert_eq!(list["items"][1]["status"]["code"], "con-hieu-luc");
    assert!(list["items"][1]["status"].get("replaced_by").is_none());

    let (status, document) = portal.get_json("/api/v1/documents/quy-che-moi").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document["body_html"], "<p>Nội dung văn bản.</p>");
    assert_eq!(document["signer"], "Chủ tịch UBND huyện");
    let files = document["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["name"], "Quyết định 125-QĐ-UBND.pdf");
    assert_eq!(files[0]["content_type"], "application/pdf");
    assert_eq!(files[0]["format"], "PDF");
    assert_eq!(files[0]["size"], pdf("mới").len());
    let id = files[0]["id"].as_i64().unwrap();
    assert_eq!(
        files[0]["url"],
        format!("/files/{id}/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20125-Q%C4%90-UBND.pdf")
    );
    let relations: Vec<(&str, &str, &str)> = document["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap(),
                r["slug"].as_str().unwrap(),
                r["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        relations,
        [
            ("replaces", "quy-che-cu", "Thay thế"),
            ("guided_by", "huong-dan", "Được hướng dẫn bởi")
        ]
    );
    let (_, old) = portal.get_json("/api/v1/documents/quy-che-cu").await;
    assert_eq!(old["relations"][0]["kind"], "replaced_by");
    assert_eq!(old["status"]["replaced_by"]["slug"], "quy-che-moi");
    let (_, guide) = portal.get_json("/api/v1/documents/huong-dan").await;
    assert_eq!(guide["relations"][0]["kind"], "guides");

    for missing in ["khong-co", "a%00b"] {
        portal
            .assert_error(
                &format!("/api/v1/documents/{missing}"),
                StatusCode::NOT_FOUND,
                "not_found",
            )
            .await;
    }
}

#[tokio::test]
async fn status_is_derived_from_the_dates_on_the_day_asked() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    folder.file("files/a.pdf", &pdf("a"));
    let mut in_effect = record(
        "dang-ap-dung",
        "1/QĐ-UBND",
        "Quyết định",
        &days_from_today(-30),
        &["files/a.pdf"],
    );
    in_effect["expires_on"] = json!(days_from_today(1));
    let mut pending = record(
        "sap-ap-dung",
        "2/QĐ-UBND",
        "Quyết định",
        &days_from_today(-2),
        &["files/a.pdf"],
    );
    pending["effective_on"] = json!(days_from_today(10));
    let mut expired = record(
        "het-han",
        "3/KH-UBND",
        "Kế hoạch",
        &days_from_today(-400),
        &["files/a.pdf"],
    );
    // The expiry date is the first day without effect: today.
    expired["expires_on"] = json!(days_from_today(0));
    let replaced = record(
        "cu",
        "4/KH-UBND",
        "Kế hoạch",
        &days_from_today(-500),
        &["files/a.pdf"],
    );
    let mut replacing = record(
        "thay",
        "5/KH-UBND",
        "Kế hoạch",
        &days_from_today(-1),
        &["files/a.pdf"],
    );
    replacing["replaces"] = json!(["cu"]);
    let file = folder.json(&json!([in_effect, pending, expired, replaced, replacing]));
    assert_eq!(import(&portal, &file), Ok(5));

    for (status, expected) in [
        ("con-hieu-luc", vec!["thay", "dang-ap-dung"]),
        ("chua-co-hieu-luc", vec!["sap-ap-dung"]),
        ("het-hieu-luc", vec!["het-han"]),
        ("bi-thay-the", vec!["cu"]),
    ] {
        let (code, list) = portal
            .get_json(&format!("/api/v1/documents?status={status}"))
            .await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(slugs(&list), expected, "{status}");
        for item in list["items"].as_array().unwrap() {
            assert_eq!(item["status"]["code"], status);
        }
    }
    let (_, facets) = portal.get_json("/api/v1/document-facets").await;
    assert_eq!(
        facets["statuses"],
        json!([
            {"slug": "con-hieu-luc", "name": "Còn hiệu lực", "count": 2},
            {"slug": "chua-co-hieu-luc", "name": "Chưa có hiệu lực", "count": 1},
            {"slug": "het-hieu-luc", "name": "Hết hiệu lực", "count": 1},
            {"slug": "bi-thay-the", "name": "Bị thay thế", "count": 1},
        ])
    );
}

#[tokio::test]
async fn a_bad_record_is_named_and_nothing_is_stored() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    folder
        .file("files/ok.pdf", &pdf("ok"))
        .file("files/trang.pdf", b"<html><body>not a pdf</body></html>")
        .file("files/rong.pdf", b"")
        .file("files/bang.xlsx", b"PK\x03\x04 only a signature");
    std::fs::write(portal.path("ngoai.pdf"), pdf("outside")).unwrap();
    std::os::unix::fs::symlink(portal.path("ngoai.pdf"), folder.root.join("files/link.pdf"))
        .unwrap();
    let good = record(
        "tot",
        "1/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/ok.pdf"],
    );
    let mut bad_date = record(
        "ngay-sai",
        "2/QĐ-UBND",
        "Quyết định",
        "2025-02-30",
        &["files/ok.pdf"],
    );
    bad_date["type"] = json!("Thư tay");
    let escape = record(
        "thoat",
        "3/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["../../etc/passwd"],
    );
    let absolute = record(
        "tuyet-doi",
        "4/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["/etc/passwd"],
    );
    let link = record(
        "lien-ket",
        "5/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/link.pdf"],
    );
    let missing = record(
        "thieu",
        "6/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/khong-co.pdf"],
    );
    let html = record(
        "gia-pdf",
        "7/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/trang.pdf"],
    );
    let empty = record(
        "rong",
        "8/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/rong.pdf"],
    );
    let zip = record(
        "zip-hong",
        "9/BC-UBND",
        "Báo cáo",
        "2025-01-02",
        &["files/bang.xlsx"],
    );
    let mut unknown = record(
        "lien-quan-sai",
        "10/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/ok.pdf"],
    );
    unknown["replaces"] = json!(["khong-ton-tai"]);
    let mut no_field = record(
        "thieu-truong",
        "11/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/ok.pdf"],
    );
    no_field.as_object_mut().unwrap().remove("signer");
    let mut wrong_name = record("ten-sai", "12/QĐ-UBND", "Quyết định", "2025-01-02", &[]);
    wrong_name["files"] = json!([{"path": "files/ok.pdf", "name": "tai-lieu.exe"}]);
    let mut expires_early = record(
        "het-truoc",
        "13/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/ok.pdf"],
    );
    expires_early["expires_on"] = json!("2025-01-01");
    let no_files = record("khong-tep", "14/QĐ-UBND", "Quyết định", "2025-01-02", &[]);
    let duplicate = record(
        "tot",
        "15/QĐ-UBND",
        "Quyết định",
        "2025-01-02",
        &["files/ok.pdf"],
    );
    let file = folder.json(&json!([
        good,
        bad_date,
        escape,
        absolute,
        link,
        missing,
        html,
        empty,
        zip,
        unknown,
        no_field,
        wrong_name,
        expires_early,
        no_files,
        duplicate
    ]));
    let errors = import(&portal, &file).unwrap_err();
    let expect = |index: usize, field: &str, words: &str| {
        let found = errors
            .lines()
            .any(|line| line.starts_with(&format!("{index}|{field}|")) && line.contains(words));
        assert!(
            found,
            "no `{field}` error with {words:?} for record {index}:\n{errors}"
        );
    };
    expect(1, "issued_on", "YYYY-MM-DD");
    expect(1, "type", "not a document type");
    expect(2, "files[0].path", "outside");
    expect(3, "files[0].path", "relative");
    expect(4, "files[0].path", "outside");
    expect(5, "files[0].path", "no such file");
    expect(6, "files[0].path", "not a PDF");
    expect(7, "files[0].path", "is empty");
    expect(8, "files[0].path", "not a XLSX file");
    expect(9, "replaces[0]", "no document has the slug");
    expect(10, "signer", "missing field");
    expect(11, "files[0].name", "must end in .pdf");
    expect(12, "expires_on", "must be after");
    expect(13, "files", "at least one file");
    expect(14, "slug", "also the slug of record 0");
    assert!(
        !errors.lines().any(|line| line.starts_with("0|")),
        "{errors}"
    );
    // Nothing stored: not the good record, not a file.
    for table in [
        "documents",
        "document_files",
        "document_blobs",
        "document_blob_chunks",
    ] {
        assert_eq!(count(&portal, table), 0, "{table}");
    }
    let (_, list) = portal.get_json("/api/v1/documents").await;
    assert_eq!(list["total"], 0);

    // A file that is not a JSON array is refused as a whole.
    let not_array = portal.path("import/object.json");
    std::fs::write(&not_array, "{\"number\": 1}").unwrap();
    assert!(import(&portal, &not_array)
        .unwrap_err()
        .contains("not a JSON array"));
}

/// The server keeps the library's lists as it keeps the articles' (`answer_cache`): a new
/// document, a replacement (which changes the replaced one's status), an edit and the
/// replacement undone, made by another writer on the same database, each show in the very
/// next answer.
#[tokio::test]
async fn a_kept_list_of_documents_gives_way_to_changed_documents() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    folder
        .file("files/cu.pdf", &pdf("cũ"))
        .file("files/moi.pdf", &pdf("mới"));
    let old = record("cu", "56/QĐ-UBND", "QĐ", "2021-08-20", &["files/cu.pdf"]);
    assert_eq!(import(&portal, &folder.json(&json!([old]))), Ok(1));
    let search = "/api/v1/documents?q=thu%20nghiem";
    let (status, first) = portal.get_json(search).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(slugs(&first), ["cu"]);
    assert_eq!(first["items"][0]["status"]["code"], "con-hieu-luc");
    let (_, again) = portal.get_json(search).await;
    assert_eq!(again, first);

    let mut new = record("moi", "125/QĐ-UBND", "QĐ", "2025-03-14", &["files/moi.pdf"]);
    new["replaces"] = json!(["cu"]);
    assert_eq!(import(&portal, &folder.json(&json!([new]))), Ok(1));
    let (_, replaced) = portal.get_json(search).await;
    assert_eq!(slugs(&replaced), ["moi", "cu"], "{replaced}");
    assert_eq!(replaced["items"][1]["status"]["code"], "bi-thay-the");

    portal.with_conn(|conn| {
        conn.execute(
            "UPDATE documents SET summary = 'Về việc thử nghiệm, sửa lại' WHERE slug = 'moi'",
            &[],
        )
        .unwrap()
    });
    let (_, edited) = portal.get_json(search).await;
    assert_eq!(edited["items"][0]["summary"], "Về việc thử nghiệm, sửa lại");

    // The replacement undone: the old one is in force again.
    portal.with_conn(|conn| conn.execute("DELETE FROM document_relations", &[]).unwrap());
    let (_, undone) = portal.get_json(search).await;
    assert_eq!(
        undone["items"][1]["status"]["code"], "con-hieu-luc",
        "{undone}"
    );
}

#[tokio::test]
async fn files_are_stored_once_and_importing_again_changes_nothing() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    folder
        .file("files/phieu.pdf", &pdf("phiếu đăng ký"))
        .file("files/a.pdf", &pdf("a"))
        .file("files/b.pdf", &pdf("b"));
    let mut first = record(
        "tuyen-dung-giao-duc",
        "41/TB-UBND",
        "Thông báo",
        "2025-07-01",
        &["files/a.pdf", "files/phieu.pdf"],
    );
    first["field"] = json!("Giáo dục");
    let mut second = record(
        "tuyen-dung-y-te",
        "42/TB-UBND",
        "Thông báo",
        "2025-07-01",
        &["files/b.pdf", "files/phieu.pdf"],
    );
    second["field"] = json!("Y tế");
    let file = folder.json(&json!([first, second]));
    assert_eq!(import(&portal, &file), Ok(2));
    assert_eq!(count(&portal, "document_files"), 4);
    assert_eq!(count(&portal, "document_blobs"), 3);

    let (_, before) = portal.get_json("/api/v1/documents/tuyen-dung-y-te").await;
    let updated = |portal: &TestPortal| -> Vec<String> {
        portal.with_conn(|conn| {
            conn.query("SELECT updated_at FROM documents ORDER BY id", &[], |row| {
                row.get(0)
            })
            .unwrap()
        })
    };
    let stamps = updated(&portal);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(import(&portal, &file), Ok(2));
    let (_, again) = portal.get_json("/api/v1/documents/tuyen-dung-y-te").await;
    assert_eq!(
        again, before,
        "the same import changes nothing, file ids included"
    );
    assert_eq!(updated(&portal), stamps);
    assert_eq!(count(&portal, "documents"), 2);
    assert_eq!(count(&portal, "document_blobs"), 3);

    // A changed file gets a new id (browsers keep what an id served), and the bytes no
    // document has any more are removed.
    folder.file("files/b.pdf", &pdf("b, bản sửa"));
    assert_eq!(import(&portal, &file), Ok(2));
    let (_, changed) = portal.get_json("/api/v1/documents/tuyen-dung-y-te").await;
    assert_ne!(changed["files"][0]["id"], before["files"][0]["id"]);
    assert_eq!(changed["files"][1]["id"], before["files"][1]["id"]);
    assert_eq!(count(&portal, "document_blobs"), 3);
    assert_ne!(updated(&portal)[1], stamps[1]);
    let (status, _, _) = portal
        .get(before["files"][0]["url"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn numbers_are_found_however_they_are_typed() {
    let portal = demo_portal();
    for query in [
        "125/QĐ-UBND",
        "125/QD-UBND",
        "125%20qd%20ubnd",
        "125",
        "125%20qd",
        "125qdubnd",
    ] {
        let (status, list) = portal
            .get_json(&format!("/api/v1/documents?q={query}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            list["items"][0]["number"], "125/QĐ-UBND",
            "{query}: {}",
            list["items"][0]
        );
        // The joined form finds the number but marks none of its parts.
        let highlight = &list["items"][0]["highlight"]["number"];
        let marked = highlight
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["matched"] == true);
        assert_eq!(marked, query != "125qdubnd", "{query}: {highlight}");
    }
    // `qd` alone: every Quyết định, whatever else mentions it, and only them first.
    let (_, decisions) = portal
        .get_json("/api/v1/documents?type=quyet-dinh&per_page=50")
        .await;
    let (_, found) = portal.get_json("/api/v1/documents?q=qd&per_page=50").await;
    let total = decisions["total"].as_u64().unwrap();
    assert!(total >= 5);
    let mut expected = slugs(&decisions);
    let mut first: Vec<String> = slugs(&found).into_iter().take(total as usize).collect();
    expected.sort();
    first.sort();
    assert_eq!(first, expected);
    // Without tone marks, in the abstract.
    let (_, land) = portal.get_json("/api/v1/documents?q=dat%20dai").await;
    assert!(land["total"].as_u64().unwrap() >= 1);
    let summary = land["items"][0]["summary"].as_str().unwrap().to_lowercase();
    assert!(summary.contains("đất"), "{summary}");
    // Words of the body, with filters.
    let (_, body) = portal
        .get_json("/api/v1/documents?q=song%20lung%20khung%20long&field=van-hoa-du-lich")
        .await;
    assert!(body["total"].as_u64().unwrap() >= 1, "{body}");
    // Only punctuation matches nothing.
    let (status, none) = portal.get_json("/api/v1/documents?q=%2F%2F-").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(none["total"], 0);
    // Search syntax is punctuation.
    let (status, _) = portal
        .get_json("/api/v1/documents?q=%22qd%22%20OR%20NEAR(ubnd%2A")
        .await;
    assert_eq!(status, StatusCode::OK);
    // The rebuilt index answers the same.
    let (_, before) = portal
        .get_json("/api/v1/documents?q=ke%20hoach&per_page=50")
        .await;
    let rebuilt =
        portal.with_conn(|conn| portal_server::store::document_search::rebuild(conn).unwrap());
    assert!(rebuilt >= 40);
    let (_, after) = portal
        .get_json("/api/v1/documents?q=ke%20hoach&per_page=50")
        .await;
    assert_eq!(after, before);
    // Later pages carry on where the first left off.
    let (_, page_one) = portal.get_json("/api/v1/documents?q=ubnd&per_page=5").await;
    let (_, page_two) = portal
        .get_json("/api/v1/documents?q=ubnd&per_page=5&page=2")
        .await;
    let (_, both) = portal
        .get_json("/api/v1/documents?q=ubnd&per_page=10")
        .await;
    let mut paged = slugs(&page_one);
    paged.extend(slugs(&page_two));
    assert_eq!(paged, slugs(&both));
}

#[tokio::test]
async fn filters_and_their_counts_agree() {
    let portal = demo_portal();
    let (status, facets) = portal.get_json("/api/v1/document-facets").await;
    assert_eq!(status, StatusCode::OK);
    let (_, all) = portal.get_json("/api/v1/documents").await;
    let total = all["total"].as_u64().unwrap();
    for (facet, parameter) in [
        ("types", "type"),
        ("issuers", "issuer"),
        ("fields", "field"),
        ("statuses", "status"),
    ] {
        let values = facets[facet].as_array().unwrap();
        assert!(!values.is_empty(), "{facet}");
        let mut sum = 0;
        for value in values {
            let slug = value["slug"].as_str().unwrap();
            let (status, list) = portal
                .get_json(&format!("/api/v1/documents?{parameter}={slug}"))
                .await;
            assert_eq!(status, StatusCode::OK, "{parameter}={slug}");
            assert_eq!(list["total"], value["count"], "{parameter}={slug}");
            sum += value["count"].as_u64().unwrap();
        }
        assert_eq!(sum, total, "{facet}");
    }
    assert!(facets["types"].as_array().unwrap().len() >= 6);
    let years = facets["years"].as_array().unwrap();
    let year = years[0]["year"].as_i64().unwrap();
    let (_, list) = portal
        .get_json(&format!("/api/v1/documents?year={year}"))
        .await;
    assert_eq!(list["total"], years[0]["count"]);
    for item in list["items"].as_array().unwrap() {
        assert!(item["issued_on"]
            .as_str()
            .unwrap()
            .starts_with(&year.to_string()));
    }
    // Filters together narrow the list; the field's name is what the abstract says.
    let (_, land_decisions) = portal
        .get_json("/api/v1/documents?type=quyet-dinh&field=dat-dai&issuer=ubnd-huyen-binh-lieu")
        .await;
    assert!(land_decisions["total"].as_u64().unwrap() >= 2);
    for item in land_decisions["items"].as_array().unwrap() {
        assert_eq!(item["type"]["code"], "QĐ");
        assert_eq!(item["field"]["name"], "Đất đai");
    }

    for (uri, named) in [
        ("/api/v1/documents?type=thu-tay", "type"),
        ("/api/v1/documents?issuer=khong-co", "issuer"),
        ("/api/v1/documents?field=khong-co", "field"),
        ("/api/v1/documents?year=abc", "year"),
        ("/api/v1/documents?year=1899", "year"),
        ("/api/v1/documents?year=", "year"),
        ("/api/v1/documents?status=con-hieu", "status"),
        ("/api/v1/documents?per_page=51", "per_page"),
        ("/api/v1/documents?page=0", "page"),
    ] {
        let message = portal
            .assert_error(uri, StatusCode::BAD_REQUEST, "bad_request")
            .await;
        assert!(message.contains(named), "{uri}: {message}");
    }
    let long = "a".repeat(201);
    portal
        .assert_error(
            &format!("/api/v1/documents?q={long}"),
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    // A filter value some other page of the site has is no document's: still a 400.
    portal
        .assert_error(
            "/api/v1/documents?issuer=%00",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
}

#[tokio::test]
async fn a_common_word_is_counted_up_to_the_limit_and_paged_as_far() {
    use portal_contract::limits::SEARCH_COUNT_LIMIT;
    let portal = TestPortal::with_articles(0);
    portal.with_conn(|conn| portal_server::synthetic::add_documents(conn, 1300).unwrap());
    // Seven synthetic abstracts in eight name a commune ("xã"): more hits than are counted.
    let (status, body) = portal.get_json("/api/v1/documents?q=xa").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], SEARCH_COUNT_LIMIT);
    assert_eq!(body["more_than_total"], true);
    // The last page the count reaches is full; the one after it is empty.
    let last = SEARCH_COUNT_LIMIT / 50;
    let (_, body) = portal
        .get_json(&format!("/api/v1/documents?q=xa&per_page=50&page={last}"))
        .await;
    assert_eq!(body["items"].as_array().unwrap().len(), 50);
    let (status, body) = portal
        .get_json(&format!(
            "/api/v1/documents?q=xa&per_page=50&page={}",
            last + 1
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["items"].as_array().unwrap().is_empty());

    // Within a filter, fewer hits: counted exactly, and the pages hold each of them once.
    let (_, facets) = portal.get_json("/api/v1/document-facets").await;
    let year = facets["years"][3]["year"].as_i64().unwrap();
    for (filter, holds) in [
        ("type=quyet-dinh", ("type", "quyet-dinh".to_string())),
        (&format!("year={year}"), ("issued_on", year.to_string())),
    ] {
        let (_, body) = portal
            .get_json(&format!("/api/v1/documents?q=xa&{filter}&per_page=50"))
            .await;
        let total = body["total"].as_u64().unwrap();
        assert!(
            (1..SEARCH_COUNT_LIMIT).contains(&total),
            "{filter}: {total}"
        );
        assert!(body.get("more_than_total").is_none(), "{filter}");
        let mut seen = std::collections::BTreeSet::new();
        for page in 1..=total.div_ceil(50) {
            let (_, body) = portal
                .get_json(&format!(
                    "/api/v1/documents?q=xa&{filter}&per_page=50&page={page}"
                ))
                .await;
            for item in body["items"].as_array().unwrap() {
                let (field, value) = &holds;
                let held = match *field {
                    "type" => item["type"]["slug"].as_str().unwrap().to_string(),
                    _ => item[field].as_str().unwrap()[..4].to_string(),
                };
                assert_eq!(&held, value, "{filter}");
                assert!(seen.insert(item["slug"].as_str().unwrap().to_string()));
            }
        }
        assert_eq!(seen.len() as u64, total, "{filter}");
    }

    // Every document has one type, one issuer and one field: the hits split by each add up
    // to the same, however the index narrows a search to one of them.
    let mut sums = Vec::new();
    for (facet, parameter) in [
        ("types", "type"),
        ("issuers", "issuer"),
        ("fields", "field"),
    ] {
        let mut sum = 0;
        for value in facets[facet].as_array().unwrap() {
            let slug = value["slug"].as_str().unwrap();
            let (status, body) = portal
                .get_json(&format!("/api/v1/documents?q=xa&{parameter}={slug}"))
                .await;
            assert_eq!(status, StatusCode::OK, "{parameter}={slug}");
            let total = body["total"].as_u64().unwrap();
            assert!(total < SEARCH_COUNT_LIMIT, "{parameter}={slug}: {total}");
            sum += total;
        }
        sums.push(sum);
    }
    assert!(sums[0] > SEARCH_COUNT_LIMIT, "{sums:?}");
    assert!(sums.iter().all(|sum| *sum == sums[0]), "{sums:?}");

    // The library's page says so, before the app and in it.
    let main = portal.page_main("/van-ban?q=xa").await;
    assert!(main.contains("Hơn 1.000 văn bản"), "{main}");
    let main = portal.page_main("/tim-kiem?q=xa").await;
    assert!(main.contains("Xem hơn 1.000 văn bản tìm được"), "{main}");
}

#[tokio::test]
async fn an_index_of_an_older_layout_is_built_again() {
    use portal_server::store::{document_search, settings};
    // Every request searches: none is given again from what the server keeps.
    let portal = TestPortal::with_state(0, |state| state.with_answer_cache(0));
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    portal.with_conn(move |conn| {
        portal_server::seed::seed_documents_if_empty(conn, &content).unwrap()
    });
    let uri = "/api/v1/documents?q=dat&type=quyet-dinh";
    let (_, before) = portal.get_json(uri).await;
    assert!(before["total"].as_u64().unwrap() >= 2, "{before}");
    // A database from before the facets: its index empty of them, its layout another.
    portal.with_conn(|conn| {
        let empty = match conn.engine() {
            portal_server::db::Engine::Sqlite => {
                "INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')"
            }
            portal_server::db::Engine::Postgres => "DELETE FROM documents_search",
        };
        conn.execute(empty, &[]).unwrap();
        settings::set(conn, "document_search_index", "1: number, title, body").unwrap();
    });
    let (_, emptied) = portal.get_json(uri).await;
    assert_eq!(emptied["total"], 0, "{emptied}");
    let (rebuilt, again) = portal.with_conn(|conn| {
        (
            document_search::rebuild_if_outdated(conn).unwrap(),
            document_search::rebuild_if_outdated(conn).unwrap(),
        )
    });
    assert!(rebuilt >= 40, "{rebuilt}");
    assert_eq!(again, 0, "a current index is left as it is");
    let (_, after) = portal.get_json(uri).await;
    assert_eq!(after["total"], before["total"]);
    assert_eq!(slugs(&after), slugs(&before));
}

#[tokio::test]
async fn the_demo_documents_are_a_library() {
    let portal = demo_portal();
    let (_, facets) = portal.get_json("/api/v1/document-facets").await;
    let count_of = |status: &str| {
        facets["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["slug"] == status)
            .map_or(0, |s| s["count"].as_u64().unwrap())
    };
    assert!(count_of("bi-thay-the") >= 2, "{facets}");
    assert!(count_of("het-hieu-luc") >= 1, "{facets}");
    assert!(facets["fields"].as_array().unwrap().len() >= 5);
    assert!(facets["issuers"].as_array().unwrap().len() >= 3);
    let (_, list) = portal.get_json("/api/v1/documents?per_page=50").await;
    assert!(list["total"].as_u64().unwrap() >= 40);
    // Every document has a file; each PDF is one; a file two documents share is stored once.
    for item in list["items"].as_array().unwrap() {
        let slug = item["slug"].as_str().unwrap();
        let (_, document) = portal.get_json(&format!("/api/v1/documents/{slug}")).await;
        let files = document["files"].as_array().unwrap();
        assert!(!files.is_empty(), "{slug}");
        for file in files {
            let (status, headers, body) = portal.get(file["url"].as_str().unwrap()).await;
            assert_eq!(status, StatusCode::OK, "{slug}");
            assert_eq!(body.len() as u64, file["size"].as_u64().unwrap());
            assert_eq!(
                headers["content-type"],
                file["content_type"].as_str().unwrap()
            );
            if file["format"] == "PDF" {
                assert!(body.starts_with(b"%PDF-"), "{slug}");
            }
        }
    }
    assert!(count(&portal, "document_blobs") < count(&portal, "document_files"));
    // A second seeding finds the documents and adds none.
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let again = portal.with_conn(move |conn| {
        portal_server::seed::seed_documents_if_empty(conn, &content).unwrap()
    });
    assert_eq!(again, 0);
}

/// The demo content seeds documents with the rest on a new database.
#[test]
fn a_new_portal_is_seeded_with_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::open_database(dir.path());
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    blocking(|| {
        let mut conn = pool.get().unwrap();
        portal_server::seed::seed_if_empty(&mut conn, &content).unwrap();
        let documents: i64 = conn
            .query_one("SELECT COUNT(*) FROM documents", &[], |row| row.get(0))
            .unwrap();
        assert!(documents >= 40, "{documents}");
    });
}

/// A file larger than a chunk, so that ranges cross the chunks' edges.
fn large_pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    let mut n: u32 = 0;
    while bytes.len() < CHUNK_BYTES * 2 + 1000 {
        bytes.extend(format!("{n:08} ").as_bytes());
        n += 1;
    }
    bytes
}

#[tokio::test]
async fn files_are_served_in_ranges_with_their_names() {
    let portal = TestPortal::with_articles(0);
    let folder = Folder::new(&portal);
    let large = large_pdf();
    folder
        .file("files/lon.pdf", &large)
        .file("files/nho.pdf", &pdf("nhỏ"))
        .file(
            "files/don.docx",
            &std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../content/documents/files/mau-don-dang-ky-dat-dai.docx"),
            )
            .unwrap(),
        );
    let mut document = record("van-ban", "7/TB-UBND", "Thông báo", "2025-05-05", &[]);
    document["files"] = json!([
        {"path": "files/lon.pdf", "name": "Thông báo số 7.pdf"},
        {"path": "files/don.docx", "name": "Mẫu đơn.docx"},
    ]);
    let other = record(
        "khac",
        "8/TB-UBND",
        "Thông báo",
        "2025-05-06",
        &["files/nho.pdf"],
    );
    let file = folder.json(&json!([document, other]));
    assert_eq!(import(&portal, &file), Ok(2));
    let (_, document) = portal.get_json("/api/v1/documents/van-ban").await;
    let url = document["files"][0]["url"].as_str().unwrap().to_string();
    let id = document["files"][0]["id"].as_i64().unwrap();
    let (_, other) = portal.get_json("/api/v1/documents/khac").await;
    let other_id = other["files"][0]["id"].as_i64().unwrap();

    // The whole file, not compressed on the way, cached for good.
    let (status, headers, body) = get_with(&portal, &url, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, large);
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["content-length"], large.len().to_string());
    assert!(headers.get("content-encoding").is_none());
    assert_eq!(headers["accept-ranges"], "bytes");
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["content-disposition"],
        "inline; filename=\"Thong bao so 7.pdf\"; filename*=UTF-8''Th%C3%B4ng%20b%C3%A1o%20s%E1%BB%91%207.pdf"
    );
    let etag = headers["etag"].to_str().unwrap().to_string();
    assert_eq!(etag.len(), 66, "{etag}");
    let (status, headers, body) = get_with(&portal, &url, &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(headers["etag"], etag.as_str());

    // Ranges: the start, across a chunk's edge, the end, a suffix.
    let size = large.len();
    let edge = CHUNK_BYTES;
    for (range, from, to) in [
        ("bytes=0-4".to_string(), 0, 4),
        (
            format!("bytes={}-{}", edge - 10, edge + 10),
            edge - 10,
            edge + 10,
        ),
        (format!("bytes={}-", size - 100), size - 100, size - 1),
        ("bytes=-20".to_string(), size - 20, size - 1),
        (format!("bytes=10-{}", size + 5000), 10, size - 1),
    ] {
        let (status, headers, body) = get_with(&portal, &url, &[("range", &range)]).await;
        assert_eq!(status, StatusCode::PARTIAL_CONTENT, "{range}");
        assert_eq!(body, &large[from..=to], "{range}");
        assert_eq!(
            headers["content-range"],
            format!("bytes {from}-{to}/{size}"),
            "{range}"
        );
        assert_eq!(headers["content-length"], (to - from + 1).to_string());
    }
    let (_, _, start) = get_with(&portal, &url, &[("range", "bytes=0-4")]).await;
    assert_eq!(start, b"%PDF-");
    // Past the end: 416, saying the size.
    let (status, headers, _) =
        get_with(&portal, &url, &[("range", &format!("bytes={size}-"))]).await;
    assert_eq!(status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(headers["content-range"], format!("bytes */{size}"));
    // A range for another version of the file (If-Range), or several: the whole file.
    let (status, _, body) = get_with(
        &portal,
        &url,
        &[("range", "bytes=0-4"), ("if-range", "\"autre\"")],
    )
    .await;
    assert_eq!((status, body.len()), (StatusCode::OK, size));
    let (status, _, _) = get_with(
        &portal,
        &url,
        &[("range", "bytes=0-4"), ("if-range", &etag)],
    )
    .await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    let (status, _, body) = get_with(&portal, &url, &[("range", "bytes=0-1,5-6")]).await;
    assert_eq!((status, body.len()), (StatusCode::OK, size));

    // Not a PDF: downloaded, never shown.
    let docx = document["files"][1]["url"].as_str().unwrap();
    let (status, headers, _) = portal.get(docx).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with(
        "attachment; filename=\"Mau don.docx\"; filename*=UTF-8''M%E1%BA%ABu%20%C4%91%C6%A1n.docx"
    ));

    // A right id with another name, another document's name, path tricks: 404, never a file.
    for uri in [
        format!("/files/{id}/other.pdf"),
        format!("/files/{id}/Th%C3%B4ng%20b%C3%A1o%20s%E1%BB%91%207.PDF"),
        format!("/files/{other_id}/Th%C3%B4ng%20b%C3%A1o%20s%E1%BB%91%207.pdf"),
        format!("/files/{id}/../{other_id}/nho.pdf"),
        format!("/files/{id}/..%2F{other_id}%2Fnho.pdf"),
        format!("/files/{id}%2FTh%C3%B4ng%20b%C3%A1o%20s%E1%BB%91%207.pdf"),
        format!("/files/{id}/%FF.pdf"),
        "/files/abc/x.pdf".to_string(),
        "/files/-1/x.pdf".to_string(),
        "/files/99999999/x.pdf".to_string(),
        format!("/files/{id}"),
        format!("/files/{id}/"),
        "/files/".to_string(),
    ] {
        let (status, _, body) = portal.get(&uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!body.starts_with(b"%PDF"), "{uri}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_library() {
    let portal = TestPortal::with_articles(0);
    let (_, document) = portal.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/documents",
        "/api/v1/documents/{slug}",
        "/api/v1/document-facets",
    ] {
        assert!(document["paths"][path]["get"].is_object(), "{path}");
    }
    let parameters = document["paths"]["/api/v1/documents"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let schema = |name: &str| {
        parameters
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["schema"].clone())
            .unwrap_or_else(|| panic!("no parameter {name}"))
    };
    assert!(schema("type")["enum"]
        .as_array()
        .unwrap()
        .contains(&json!("quyet-dinh")));
    assert_eq!(schema("year")["minimum"], 1900);
    assert_eq!(schema("year")["maximum"], 2100);
    for name in ["issuer", "field", "status", "q", "page", "per_page"] {
        schema(name);
    }
}
