//! Hỏi đáp: a citizen's feedback followed by reference and contact, answered by staff (bearer
//! token or session), published only with the citizen's consent, searched without tone marks,
//! and the contact details kept out of every public answer and purged on request.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{between, from_peer, post_json, TestPortal};
use portal_contract::questions::QuestionField;
use portal_contract::staff::StaffRole;
use portal_server::state::AppState;
use serde_json::{json, Value};

const TOKEN: &str = "bi-mat-cua-van-phong-2026";
const EMAIL: &str = "mai.hoang@example.com";
const PHONE: &str = "0912 345 678";

/// A portal with the bearer token and two question fields.
fn portal() -> TestPortal {
    let portal = TestPortal::with_articles(1);
    portal.with_conn(|conn| {
        for (position, (slug, name)) in [
            ("dat-dai", "Đất đai"),
            ("ho-tich-cu-tru", "Hộ tịch, cư trú"),
        ]
        .into_iter()
        .enumerate()
        {
            let field = QuestionField {
                slug: slug.into(),
                name: name.into(),
            };
            portal_server::store::questions::add_field(conn, &field, position).unwrap();
        }
    });
    let state = AppState::new(portal.pool.clone()).with_admin_token(TOKEN);
    TestPortal {
        router: portal_server::app::router(state, &portal.path("dist")),
        ..portal
    }
}

fn question(title: &str, message: &str, allow_publish: bool) -> Value {
    json!({
        "name": "Hoàng Thị Mai",
        "email": EMAIL,
        "phone": PHONE,
        "title": title,
        "message": message,
        "field": "dat-dai",
        "allow_publish": allow_publish,
        "elapsed_ms": 60000
    })
}

