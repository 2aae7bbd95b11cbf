//! The documents library from the staff area: approvers (and admins, and scripts with the
//! bearer token) upload files and create and edit documents by the import's rules; editors
//! may not; a save over someone else's is refused; citizens read what was saved; the audit log
//! keeps every write.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{from_peer, StaffSession, TestPortal};
use portal_contract::staff::StaffRole;
use serde_json::{json, Value};

/// A small PDF, as the import's tests make them.
fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n1 0 obj << >> endobj\n%%EOF\n").into_bytes()
}

/// `name` percent-encoded for a query string.
fn encoded(name: &str) -> String {
    name.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

/// The staff app's upload: the file's bytes as the body.
fn upload_request(session: &StaffSession, name: &str, bytes: Vec<u8>, kind: &str) -> Request<Body> {
    let request = Request::post(format!(
        "/api/v1/admin/document-files?name={}",
        encoded(name)
    ))
    .header("cookie", &session.cookie)
    .header("x-csrf-token", &session.csrf)
    .header("content-type", kind)
    .body(Body::from(bytes))
    .unwrap();
    from_peer(request, [192, 0, 2, 1])
}

async fn upload(portal: &TestPortal, session: &StaffSession, name: &str, bytes: Vec<u8>) -> Value {
    let (status, body) = portal
        .send_json(upload_request(session, name, bytes, "application/pdf"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

fn record(number: &str, summary: &str, files: Value) -> Value {
    json!({
        "number": number,
        "type": "Quyết định",
        "issuer": "UBND huyện Thử Nghiệm",
        "signer": "Chủ tịch UBND huyện",
        "issued_on": "2025-03-14",
        "field": "Nội vụ",
        "summary": summary,
        "body_html": "<p>Điều 1. Ban hành kèm theo Quyết định này.</p><script>alert(1)</script>",
        "files": files,
    })
}

fn audit(portal: &TestPortal) -> Vec<(String, String, String)> {
    portal.with_conn(|conn| {
        conn.query(
            "SELECT actor, action, subject FROM audit_log
             WHERE action LIKE 'document%' ORDER BY id",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap()
    })
}

fn count(portal: &TestPortal, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    portal.with_conn(move |conn| conn.query_one(&sql, &[], |row| row.get(0)).unwrap())
}

#[tokio::test]
async fn an_approver_uploads_creates_and_edits_and_citizens_read_it() {
    let portal = TestPortal::with_articles(0);
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;

    let bytes = pdf("quyết định thử");
    let file = upload(
        &portal,
        &approver,
        "Quyết định 12-QĐ-UBND.pdf",
        bytes.clone(),
    )
    .await;
    let id = file["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 64);
    assert_eq!(
        file,
        json!({"id": id, "name": "Quyết định 12-QĐ-UBND.pdf", "size": bytes.len(),
               "content_type": "application/pdf", "format": "PDF"})
    );
    // The same bytes again are the same file.
    let again = upload(&portal, &approver, "ban-sao.pdf", bytes.clone()).await;
    assert_eq!(again["id"], id);
    assert_eq!(count(&portal, "document_blobs"), 1);

    let files = json!([{"id": id, "name": "Quyết định 12-QĐ-UBND.pdf"}]);
    let (status, created) = portal
        .send_json(approver.request(
            "POST",
            "/api/v1/admin/documents",
            Some(&record(
                "12/QĐ-UBND",
                "Về việc ban hành quy chế thử",
                files.clone(),
            )),
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let slug = created["document"]["slug"].as_str().unwrap().to_string();
    assert_eq!(slug, "12-qd-ubnd-ve-viec-ban-hanh-quy-che-thu");
    assert_eq!(created["document"]["type"], "quyet-dinh");
    assert_eq!(created["document"]["files"], files);
    assert_eq!(created["files"][0], file);
    assert_eq!(
        created["document"]["body_html"], "<p>Điều 1. Ban hành kèm theo Quyết định này.</p>",
        "sanitized as an import's"
    );
    let first_version = created["version"].as_str().unwrap().to_string();

    // Citizens read it at once, with its file.
    let (status, public) = portal.get_json(&format!("/api/v1/documents/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["number"], "12/QĐ-UBND");
    assert_eq!(public["status"]["code"], "con-hieu-luc");
    let url = public["files"][0]["url"].as_str().unwrap().to_string();
    let (status, _, served) = portal.get(&url).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(served, bytes);
    let (_, found) = portal.get_json("/api/v1/documents?q=12%20qd%20ubnd").await;
    assert_eq!(found["items"][0]["slug"], slug.as_str());

    // The staff's list and the document as staff edit it.
    let (status, list) = portal
        .send_json(approver.request("GET", "/api/v1/admin/documents?q=quy%20che%20thu", None))
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["slug"], slug.as_str());
    let address = format!("/api/v1/admin/documents/{slug}");
    let (status, opened) = portal
        .send_json(approver.request("GET", &address, None))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(opened, created);

    // An edit: a new abstract, a second file, an expiry date.
    let second = upload(&portal, &approver, "Phụ lục.pdf", pdf("phụ lục")).await;
    let mut document = opened["document"].clone();
    document["summary"] = json!("Về việc ban hành quy chế thử, bản sửa");
    document["expires_on"] = json!("2030-01-01");
    document["files"] = json!([
        {"id": id, "name": "Quyết định 12-QĐ-UBND.pdf"},
        {"id": second["id"], "name": "Phụ lục I.pdf"},
    ]);
    let (status, saved) = portal
        .send_json(approver.request(
            "PUT",
            &address,
            Some(&json!({"version": first_version, "document": document})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_ne!(saved["version"], first_version.as_str());
    assert_eq!(saved["document"]["slug"], slug.as_str(), "the slug stays");
    let (_, public) = portal.get_json(&format!("/api/v1/documents/{slug}")).await;
    assert_eq!(public["summary"], "Về việc ban hành quy chế thử, bản sửa");
    assert_eq!(public["expires_on"], "2030-01-01");
    assert_eq!(public["files"][1]["name"], "Phụ lục I.pdf");
    assert_eq!(
        public["files"][0]["url"],
        url.as_str(),
        "an unchanged file keeps its id"
    );

    // A save from the version before: someone changed it meanwhile. Nothing is overwritten.
    document["summary"] = json!("Bản cũ ghi đè");
    let (status, refused) = portal
        .send_json(approver.request(
            "PUT",
            &address,
            Some(&json!({"version": first_version, "document": document})),
        ))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    let (_, public) = portal.get_json(&format!("/api/v1/documents/{slug}")).await;
    assert_eq!(public["summary"], "Về việc ban hành quy chế thử, bản sửa");

    // Saving what is there changes nothing, and logs nothing.
    let (status, same) = portal
        .send_json(approver.request(
            "PUT",
            &address,
            Some(&json!({"version": saved["version"], "document": saved["document"]})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{same}");
    assert_eq!(same["version"], saved["version"]);

    // Another document replaces it; the first then reads as replaced.
    let mut replacing = record(
        "30/QĐ-UBND",
        "Về việc ban hành quy chế mới",
        json!([{"id": second["id"], "name": "Quyết định 30.pdf"}]),
    );
    replacing["slug"] = json!("quy-che-moi");
    replacing["replaces"] = json!([slug]);
    let (status, body) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&replacing)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, public) = portal.get_json(&format!("/api/v1/documents/{slug}")).await;
    assert_eq!(public["status"]["code"], "bi-thay-the");
    assert_eq!(public["status"]["replaced_by"]["slug"], "quy-che-moi");
    // The same slug again: 409.
    let (status, _) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&replacing)))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Every write is in the audit log, by whom.
    let entries = audit(&portal);
    let who = |action: &str, subject: &str| {
        (
            "pheduyet".to_string(),
            action.to_string(),
            subject.to_string(),
        )
    };
    assert_eq!(
        entries,
        [
            who("document_file_uploaded", &id),
            who("document_file_uploaded", &id),
            who("document_created", &slug),
            who("document_file_uploaded", second["id"].as_str().unwrap()),
            who("document_saved", &slug),
            who("document_created", "quy-che-moi"),
        ]
    );
}

#[tokio::test]
async fn what_the_rules_refuse_is_named_by_field_in_vietnamese() {
    let portal = TestPortal::with_articles(0);
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;

    // Not a PDF by its bytes, whatever its name says: refused, nothing stored.
    let (status, body) = portal
        .send_json(upload_request(
            &approver,
            "gia-mao.pdf",
            b"<html>not a pdf</html>".to_vec(),
            "application/pdf",
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["fields"]["file"].as_str().unwrap();
    assert!(message.contains("không phải là tệp PDF"), "{message}");
    for (name, bytes, field) in [
        ("ghi-chu.txt", pdf("a"), "name"),
        ("", pdf("a"), "name"),
        ("a/b.pdf", pdf("a"), "name"),
        ("trong.pdf", Vec::new(), "file"),
        // A zip that is no DOCX.
        ("bang.docx", b"PK\x03\x04 and nothing else".to_vec(), "file"),
    ] {
        let (status, body) = portal
            .send_json(upload_request(&approver, name, bytes, "application/pdf"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
        assert!(body["error"]["fields"][field].is_string(), "{name}: {body}");
    }
    assert_eq!(count(&portal, "document_blobs"), 0);
    // Larger than 50 MB, by its declared length: refused before it is read.
    let mut huge = upload_request(&approver, "lon.pdf", Vec::new(), "application/pdf");
    huge.headers_mut().insert(
        "content-length",
        (51 * 1024 * 1024).to_string().parse().unwrap(),
    );
    let (status, _) = portal.send_json(huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    let file = upload(&portal, &approver, "a.pdf", pdf("a")).await;
    let invalid = |mut record: Value, change: &dyn Fn(&mut Value)| {
        change(&mut record);
        record
    };
    let good = record(
        "5/QĐ-UBND",
        "Về việc thử",
        json!([{"id": file["id"], "name": "a.pdf"}]),
    );
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            invalid(good.clone(), &|r| r["number"] = json!("  ")),
            "number",
            "số ký hiệu",
        ),
        (
            invalid(good.clone(), &|r| r["type"] = json!("Thư")),
            "type",
            "loại văn bản",
        ),
        (
            invalid(good.clone(), &|r| r["issued_on"] = json!("14/03/2025")),
            "issued_on",
            "2025-03-14",
        ),
        (
            invalid(good.clone(), &|r| r["expires_on"] = json!("2025-03-01")),
            "expires_on",
            "sau ngày văn bản có hiệu lực",
        ),
        (
            invalid(good.clone(), &|r| r["files"] = json!([])),
            "files",
            "đính kèm",
        ),
        (
            invalid(good.clone(), &|r| r["replaces"] = json!(["khong-co"])),
            "replaces[0]",
            "Không có văn bản",
        ),
        (
            invalid(good.clone(), &|r| {
                r["files"] = json!([{"id": "0".repeat(64), "name": "a.pdf"}])
            }),
            "files[0].id",
            "tải tệp lên lại",
        ),
        (
            invalid(good.clone(), &|r| {
                r["files"] = json!([{"id": "khong-phai", "name": "a.pdf"}])
            }),
            "files[0].id",
            "Mã tệp",
        ),
        // The PDF's bytes under a Word document's name: proved again, refused.
        (
            invalid(good.clone(), &|r| {
                r["files"] = json!([{"id": file["id"], "name": "a.docx"}])
            }),
            "files[0].id",
            "không phải là tệp DOCX",
        ),
        (
            invalid(good.clone(), &|r| r["files"][0]["name"] = json!("a.exe")),
            "files[0].name",
            ".pdf",
        ),
        (
            invalid(good.clone(), &|r| r["number"] = json!(5)),
            "number",
            "kiểu dữ liệu",
        ),
    ];
    for (body, field, words) in cases {
        let (status, answer) = portal
            .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&body)))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {answer}"
        );
        let message = answer["error"]["fields"][field]
            .as_str()
            .unwrap_or_default();
        assert!(message.contains(words), "{field}: {answer}");
    }
    assert_eq!(count(&portal, "documents"), 0);

    // The slug of a document cannot change; an unknown document is a 404.
    let (status, created) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&good)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let slug = created["document"]["slug"].as_str().unwrap();
    let mut renamed = created["document"].clone();
    renamed["slug"] = json!("ten-khac");
    let (status, body) = portal
        .send_json(approver.request(
            "PUT",
            &format!("/api/v1/admin/documents/{slug}"),
            Some(&json!({"version": created["version"], "document": renamed})),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["slug"].is_string());
    let (status, _) = portal
        .send_json(approver.request("GET", "/api/v1/admin/documents/khong-co", None))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = portal
        .send_json(approver.request("GET", "/api/v1/admin/documents/a%00b", None))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn editors_may_not_and_a_change_needs_the_csrf_token() {
    let portal = TestPortal::with_state(0, |state| state.with_admin_token("jeton-van-ban-123"));
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let file = upload(&portal, &approver, "a.pdf", pdf("a")).await;
    let good = record(
        "7/QĐ-UBND",
        "Về việc thử quyền",
        json!([{"id": file["id"], "name": "a.pdf"}]),
    );

    for (method, uri, body) in [
        ("GET", "/api/v1/admin/documents", None),
        ("POST", "/api/v1/admin/documents", Some(&good)),
        ("GET", "/api/v1/admin/documents/abc", None),
    ] {
        let (status, answer) = portal.send_json(editor.request(method, uri, body)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}: {answer}");
    }
    let (status, _) = portal
        .send_json(upload_request(
            &editor,
            "b.pdf",
            pdf("b"),
            "application/pdf",
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Signed in, but without the CSRF token: 403; anonymous: 401.
    let mut no_token = approver.request("POST", "/api/v1/admin/documents", Some(&good));
    no_token.headers_mut().remove("x-csrf-token");
    let (status, _) = portal.send_json(no_token).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = portal.get_json("/api/v1/admin/documents").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(count(&portal, "documents"), 0);

    // A script with the bearer token may.
    let request = Request::post("/api/v1/admin/documents")
        .header("authorization", "Bearer jeton-van-ban-123")
        .header("content-type", "application/json")
        .body(Body::from(good.to_string()))
        .unwrap();
    let (status, body) = portal.send_json(from_peer(request, [192, 0, 2, 9])).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        audit(&portal).last().unwrap(),
        &(
            "token".to_string(),
            "document_created".to_string(),
            "7-qd-ubnd-ve-viec-thu-quyen".to_string()
        )
    );
}

#[tokio::test]
async fn an_upload_waits_a_day_for_its_document() {
    let portal = TestPortal::with_articles(0);
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let fresh = upload(&portal, &approver, "dang-soan.pdf", pdf("đang soạn")).await;
    // A file uploaded 25 hours ago that no document took: its log line says when.
    let stale = pdf("bỏ dở");
    let stale_id = portal.with_conn(move |conn| {
        let now = portal_server::clock::now_text();
        let id = portal_server::import_documents::save_file(conn, &stale, &now).unwrap();
        let day_ago =
            portal_server::clock::stored_text(chrono::Utc::now() - chrono::Duration::hours(25));
        conn.execute(
            "INSERT INTO audit_log (at, actor, address, action, subject)
             VALUES (?1, 'pheduyet', '192.0.2.1', ?2, ?3)",
            &[
                &day_ago,
                &portal_server::store::documents::FILE_UPLOADED,
                &id,
            ],
        )
        .unwrap();
        id
    });
    // Another writer's clean-up (an import's, a save's) takes the stale one only.
    let removed = portal
        .with_conn(|conn| portal_server::store::documents::remove_unused_blobs(conn).unwrap());
    assert_eq!(removed, 1);
    let late = record(
        "8/QĐ-UBND",
        "Về việc tệp quá hạn",
        json!([{"id": stale_id, "name": "Quyết định 8.pdf"}]),
    );
    let (status, body) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&late)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["files[0].id"]
        .as_str()
        .unwrap()
        .contains("tải tệp lên lại"));
    let body = record(
        "9/QĐ-UBND",
        "Về việc chờ tệp",
        json!([{"id": fresh["id"], "name": "Quyết định 9.pdf"}]),
    );
    let (status, created) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&body)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
}

#[tokio::test]
async fn of_two_saves_from_one_version_at_once_the_second_is_refused() {
    let portal = TestPortal::with_articles(0);
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let file = upload(&portal, &approver, "a.pdf", pdf("a")).await;
    let body = record(
        "11/QĐ-UBND",
        "Về việc hai người cùng sửa",
        json!([{"id": file["id"], "name": "a.pdf"}]),
    );
    let (status, created) = portal
        .send_json(approver.request("POST", "/api/v1/admin/documents", Some(&body)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let address = format!(
        "/api/v1/admin/documents/{}",
        created["document"]["slug"].as_str().unwrap()
    );
    let save = |summary: &str| {
        let mut document = created["document"].clone();
        document["summary"] = json!(summary);
        approver.request(
            "PUT",
            &address,
            Some(&json!({"version": created["version"], "document": document})),
        )
    };
    let (first, second) = tokio::join!(
        portal.send_json(save("Bản của người thứ nhất")),
        portal.send_json(save("Bản của người thứ hai")),
    );
    let mut statuses = [first.0, second.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let kept = if first.0 == StatusCode::OK {
        first.1
    } else {
        second.1
    };
    let (_, public) = portal
        .get_json(&format!(
            "/api/v1/documents/{}",
            created["document"]["slug"].as_str().unwrap()
        ))
        .await;
    assert_eq!(public["summary"], kept["document"]["summary"]);
}
