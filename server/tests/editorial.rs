//! The staff's articles through their workflow, the schedule and the links, over the API as
//! the staff app uses it: who may do what, what citizens see at each step, and the attacks
//! the issue lists.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{from_peer, StaffSession, TestPortal};
use portal_contract::staff::StaffRole;
use serde_json::{json, Value};

fn draft(title: &str, body_html: &str) -> Value {
    json!({
        "title": title,
        "category": "tin-trong-huyen",
        "author": "Phòng Văn hóa",
        "body_html": body_html,
    })
}

async fn create(portal: &TestPortal, staff: &StaffSession, body: &Value) -> Value {
    let (status, created) = portal
        .send_json(staff.request("POST", "/api/v1/admin/articles", Some(body)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn staff_article(portal: &TestPortal, staff: &StaffSession, id: i64) -> Value {
    let (status, article) = portal
        .send_json(staff.request("GET", &format!("/api/v1/admin/articles/{id}"), None))
        .await;
    assert_eq!(status, StatusCode::OK, "{article}");
    article
}

async fn act(
    portal: &TestPortal,
    staff: &StaffSession,
    id: i64,
    action: &str,
) -> (StatusCode, Value) {
    portal
        .send_json(staff.request(
            "POST",
            &format!("/api/v1/admin/articles/{id}/{action}"),
            None,
        ))
        .await
}

fn save_body(article: &Value, changes: Value) -> Value {
    let mut body = json!({
        "version": article["version"],
        "title": article["title"],
        "category": article["category"],
        "author": article["author"],
        "summary": article["summary"],
        "body_html": article["body_html"],
        "featured": article["featured"],
        "image": article["image"],
    });
    for (key, value) in changes.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

/// Everywhere a citizen could come across an article: its page and API answer, the lists,
/// search, the feed and the sitemap. Answers in how many it was found.
async fn public_sightings(portal: &TestPortal, slug: &str, word: &str) -> usize {
    let mut seen = 0;
    let (status, _) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    seen += usize::from(status == StatusCode::OK);
    let (status, _, _) = portal.get(&format!("/tin-tuc/{slug}")).await;
    seen += usize::from(status == StatusCode::OK);
    for list in [
        "/api/v1/articles?per_page=50".to_string(),
        format!("/api/v1/articles?q={word}"),
        "/rss.xml".to_string(),
        "/sitemap.xml".to_string(),
    ] {
        let (_, _, body) = portal.get(&list).await;
        seen += usize::from(String::from_utf8_lossy(&body).contains(slug));
    }
    seen
}

#[tokio::test]
async fn a_draft_is_approved_published_edited_and_taken_down() {
    let portal = TestPortal::with_articles(3);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;

    let created = create(
        &portal,
        &editor,
        &draft(
            "Khai mạc hội chợ Sán Chỉ",
            "<p>Hội chợ xuân thu hút du khách.</p>",
        ),
    )
    .await;
    assert_eq!(created["status"], "draft");
    assert_eq!(created["slug"], "khai-mac-hoi-cho-san-chi");
    let id = created["id"].as_i64().unwrap();
    let slug = "khai-mac-hoi-cho-san-chi";
    assert_eq!(public_sightings(&portal, slug, "hoi%20cho").await, 0);

    // An editor submits but cannot publish.
    let (status, submitted) = act(&portal, &editor, id, "submit").await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    assert_eq!(submitted["status"], "submitted");
    let (status, refused) = act(&portal, &editor, id, "publish").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert_eq!(public_sightings(&portal, slug, "hoi%20cho").await, 0);

    // The approver previews it as citizens will see it, then publishes.
    let (status, preview) = portal
        .send_json(approver.request("GET", &format!("/api/v1/admin/articles/{id}/preview"), None))
        .await;
    assert_eq!(status, StatusCode::OK);
    let html = preview["html"].as_str().unwrap();
    assert!(
        html.contains("<h1 class=\"article-title\">Khai mạc hội chợ Sán Chỉ</h1>"),
        "{html}"
    );
    assert!(
        html.contains("<p>Hội chợ xuân thu hút du khách.</p>"),
        "{html}"
    );
    let (status, published) = act(&portal, &approver, id, "publish").await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["status"], "published");
    assert_eq!(public_sightings(&portal, slug, "hoi%20cho").await, 6);

    // An edit with a new title keeps the slug, and stays out of public view until approved.
    let article = staff_article(&portal, &editor, id).await;
    let (status, saved) = portal
        .send_json(editor.request(
            "PUT",
            &format!("/api/v1/admin/articles/{id}"),
            Some(&save_body(
                &article,
                json!({"title": "Bế mạc hội chợ Sán Chỉ"}),
            )),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["slug"], slug);
    assert_eq!(saved["unpublished_changes"], true);
    let (_, public) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    assert_eq!(public["title"], "Khai mạc hội chợ Sán Chỉ");
    let (status, _) = act(&portal, &approver, id, "publish").await;
    assert_eq!(status, StatusCode::OK);
    let (_, public) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    assert_eq!(public["title"], "Bế mạc hội chợ Sán Chỉ");
    // Republishing keeps the first publication time.
    assert_eq!(
        public["published_at"].as_str().unwrap()[..16],
        published["publish_at"].as_str().unwrap()[..16]
    );

    // Taken down: gone from everywhere.
    let (status, unpublished) = act(&portal, &approver, id, "unpublish").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unpublished["status"], "unpublished");
    assert_eq!(public_sightings(&portal, slug, "hoi%20cho").await, 0);

    // Every step is in the audit log, with who did it.
    let actions: Vec<(String, Option<String>)> = portal.with_conn(|conn| {
        conn.query(
            "SELECT action, actor FROM audit_log WHERE subject = ?1 ORDER BY id",
            &[&slug],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
    });
    let expected = [
        ("article_created", "bientap"),
        ("article_submitted", "bientap"),
        ("article_published", "pheduyet"),
        ("article_saved", "bientap"),
        ("article_published", "pheduyet"),
        ("article_unpublished", "pheduyet"),
    ];
    assert_eq!(
        actions,
        expected
            .iter()
            .map(|(action, actor)| (action.to_string(), Some(actor.to_string())))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn changes_need_a_live_session_and_its_csrf_token() {
    let portal = TestPortal::with_articles(1);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let body = draft("Tin thử", "<p>Nội dung.</p>");

    // Anonymous: 401.
    let (status, _) = portal
        .send_json(from_peer(
            common::post_json("/api/v1/admin/articles", &body),
            [192, 0, 2, 1],
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // No token, or another: 403, and nothing stored.
    for token in [None, Some("not-the-token")] {
        let mut request = Request::builder()
            .method("POST")
            .uri("/api/v1/admin/articles")
            .header("cookie", &editor.cookie)
            .header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("x-csrf-token", token);
        }
        let request = from_peer(
            request.body(Body::from(body.to_string())).unwrap(),
            [192, 0, 2, 1],
        );
        let (status, answer) = portal.send_json(request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
    }
    let count: i64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM editorial_articles WHERE slug = 'tin-thu'",
            &[],
            |r| r.get(0),
        )
        .unwrap()
    });
    assert_eq!(count, 0);

    // Signed out: the old cookie is worth nothing.
    let (status, _) = portal
        .send_json(editor.request("DELETE", "/api/v1/admin/session", None))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = portal
        .send_json(editor.request("POST", "/api/v1/admin/articles", Some(&body)))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = portal
        .send_json(editor.request("GET", "/api/v1/admin/articles", None))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn hostile_or_oversized_fields_are_refused_or_made_inert() {
    let portal = TestPortal::with_articles(1);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;

    // A title of 100 KB: a 422 naming the title, in Vietnamese.
    let (status, answer) = portal
        .send_json(editor.request(
            "POST",
            "/api/v1/admin/articles",
            Some(&draft(&"Tiêu đề rất dài ".repeat(6400), "<p>Nội dung.</p>")),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(answer["error"]["fields"]["title"]
        .as_str()
        .unwrap()
        .contains("tiêu đề"));

    // A long report fits (beyond the 2 MB axum reads by default, as JSON with quotes escaped);
    // past the body's limit, a 422 that says so, not a 413.
    let paragraph = "<p class=\"a\">\"Báo cáo\" tổng kết năm.</p>";
    let long = paragraph.repeat(500 * 1024 / paragraph.len());
    let (status, answer) = portal
        .send_json(editor.request(
            "POST",
            "/api/v1/admin/articles",
            Some(&draft("Báo cáo dài", &long)),
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let (status, answer) = portal
        .send_json(editor.request(
            "POST",
            "/api/v1/admin/articles",
            Some(&draft("Báo cáo quá dài", &long.repeat(2))),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(answer["error"]["fields"]["body_html"].is_string());

    // Script, event handlers and javascript: links are stored inert, and stay so in public.
    let hostile = "<p onclick=\"alert(1)\">Chữ <a href=\"javascript:alert(2)\">bấm</a></p>\
                   <script>alert(3)</script><img src=\"/anh.jpg\" alt=\"ảnh\" onerror=\"alert(4)\">\
                   <svg onload=\"alert(5)\"></svg><iframe src=\"https://example.com\"></iframe>";
    let created = create(&portal, &editor, &draft("Bài có mã độc", hostile)).await;
    let id = created["id"].as_i64().unwrap();
    let stored = staff_article(&portal, &editor, id).await;
    let (status, _) = act(&portal, &approver, id, "publish").await;
    assert_eq!(status, StatusCode::OK);
    let (_, public) = portal.get_json("/api/v1/articles/bai-co-ma-doc").await;
    for body in [&stored["body_html"], &public["body_html"]] {
        let body = body.as_str().unwrap();
        for bad in [
            "<script",
            "onclick",
            "onerror",
            "onload",
            "javascript:",
            "<svg",
            "<iframe",
            "alert(3)",
        ] {
            assert!(!body.contains(bad), "{bad} in {body}");
        }
        assert!(body.contains("Chữ <a"), "{body}");
    }
}

#[tokio::test]
async fn the_second_of_two_saves_from_the_same_version_is_told_and_changes_nothing() {
    let portal = TestPortal::with_articles(1);
    let first = portal.signed_in("bientap", StaffRole::Editor).await;
    let second = portal.signed_in("bientap2", StaffRole::Editor).await;
    let created = create(&portal, &first, &draft("Lịch tiếp dân", "<p>Thứ Hai.</p>")).await;
    let id = created["id"].as_i64().unwrap();
    let opened = staff_article(&portal, &first, id).await;

    let uri = format!("/api/v1/admin/articles/{id}");
    let mine = save_body(&opened, json!({"body_html": "<p>Thứ Hai và thứ Năm.</p>"}));
    let theirs = save_body(&opened, json!({"body_html": "<p>Thứ Ba.</p>"}));
    let (status, _) = portal
        .send_json(first.request("PUT", &uri, Some(&mine)))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, answer) = portal
        .send_json(second.request("PUT", &uri, Some(&theirs)))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(answer["error"]["code"], "conflict");

    // The first save stands; the second is not lost to its writer (their app keeps it) and
    // not mixed in.
    let now = staff_article(&portal, &second, id).await;
    assert_eq!(now["body_html"], "<p>Thứ Hai và thứ Năm.</p>");
    assert_eq!(now["version"], opened["version"].as_i64().unwrap() + 1);
    // Saved again from the version they now see, it goes through.
    let retried = save_body(&now, json!({"body_html": "<p>Thứ Ba.</p>"}));
    let (status, _) = portal
        .send_json(second.request("PUT", &uri, Some(&retried)))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn revisions_show_what_changed_and_an_approver_restores_one() {
    let portal = TestPortal::with_articles(1);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let created = create(
        &portal,
        &editor,
        &draft("Đường vào thác Khe Vằn", "<p>Đoạn một.</p><p>Đoạn hai.</p>"),
    )
    .await;
    let id = created["id"].as_i64().unwrap();
    let opened = staff_article(&portal, &editor, id).await;
    let edited = save_body(
        &opened,
        json!({"body_html": "<p>Đoạn một.</p><p>Đoạn hai đã sửa.</p>"}),
    );
    let (status, _) = portal
        .send_json(editor.request(
            "PUT",
            &format!("/api/v1/admin/articles/{id}"),
            Some(&edited),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);

    let (_, revisions) = portal
        .send_json(approver.request(
            "GET",
            &format!("/api/v1/admin/articles/{id}/revisions"),
            None,
        ))
        .await;
    let numbers: Vec<i64> = revisions
        .as_array()
        .unwrap()
        .iter()
        .map(|revision| revision["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(revisions[0]["saved_by"], "bientap");

    let (status, diff) = portal
        .send_json(approver.request(
            "GET",
            &format!("/api/v1/admin/articles/{id}/diff?from=1&to=2"),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{diff}");
    assert_eq!(
        diff["fields"],
        json!([{"field": "body", "changes": [
            {"kind": "same", "text": "Đoạn một."},
            {"kind": "removed", "text": "Đoạn hai."},
            {"kind": "added", "text": "Đoạn hai đã sửa."},
        ]}])
    );

    // An editor cannot restore; an approver can, and it becomes revision 3.
    let restore = format!("/api/v1/admin/articles/{id}/revisions/1/restore");
    let (status, _) = portal
        .send_json(editor.request("POST", &restore, None))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, restored) = portal
        .send_json(approver.request("POST", &restore, None))
        .await;
    assert_eq!(status, StatusCode::OK, "{restored}");
    assert_eq!(restored["body_html"], "<p>Đoạn một.</p><p>Đoạn hai.</p>");
    let (_, revisions) = portal
        .send_json(approver.request(
            "GET",
            &format!("/api/v1/admin/articles/{id}/revisions"),
            None,
        ))
        .await;
    assert_eq!(revisions[0]["number"], 3);
    assert_eq!(revisions[0]["reason"], "restored");
}

#[tokio::test]
async fn a_scheduled_article_appears_by_itself_once_its_time_comes() {
    let portal = TestPortal::with_articles(1);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let created = create(
        &portal,
        &editor,
        &draft("Thông báo lịch cắt điện", "<p>Chủ Nhật.</p>"),
    )
    .await;
    let id = created["id"].as_i64().unwrap();
    let slug = "thong-bao-lich-cat-dien";
    let schedule = format!("/api/v1/admin/articles/{id}/schedule");

    // In the past: refused. By an editor: refused.
    let past = json!({"publish_at": "2020-01-01T08:00:00+07:00"});
    let (status, _) = portal
        .send_json(approver.request("POST", &schedule, Some(&past)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let at = chrono::Utc::now() + chrono::Duration::seconds(2);
    let soon = json!({"publish_at": at.to_rfc3339()});
    let (status, _) = portal
        .send_json(editor.request("POST", &schedule, Some(&soon)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, scheduled) = portal
        .send_json(approver.request("POST", &schedule, Some(&soon)))
        .await;
    assert_eq!(status, StatusCode::OK, "{scheduled}");
    assert_eq!(scheduled["status"], "scheduled");
    assert_eq!(
        portal.with_conn(|conn| portal_server::editorial::publish_due(conn).unwrap()),
        0
    );
    assert_eq!(public_sightings(&portal, slug, "cat%20dien").await, 0);

    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    // Two replicas looking at the same moment: it is published once.
    let pool = portal.pool.clone();
    let start = std::sync::Barrier::new(2);
    let counts: Vec<usize> = common::blocking(|| {
        std::thread::scope(|scope| {
            let runs: Vec<_> = (0..2)
                .map(|_| {
                    let (pool, start) = (pool.clone(), &start);
                    scope.spawn(move || {
                        // Both connections open before either looks: on PostgreSQL the two
                        // runs truly overlap, and the row's lock decides.
                        let mut conn = pool.get().unwrap();
                        start.wait();
                        portal_server::editorial::publish_due(&mut conn).unwrap()
                    })
                })
                .collect();
            runs.into_iter().map(|run| run.join().unwrap()).collect()
        })
    });
    assert_eq!(counts.iter().sum::<usize>(), 1, "{counts:?}");
    assert_eq!(public_sightings(&portal, slug, "cat%20dien").await, 6);
    let (_, public) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    assert_eq!(
        public["published_at"].as_str().unwrap()[..19],
        portal_contract::to_portal_offset(&at).to_rfc3339()[..19]
    );
    let published: i64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'article_published' AND subject = ?1",
            &[&slug],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(published, 1);
}

#[tokio::test]
async fn imported_articles_are_in_the_staffs_list_and_staff_search_ignores_tone_marks() {
    let portal = TestPortal::with_articles(3);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let (status, list) = portal
        .send_json(editor.request("GET", "/api/v1/admin/articles?status=published", None))
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 3);
    create(
        &portal,
        &editor,
        &draft("Cầu treo bản Sú Cáu", "<p>Khánh thành.</p>"),
    )
    .await;
    let (_, found) = portal
        .send_json(editor.request("GET", "/api/v1/admin/articles?q=cau%20treo", None))
        .await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["title"], "Cầu treo bản Sú Cáu");
    assert_eq!(found["items"][0]["status"], "draft");
}

#[tokio::test]
async fn approvers_edit_a_week_of_the_schedule_and_citizens_see_it_at_once() {
    let portal = TestPortal::with_articles(0);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let week = json!({"entries": [{
        "date": "2026-12-08", "time": "08:00", "content": "Họp giao ban tuần",
        "chair": "Chủ tịch UBND huyện", "participants": "Các phòng ban", "place": "Hội trường"
    }]});
    let uri = "/api/v1/admin/schedule/2026-W50";
    let (status, _) = portal
        .send_json(editor.request("PUT", uri, Some(&week)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, saved) = portal
        .send_json(approver.request("PUT", uri, Some(&week)))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, headers, body) = portal.get("/api/v1/schedule?week=2026-W50").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "public, no-cache");
    let public: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        public["days"][1]["entries"][0]["content"],
        "Họp giao ban tuần"
    );

    // A day outside the week, a time that is not one, and no content: each named.
    let bad = json!({"entries": [{
        "date": "2026-12-20", "time": "8h", "content": " ",
        "chair": "", "participants": "", "place": ""
    }]});
    let (status, answer) = portal
        .send_json(approver.request("PUT", uri, Some(&bad)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &answer["error"]["fields"];
    for field in ["entries[0].date", "entries[0].time", "entries[0].content"] {
        assert!(fields[field].is_string(), "{field}: {answer}");
    }
    // Emptying the week is a save too.
    let (status, _) = portal
        .send_json(approver.request("PUT", uri, Some(&json!({"entries": []}))))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, public) = portal.get_json("/api/v1/schedule?week=2026-W50").await;
    assert!(public["days"]
        .as_array()
        .unwrap()
        .iter()
        .all(|day| day["entries"] == json!([])));
}

#[tokio::test]
async fn admins_edit_the_links_and_nobody_else_does() {
    let portal = TestPortal::with_articles(0);
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let admin = portal.signed_in("quantri", StaffRole::Admin).await;
    let links = json!({"groups": [{"name": "Cơ quan cấp trên", "links": [
        {"name": "Tỉnh Quảng Ninh", "url": "https://www.quangninh.gov.vn"}
    ]}]});
    let (status, _) = portal
        .send_json(approver.request("PUT", "/api/v1/admin/links", Some(&links)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/links", Some(&links)))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, public) = portal.get_json("/api/v1/links").await;
    assert_eq!(
        public,
        json!([{"name": "Cơ quan cấp trên", "links": [
            {"name": "Tỉnh Quảng Ninh", "url": "https://www.quangninh.gov.vn"}
        ]}])
    );
    let hostile = json!({"groups": [{"name": "Nhóm", "links": [
        {"name": "Bấm", "url": "javascript:alert(1)"}
    ]}]});
    let (status, answer) = portal
        .send_json(admin.request("PUT", "/api/v1/admin/links", Some(&hostile)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer["error"]["fields"]["groups[0].links[0].url"].is_string(),
        "{answer}"
    );
}

#[tokio::test]
async fn an_anonymous_large_body_is_refused_before_it_is_read() {
    let portal = TestPortal::with_articles(0);
    let body = draft("Tin", &"<p>chữ</p>".repeat(20_000));
    let request = from_peer(
        common::post_json("/api/v1/admin/articles", &body),
        [192, 0, 2, 1],
    );
    let (status, answer) = portal.send_json(request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{answer}");
    // A made-up session cookie is no better.
    let request = Request::builder()
        .method("POST")
        .uri("/api/v1/admin/articles")
        .header("content-type", "application/json")
        .header("cookie", "portal_session=made-up")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, _) = portal.send_json(from_peer(request, [192, 0, 2, 1])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn what_only_approvers_decide_stays_with_them() {
    let portal = TestPortal::with_articles(1);
    let editor = portal.signed_in("bientap", StaffRole::Editor).await;
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;

    // An earlier publication time is an approver's to give.
    let mut late = draft("Tin cũ nhập muộn", "<p>Từ năm ngoái.</p>");
    late["published_at"] = json!("2025-03-01T08:00:00+07:00");
    let (status, _) = portal
        .send_json(editor.request("POST", "/api/v1/admin/articles", Some(&late)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let created = create(&portal, &approver, &late).await;
    let (status, published) = act(
        &portal,
        &approver,
        created["id"].as_i64().unwrap(),
        "publish",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(published["publish_at"], "2025-03-01T08:00:00+07:00");

    // An editor's save takes a scheduled article back to submitted, without its time.
    let created = create(&portal, &editor, &draft("Lịch cắt nước", "<p>Thứ Bảy.</p>")).await;
    let id = created["id"].as_i64().unwrap();
    let at = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    let (status, scheduled) = portal
        .send_json(approver.request(
            "POST",
            &format!("/api/v1/admin/articles/{id}/schedule"),
            Some(&json!({"publish_at": at})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{scheduled}");
    let edited = save_body(&scheduled, json!({"body_html": "<p>Chủ Nhật.</p>"}));
    let (status, saved) = portal
        .send_json(editor.request(
            "PUT",
            &format!("/api/v1/admin/articles/{id}"),
            Some(&edited),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["status"], "submitted");

    // Scheduled again and taken back: its time is forgotten, and published later it takes
    // the time it is published.
    let (status, _) = portal
        .send_json(approver.request(
            "POST",
            &format!("/api/v1/admin/articles/{id}/schedule"),
            Some(&json!({"publish_at": at})),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, refused) = act(&portal, &editor, id, "unpublish").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    let (status, unscheduled) = act(&portal, &approver, id, "unpublish").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unscheduled["status"], "submitted");
    assert_eq!(unscheduled["publish_at"], Value::Null);
    let (_, published) = act(&portal, &approver, id, "publish").await;
    let published_at =
        chrono::DateTime::parse_from_rfc3339(published["publish_at"].as_str().unwrap()).unwrap();
    assert!(
        (chrono::Utc::now() - published_at.to_utc()).num_seconds() < 60,
        "{published}"
    );
}

#[tokio::test]
async fn an_import_does_not_undo_what_staff_took_down() {
    let records = common::fixture_articles(2);
    let portal = TestPortal::with_records(records.clone());
    let approver = portal.signed_in("pheduyet", StaffRole::Approver).await;
    let (_, list) = portal
        .send_json(approver.request("GET", "/api/v1/admin/articles?status=published", None))
        .await;
    let id = list["items"][0]["id"].as_i64().unwrap();
    let slug = list["items"][0]["slug"].as_str().unwrap().to_string();
    let (status, _) = act(&portal, &approver, id, "unpublish").await;
    assert_eq!(status, StatusCode::OK);

    let refused = portal.with_conn(move |conn| {
        conn.transaction(|tx| portal_server::import::import_records(tx, &records))
    });
    let message = refused.unwrap_err().to_string();
    assert!(
        message.contains("unpublished in the staff area"),
        "{message}"
    );
    let (status, _) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