async fn send(portal: &TestPortal, request: Request<Body>) -> (StatusCode, Value) {
    let (status, _, body) = portal.request(request).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

async fn ask(portal: &TestPortal, body: &Value) -> String {
    let (status, receipt) = send(
        portal,
        from_peer(post_json("/api/v1/feedback", body), [192, 0, 2, 1]),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt["reference"].as_str().unwrap().to_string()
}

fn with_token(method: &str, uri: &str, body: &Value) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn answer(portal: &TestPortal, reference: &str, body: &Value) -> (StatusCode, Value) {
    send(
        portal,
        with_token(
            "POST",
            &format!("/api/v1/admin/feedback/{reference}/answer"),
            body,
        ),
    )
    .await
}

async fn lookup(portal: &TestPortal, body: &Value, ip: [u8; 4]) -> (StatusCode, Value) {
    send(
        portal,
        from_peer(post_json("/api/v1/feedback/lookup", body), ip),
    )
    .await
}

#[tokio::test]
async fn the_citizen_follows_their_question_to_its_answer() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question(
            "Cấp giấy chứng nhận quyền sử dụng đất",
            "Xin hỏi thủ tục cấp giấy chứng nhận lần đầu ở văn phòng đăng ký đất đai?",
            true,
        ),
    )
    .await;
    let by_email = json!({"reference": reference, "contact": " Mai.Hoang@Example.com "});
    let (status, progress) = lookup(&portal, &by_email, [192, 0, 2, 7]).await;
    assert_eq!(status, StatusCode::OK, "{progress}");
    assert_eq!(progress["status"], "received");
    assert_eq!(progress["field"]["name"], "Đất đai");
    assert!(progress["answer"].is_null());

    let assigned = send(
        &portal,
        with_token(
            "POST",
            &format!("/api/v1/admin/feedback/{reference}/assign"),
            &json!({"unit": "Phòng Tài nguyên và Môi trường"}),
        ),
    )
    .await;
    assert_eq!(assigned.0, StatusCode::OK, "{}", assigned.1);
    let by_phone = json!({"reference": reference.to_lowercase(), "contact": "+84 912.345.678"});
    let (_, progress) = lookup(&portal, &by_phone, [192, 0, 2, 7]).await;
    assert_eq!(progress["status"], "in_progress");
    assert_eq!(progress["unit"], "Phòng Tài nguyên và Môi trường");

    let (status, record) = answer(
        &portal,
        &reference,
        &json!({"body_html": "<p>Trả lời: Theo quy định…</p><script>alert(1)</script>", "publish": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["status"], "answered");
    assert_eq!(record["published"], true);
    // The article sanitizer ran; the unit handling it answered.
    assert_eq!(
        record["answer"]["body_html"],
        "<p>Trả lời: Theo quy định…</p>"
    );
    assert_eq!(record["answer"]["unit"], "Phòng Tài nguyên và Môi trường");

    let (_, progress) = lookup(&portal, &by_email, [192, 0, 2, 7]).await;
    assert_eq!(progress["status"], "answered");
    assert_eq!(
        progress["answer"]["body_html"],
        "<p>Trả lời: Theo quy định…</p>"
    );
    assert_eq!(progress["published"], true);

    // On the public list and page: the given name only, no contact anywhere.
    let (status, list) = portal.get_json("/api/v1/questions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["asker"], "Mai");
    let (status, one) = portal
        .get_json(&format!("/api/v1/questions/{reference}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    for public in [list.to_string(), one.to_string()] {
        for private in ["mai.hoang", "0912", "345 678", "Hoàng Thị", "Hoàng"] {
            assert!(!public.contains(private), "{private} in {public}");
        }
    }
    let (_, page, body) = portal.get(&format!("/hoi-dap/{reference}")).await;
    let html = String::from_utf8(body).unwrap();
    assert_eq!(
        page.get("content-type").unwrap(),
        "text/html; charset=utf-8"
    );
    assert!(html.contains("\"@type\":\"FAQPage\""), "{html}");
    assert!(html.contains("Cấp giấy chứng nhận quyền sử dụng đất"));
    assert!(!html.contains("mai.hoang") && !html.contains("0912"));
    let (_, _, sitemap) = portal.get("/sitemap.xml").await;
    let sitemap = String::from_utf8(sitemap).unwrap();
    assert!(
        sitemap.contains(&format!("/hoi-dap/{reference}</loc>")),
        "{sitemap}"
    );
    // Its readers can say whether the answer helped.
    let rating = json!({"page": format!("/hoi-dap/{reference}"), "useful": true});
    let (status, _) = send(
        &portal,
        from_peer(post_json("/api/v1/ratings", &rating), [192, 0, 2, 41]),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn without_consent_a_question_is_never_published() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question(
            "Hỏi riêng về đất",
            "Nội dung riêng tư không muốn đăng công khai.",
            false,
        ),
    )
    .await;
    let (status, body) = answer(
        &portal,
        &reference,
        &json!({"body_html": "<p>Trả lời riêng.</p>", "publish": true}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["publish"].is_string(), "{body}");
    let (status, _) = answer(
        &portal,
        &reference,
        &json!({"body_html": "<p>Trả lời riêng.</p>", "publish": false}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(portal.get_json("/api/v1/questions").await.1["total"], 0);
    let (status, _) = portal
        .get_json(&format!("/api/v1/questions/{reference}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = portal.get(&format!("/hoi-dap/{reference}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, sitemap) = portal.get("/sitemap.xml").await;
    assert!(!String::from_utf8(sitemap).unwrap().contains(&reference));
}

#[tokio::test]
async fn wrong_references_and_wrong_contacts_get_the_same_404() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question("Tiêu đề", "Một câu hỏi đủ dài để gửi.", true),
    )
    .await;
    let mut answers = Vec::new();
    for (given, contact) in [
        (reference.as_str(), "khac@example.com"),
        (reference.as_str(), "0912345679"),
        ("PH-2026-999999", EMAIL),
        ("PH-2026-000001' OR '1'='1", EMAIL),
        ("\"PH\" OR reference:*", EMAIL),
        ("%", "%"),
    ] {
        let started = std::time::Instant::now();
        let (status, body) = lookup(
            &portal,
            &json!({"reference": given, "contact": contact}),
            [192, 0, 2, 8],
        )
        .await;
        assert!(
            started.elapsed() >= portal_server::questions::LOOKUP_FLOOR,
            "{given}"
        );
        assert_eq!(status, StatusCode::NOT_FOUND, "{given} {contact}");
        answers.push(body);
    }
    assert!(
        answers.windows(2).all(|pair| pair[0] == pair[1]),
        "{answers:?}"
    );
}

#[tokio::test]
async fn look_ups_are_checked_and_limited() {
    let portal = portal();
    for (body, field) in [
        (json!({"contact": EMAIL}), "reference"),
        (json!({"reference": "PH-2026-000001"}), "contact"),
        (
            json!({"reference": "P".repeat(41), "contact": EMAIL}),
            "reference",
        ),
        (
            json!({"reference": "PH-2026-000001", "contact": "a".repeat(255)}),
            "contact",
        ),
    ] {
        let (status, answer) = lookup(&portal, &body, [192, 0, 2, 9]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(answer["error"]["fields"][field].is_string(), "{answer}");
    }
    let probe = json!({"reference": "PH-2026-000001", "contact": EMAIL});
    let mut refused = None;
    for attempt in 0..30 {
        let request = from_peer(
            post_json("/api/v1/feedback/lookup", &probe),
            [192, 0, 2, 10],
        );
        let (status, headers, _) = portal.request(request).await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert!(headers.contains_key("retry-after"));
            refused = Some(attempt);
            break;
        }
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    assert_eq!(refused, Some(20), "the 21st look-up in a minute is refused");
    // Another address is not held back by the first.
    assert_eq!(
        lookup(&portal, &probe, [192, 0, 2, 11]).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn answering_again_keeps_the_earlier_answer_in_the_audit_log() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question("Tiêu đề", "Một câu hỏi đủ dài để gửi.", true),
    )
    .await;
    let first = json!({"body_html": "<p>Trả lời lần một.</p>", "publish": true});
    let (status, answered) = answer(&portal, &reference, &first).await;
    assert_eq!(status, StatusCode::OK);
    let first_time = answered["answer"]["answered_at"].clone();
    let second =
        json!({"body_html": "<p>Trả lời đã sửa.</p>", "publish": true, "unit": "Phòng Tư pháp"});
    let (status, record) = answer(&portal, &reference, &second).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(record["answer"]["body_html"], "<p>Trả lời đã sửa.</p>");
    assert_eq!(record["answer"]["unit"], "Phòng Tư pháp");
    // The time of the answer stays the first one's: the question keeps its place in the list.
    assert_eq!(record["answer"]["answered_at"], first_time);
    let log: Vec<(String, Option<String>)> = portal.with_conn(|conn| {
        conn.query(
            "SELECT action, detail FROM audit_log WHERE subject = ?1 ORDER BY id",
            &[&reference],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
    });
    assert_eq!(
        log,
        [
            ("feedback_answered".to_string(), None),
            ("feedback_published".to_string(), None),
            (
                "feedback_answer_replaced".to_string(),
                Some("<p>Trả lời lần một.</p>".to_string())
            ),
        ]
    );
    // An unknown reference is a 404; one answered cannot be declined any more.
    assert_eq!(
        answer(&portal, "PH-2026-424242", &first).await.0,
        StatusCode::NOT_FOUND
    );
    let declined = send(
        &portal,
        with_token(
            "POST",
            &format!("/api/v1/admin/feedback/{reference}/decline"),
            &json!({"reason": "spam"}),
        ),
    )
    .await;
    assert_eq!(declined.0, StatusCode::CONFLICT);
}

#[tokio::test]
async fn editors_cannot_answer_and_approvers_can_with_their_session() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question("Tiêu đề", "Một câu hỏi đủ dài để gửi.", true),
    )
    .await;
    let body = json!({"body_html": "<p>Trả lời.</p>", "publish": false});
    let uri = format!("/api/v1/admin/feedback/{reference}/answer");
    let editor = portal.signed_in("bien-tap", StaffRole::Editor).await;
    let (status, _) = portal
        .send_json(editor.request("POST", &uri, Some(&body)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let approver = portal.signed_in("duyet", StaffRole::Approver).await;
    let (status, record) = portal
        .send_json(approver.request("POST", &uri, Some(&body)))
        .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    let actor: Option<String> = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT actor FROM audit_log WHERE action = 'feedback_answered'",
            &[],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(actor.as_deref(), Some("duyet"));
    // Staff filter the inbox by state and field, with contact details.
    let list = portal
        .send_json(approver.request(
            "GET",
            "/api/v1/admin/feedback?status=answered&field=dat-dai",
            None,
        ))
        .await
        .1;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["email"], EMAIL);
    let none = portal
        .send_json(approver.request("GET", "/api/v1/admin/feedback?status=received", None))
        .await
        .1;
    assert_eq!(none["total"], 0);
    let (status, _) = portal
        .send_json(approver.request("GET", "/api/v1/admin/feedback?field=khong-co", None))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn questions_are_found_without_tone_marks_and_filtered_by_field() {
    let portal = portal();
    for (title, message, field) in [
        (
            "Giờ làm việc của văn phòng đăng ký",
            "Văn phòng làm việc thứ bảy không?",
            "dat-dai",
        ),
        (
            "Đăng ký khai sinh cho con",
            "Cần giấy tờ gì để đăng ký khai sinh?",
            "ho-tich-cu-tru",
        ),
        (
            "Phòng họp thôn",
            "Nhà văn hóa thôn có phòng họp không, gọi 0203 3878 125?",
            "dat-dai",
        ),
    ] {
        let mut body = question(title, message, true);
        body["field"] = json!(field);
        let reference = ask(&portal, &body).await;
        let (status, _) = answer(
            &portal,
            &reference,
            &json!({"body_html": "<p>Trả lời: Theo quy định…</p>", "publish": true}),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let titles = |list: &Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["title"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, found) = portal.get_json("/api/v1/questions?q=van%20phong").await;
    assert_eq!(titles(&found)[0], "Giờ làm việc của văn phòng đăng ký");
    let (_, found) = portal
        .get_json("/api/v1/questions?q=dang%20ky%20khai%20sinh")
        .await;
    assert_eq!(titles(&found), ["Đăng ký khai sinh cho con"]);
    let (_, found) = portal
        .get_json("/api/v1/questions?field=ho-tich-cu-tru")
        .await;
    assert_eq!(titles(&found), ["Đăng ký khai sinh cho con"]);
    let (_, found) = portal.get_json("/api/v1/questions?q=%25").await;
    assert_eq!(found["total"], 0, "a % is a character, not a wildcard");
    // A phone number written into the question is masked on the public page.
    let (_, found) = portal.get_json("/api/v1/questions?q=phong%20hop").await;
    let text = found["items"][0]["question"].as_str().unwrap();
    assert!(text.contains("[đã ẩn]") && !text.contains("3878"), "{text}");
    // Nor does searching for it find whose question it was.
    let (_, found) = portal.get_json("/api/v1/questions?q=3878").await;
    assert_eq!(found["total"], 0, "{found}");
    portal
        .assert_error(
            "/api/v1/questions?field=khong-co",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;

    // The list's page arrives with the same questions, and with nothing of the askers' own
    // but how the public page names them.
    let page = |path: &'static str| {
        let portal = &portal;
        async move {
            let (status, _, body) = portal.get(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            String::from_utf8(body).unwrap()
        }
    };
    let headings = |html: &str| -> Vec<String> {
        between(html, "<h3><a href=\"/hoi-dap/", "</a>")
            .into_iter()
            .map(|link| link[link.find("\">").unwrap() + 2..].to_string())
            .collect()
    };
    let (_, all) = portal.get_json("/api/v1/questions").await;
    let every = page("/hoi-dap").await;
    assert_eq!(headings(&every), titles(&all));
    assert!(every.contains("<p class=\"list-total\" role=\"status\">3 câu hỏi</p>"));
    assert!(every.contains("<option value=\"dat-dai\">Đất đai</option>"));
    for private in [EMAIL, PHONE, "3878", "Hoàng Thị Mai"] {
        assert!(!every.contains(private), "{private} is on the public page");
    }
    let field = page("/hoi-dap?linh-vuc=ho-tich-cu-tru").await;
    assert_eq!(headings(&field), ["Đăng ký khai sinh cho con"]);
    assert!(field.contains("<option value=\"ho-tich-cu-tru\" selected>"));
    assert!(field.contains("Hộ tịch, cư trú · Trả lời "), "{field}");
    let none = page("/hoi-dap?q=%3Cb%3Ezzzz").await;
    assert!(none.contains("value=\"&lt;b&gt;zzzz\""));
    assert!(none.contains(
        "<p class=\"empty\" role=\"status\">Không có câu hỏi nào phù hợp. <a href=\"/hoi-dap\">"
    ));
    // A field the API does not know: the frame alone; the app says what is wrong.
    let unknown = page("/hoi-dap?linh-vuc=khong-co").await;
    assert!(unknown.contains("<header class=\"site-header\">"));
    assert!(!unknown.contains("<main"));
}

#[tokio::test]
async fn an_unknown_field_is_refused_by_name() {
    let portal = portal();
    let mut body = question("Tiêu đề", "Một câu hỏi đủ dài để gửi.", true);
    body["field"] = json!("khong-co");
    let (status, answer) = send(
        &portal,
        from_peer(post_json("/api/v1/feedback", &body), [192, 0, 2, 1]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer["error"]["fields"]["field"].is_string());
}

#[tokio::test]
async fn purging_removes_contacts_from_closed_items_only() {
    let portal = portal();
    let closed = ask(
        &portal,
        &question("Đã trả lời", "Một câu hỏi đủ dài để gửi.", true),
    )
    .await;
    let open = ask(
        &portal,
        &question("Còn mở", "Một câu hỏi đủ dài để gửi.", true),
    )
    .await;
    // Sent in a blink: held back as likely spam, never closed, purged all the same.
    let mut hurried = question("Quảng cáo", "Mua bán đất giá rẻ, liên hệ ngay.", false);
    hurried["elapsed_ms"] = json!(200);
    let held = ask(&portal, &hurried).await;
    let body = json!({"body_html": "<p>Trả lời.</p>", "publish": true});
    assert_eq!(answer(&portal, &closed, &body).await.0, StatusCode::OK);
    let purged = portal.with_conn(|conn| {
        // Everything closed before a minute from now: the answer just given.
        let cutoff = portal_server::clock::stored_text(portal_contract::to_portal_offset(
            &(chrono::Utc::now() + chrono::Duration::minutes(1)),
        ));
        portal_server::store::feedback::purge_contacts(conn, &cutoff).unwrap()
    });
    assert_eq!(purged, 2);
    let contacts: Vec<(String, String, String, String)> = portal.with_conn(|conn| {
        conn.query(
            "SELECT reference, name, email, phone FROM feedback ORDER BY id",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .unwrap()
    });
    assert_eq!(
        contacts[0],
        (closed.clone(), String::new(), String::new(), String::new())
    );
    assert_eq!(contacts[1].0, open);
    assert_eq!(contacts[1].2, EMAIL);
    assert_eq!(
        contacts[2],
        (held, String::new(), String::new(), String::new())
    );
    // The published question keeps its asker's given name; the look-up now finds nothing.
    let (_, one) = portal
        .get_json(&format!("/api/v1/questions/{closed}"))
        .await;
    assert_eq!(one["asker"], "Mai");
    let (status, _) = lookup(
        &portal,
        &json!({"reference": closed, "contact": EMAIL}),
        [192, 0, 2, 12],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_reword_what_the_public_reads() {
    let portal = portal();
    let reference = ask(
        &portal,
        &question(
            "Nhà ông Hoàng Văn Tư ở thôn Khe Mạ lấn đường",
            "Nhà ông Hoàng Văn Tư, số 12 thôn Khe Mạ, xây lấn ra đường, gọi tôi 0912 345 678.",
            true,
        ),
    )
    .await;
    let (_, record) = send(
        &portal,
        with_token(
            "GET",
            &format!("/api/v1/admin/feedback/{reference}"),
            &json!({}),
        ),
    )
    .await;
    // Staff start from the citizen's words with the contacts masked.
    assert_eq!(
        record["public_question"],
        "Nhà ông Hoàng Văn Tư, số 12 thôn Khe Mạ, xây lấn ra đường, gọi tôi [đã ẩn]."
    );
    let (status, record) = answer(
        &portal,
        &reference,
        &json!({
            "body_html": "<p>Trả lời: UBND xã đã kiểm tra và yêu cầu tháo dỡ phần lấn chiếm.</p>",
            "publish": true,
            "public_title": "Công trình xây dựng lấn đường thôn",
            "public_question": "Một hộ dân ở thôn xây lấn ra đường. Đề nghị kiểm tra."
        }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["public_title"], "Công trình xây dựng lấn đường thôn");
    let (_, one) = portal
        .get_json(&format!("/api/v1/questions/{reference}"))
        .await;
    assert_eq!(one["title"], "Công trình xây dựng lấn đường thôn");
    assert_eq!(
        one["question"],
        "Một hộ dân ở thôn xây lấn ra đường. Đề nghị kiểm tra."
    );
    assert!(!one.to_string().contains("Hoàng Văn Tư"));
    // The search finds the public wording, not the citizen's.
    let (_, found) = portal.get_json("/api/v1/questions?q=lan%20duong").await;
    assert_eq!(found["total"], 1);
    let (_, found) = portal
        .get_json("/api/v1/questions?q=hoang%20van%20tu")
        .await;
    assert_eq!(found["total"], 0);
    let (status, body) = answer(
        &portal,
        &reference,
        &json!({"body_html": "<p>Trả lời.</p>", "publish": true, "public_title": " "}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["public_title"].is_string());
}
