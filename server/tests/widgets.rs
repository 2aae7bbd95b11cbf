//! The sidebar blocks' endpoints: work schedule by ISO week, visit statistics, linked websites.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::NaiveDate;
use common::{between, from_peer, post_json, write_json, TestPortal};
use portal_contract::{iso_week_label, LinkGroup};
use portal_server::limits::{Limits, RateLimit};
use portal_server::store;
use serde_json::{json, Value};
use std::time::Duration;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn add_entry(portal: &TestPortal, day: NaiveDate, time: &str, content: &str) {
    common::add_schedule_entry(&portal.pool, day, time, content);
}

fn entries_by_day(week: &Value) -> Vec<(String, String, Vec<String>)> {
    week["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| {
            let contents = day["entries"].as_array().unwrap().iter();
            (
                day["date"].as_str().unwrap().to_string(),
                day["weekday"].as_str().unwrap().to_string(),
                contents
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["time"].as_str().unwrap(),
                            e["content"].as_str().unwrap()
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_week_lists_seven_days_with_entries_in_time_order() {
    let portal = TestPortal::with_articles(0);
    add_entry(&portal, date(2026, 11, 23), "14:00", "Họp giao ban");
    add_entry(&portal, date(2026, 11, 23), "08:00", "Tiếp công dân");
    add_entry(&portal, date(2026, 11, 28), "07:30", "Kiểm tra xã Đồng Văn");
    add_entry(&portal, date(2026, 11, 30), "08:00", "Tuần sau");

    let (status, week) = portal.get_json("/api/v1/schedule?week=2026-W48").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(week["week"], "2026-W48");
    assert_eq!(
        (week["starts_on"].as_str(), week["ends_on"].as_str()),
        (Some("2026-11-23"), Some("2026-11-29"))
    );
    assert_eq!(
        (week["previous_week"].as_str(), week["next_week"].as_str()),
        (Some("2026-W47"), Some("2026-W49"))
    );
    let days = entries_by_day(&week);
    let names: Vec<&str> = days.iter().map(|d| d.1.as_str()).collect();
    assert_eq!(
        names,
        [
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ Nhật"
        ]
    );
    assert_eq!(days[0].2, ["08:00 Tiếp công dân", "14:00 Họp giao ban"]);
    assert_eq!(
        days[5],
        (
            "2026-11-28".into(),
            "Thứ Bảy".into(),
            vec!["07:30 Kiểm tra xã Đồng Văn".into()]
        )
    );
    assert!(days[6].2.is_empty());
    assert_eq!(
        week["days"][0]["entries"][0]["chair"],
        "Chủ tịch UBND huyện"
    );
}

#[tokio::test]
async fn weeks_across_new_year_and_week_53() {
    let portal = TestPortal::with_articles(0);
    add_entry(&portal, date(2024, 12, 31), "08:00", "Tổng kết năm");
    add_entry(&portal, date(2021, 1, 3), "09:00", "Chủ nhật đầu năm");

    let (_, spanning) = portal.get_json("/api/v1/schedule?week=2025-W01").await;
    assert_eq!(spanning["starts_on"], "2024-12-30");
    assert_eq!(spanning["ends_on"], "2025-01-05");
    assert_eq!(spanning["previous_week"], "2024-W52");
    assert_eq!(entries_by_day(&spanning)[1].2, ["08:00 Tổng kết năm"]);

    let (_, long_year) = portal.get_json("/api/v1/schedule?week=2020-W53").await;
    assert_eq!(long_year["starts_on"], "2020-12-28");
    assert_eq!(long_year["next_week"], "2021-W01");
    assert_eq!(entries_by_day(&long_year)[6].2, ["09:00 Chủ nhật đầu năm"]);

    let (_, before_53) = portal.get_json("/api/v1/schedule?week=2026-W52").await;
    assert_eq!(before_53["next_week"], "2026-W53");
    let (_, after_53) = portal.get_json("/api/v1/schedule?week=2027-W01").await;
    assert_eq!(after_53["previous_week"], "2026-W53");
}

/// The first and last weeks the API serves link to nothing past them, and every link it
/// gives leads to a week it answers.
#[tokio::test]
async fn the_calendars_edges_link_nowhere_past_them() {
    let portal = TestPortal::with_articles(0);
    let (status, last) = portal.get_json("/api/v1/schedule?week=2100-W52").await;
    assert_eq!(status, StatusCode::OK);
    assert!(last.get("next_week").is_none(), "{last}");
    assert_eq!(last["previous_week"], "2100-W51");
    let (status, first) = portal.get_json("/api/v1/schedule?week=1900-W01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.get("previous_week").is_none(), "{first}");
    for week in ["9999-W52", "0000-W01", "1899-W52", "2101-W01"] {
        let (status, _) = portal
            .get_json(&format!("/api/v1/schedule?week={week}"))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{week}");
    }
}

#[tokio::test]
async fn an_empty_week_has_seven_empty_days_and_bad_weeks_are_refused() {
    let portal = TestPortal::with_articles(0);
    let (status, week) = portal.get_json("/api/v1/schedule?week=2030-W10").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(week["days"].as_array().unwrap().len(), 7);
    assert!(week["days"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["entries"].as_array().unwrap().is_empty()));

    for bad in [
        "2021-W53",
        "2026-W54",
        "2026-W00",
        "2026-W1",
        "abc",
        "2026-48",
        "",
        "2026-W48x",
    ] {
        portal
            .assert_error(
                &format!("/api/v1/schedule?week={bad}"),
                StatusCode::BAD_REQUEST,
                "bad_request",
            )
            .await;
    }
}

#[tokio::test]
async fn the_default_week_is_the_current_week_in_vietnam() {
    let portal = TestPortal::with_articles(0);
    let (_, week) = portal.get_json("/api/v1/schedule").await;
    assert_eq!(week["week"], iso_week_label(portal_server::clock::today()));
}

#[tokio::test]
async fn the_schedule_page_arrives_with_its_week() {
    let portal = TestPortal::with_articles(0);
    add_entry(
        &portal,
        date(2026, 11, 28),
        "07:30",
        "Kiểm tra <xã> Đồng Văn",
    );
    add_entry(&portal, date(2026, 11, 23), "14:00", "Họp giao ban");
    add_entry(&portal, date(2026, 11, 23), "08:00", "Tiếp công dân");
    let week = portal.page_main("/lich-cong-tac?tuan=2026-W48").await;
    assert!(
        week.contains("<h1 class=\"page-title\">Lịch công tác</h1>"),
        "{week}"
    );
    assert!(week.contains(
        "<nav class=\"week-nav\" aria-label=\"Chọn tuần\">\
         <a href=\"/lich-cong-tac?tuan=2026-W47\" rel=\"prev\">‹ Tuần trước</a>\
         <a href=\"/lich-cong-tac\">Tuần này</a>\
         <a href=\"/lich-cong-tac?tuan=2026-W49\" rel=\"next\">Tuần sau ›</a></nav>"
    ));
    assert!(week.contains("Tuần 48: từ 23/11/2026 đến 29/11/2026"));
    // Only the days with entries, Monday first, each day's entries in time order; what staff
    // typed comes back as text.
    assert_eq!(
        between(&week, "<h2 class=\"section-heading\">", "</h2>"),
        ["Thứ Hai, 23/11/2026", "Thứ Bảy, 28/11/2026"]
    );
    assert_eq!(
        between(&week, "<span class=\"schedule-content\">", "</span>"),
        [
            "Tiếp công dân",
            "Họp giao ban",
            "Kiểm tra &lt;xã&gt; Đồng Văn"
        ]
    );
    assert!(week.contains("<div><dt>Chủ trì:</dt> <dd>Chủ tịch UBND huyện</dd></div>"));

    let empty = portal.page_main("/lich-cong-tac?tuan=2026-W50").await;
    assert!(empty.contains("<p class=\"schedule-empty\">Lịch công tác trống</p>"));
    assert!(!empty.contains("schedule-day"));

    // This week without a week in the address; a week that does not exist says so.
    let this_week = portal.page_main("/lich-cong-tac").await;
    let label = iso_week_label(portal_server::clock::today());
    let number = label.rsplit('W').next().unwrap().trim_start_matches('0');
    assert!(
        this_week.contains(&format!("Tuần {number}: từ ")),
        "{this_week}"
    );
    let missing = portal.page_main("/lich-cong-tac?tuan=2026-W99").await;
    assert!(missing.contains(
        "<p class=\"empty\">Tuần trong địa chỉ không hợp lệ. \
         <a href=\"/lich-cong-tac\">Xem lịch tuần này</a></p>"
    ));
}

async fn post_visit(portal: &TestPortal) -> (StatusCode, Value) {
    post_visit_from(portal, [127, 0, 0, 1]).await.0
}

/// A visit from a client at `ip`, as the real server sees its peer address.
async fn post_visit_from(
    portal: &TestPortal,
    ip: [u8; 4],
) -> ((StatusCode, Value), Option<String>) {
    let request = from_peer(post_json("/api/v1/visits", &json!({})), ip);
    let (status, headers, body) = portal.request(request).await;
    let retry_after = headers
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (
        (status, serde_json::from_slice(&body).unwrap()),
        retry_after,
    )
}

#[tokio::test]
async fn a_visit_counts_once_today_and_in_the_total() {
    let portal = TestPortal::with_articles(0);
    let (_, before) = portal.get_json("/api/v1/stats").await;
    assert_eq!(before, json!({"today": 0, "total": 0}));
    let (status, after) = post_visit(&portal).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(after, json!({"today": 1, "total": 1}));
    let (_, read) = portal.get_json("/api/v1/stats").await;
    assert_eq!(read, after);
    let (status, headers, _) = portal.get("/api/v1/visits").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(headers.get("set-cookie").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_visits_are_counted_exactly() {
    const VISITS: u64 = 1000;
    let portal = std::sync::Arc::new(TestPortal::with_articles(0));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..VISITS {
        let portal = portal.clone();
        // As many clients as visits, as on a busy morning: no per-address limit applies.
        let ip = [10, 0, (i / 256) as u8, (i % 256) as u8];
        tasks.spawn(async move { post_visit_from(&portal, ip).await.0 });
    }
    let mut totals = Vec::new();
    while let Some(result) = tasks.join_next().await {
        let (status, stats) = result.unwrap();
        assert_eq!(status, StatusCode::OK, "{stats}");
        totals.push(stats["total"].as_u64().unwrap());
    }
    let (_, stats) = portal.get_json("/api/v1/stats").await;
    assert_eq!(stats, json!({"today": VISITS, "total": VISITS}));
    // Each visit saw its own count: no two increments were merged.
    totals.sort_unstable();
    assert_eq!(totals, (1..=VISITS).collect::<Vec<_>>());
}

#[test]
fn today_restarts_at_midnight_and_the_total_keeps_the_old_portals_count() {
    let portal = TestPortal::with_articles(0);
    let mut conn = portal.pool.get().unwrap();
    let mut settings = common::site_settings();
    settings.visits_before = 2_325_646;
    store::site::save_site(&mut conn, &settings).unwrap();
    for _ in 0..3 {
        store::stats::record_visit(&mut conn, date(2026, 11, 27)).unwrap();
    }
    let stats = store::stats::record_visit(&mut conn, date(2026, 11, 28)).unwrap();
    assert_eq!((stats.today, stats.total), (1, 2_325_650));
    let next_day = store::stats::visit_stats(&mut conn, date(2026, 11, 29)).unwrap();
    assert_eq!((next_day.today, next_day.total), (0, 2_325_650));
}

#[tokio::test]
async fn links_come_in_groups_in_order() {
    let portal = TestPortal::with_articles(0);
    assert!(portal
        .page_main("/lien-ket")
        .await
        .contains("<p class=\"empty\">Chưa có website liên kết.</p>"));
    let groups: Vec<LinkGroup> = serde_json::from_value(json!([
        {"name": "Tỉnh Quảng Ninh", "links": [
            {"name": "Cổng thông tin điện tử tỉnh", "url": "https://www.quangninh.gov.vn"},
            {"name": "Dịch vụ công tỉnh", "url": "https://dichvucong.quangninh.gov.vn"}]},
        {"name": "Trung ương & các bộ", "links": [{"name": "Chính phủ <b>", "url": "https://chinhphu.vn/?a=1&b=2"}]}
    ]))
    .unwrap();
    {
        portal.with_conn(|conn| {
            for (position, group) in groups.iter().enumerate() {
                store::links::save_link_group(conn, group, position).unwrap();
            }
        });
    }
    let (status, body) = portal.get_json("/api/v1/links").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, serde_json::to_value(&groups).unwrap());

    // The page arrives with them, in the same order, each opening in a new tab.
    let page = portal.page_main("/lien-ket").await;
    assert_eq!(
        between(&page, "<h2 class=\"section-heading\">", "</h2>"),
        ["Tỉnh Quảng Ninh", "Trung ương &amp; các bộ"]
    );
    assert_eq!(
        between(&page, "<a href=\"", "\""),
        [
            "https://www.quangninh.gov.vn",
            "https://dichvucong.quangninh.gov.vn",
            "https://chinhphu.vn/?a=1&amp;b=2"
        ]
    );
    assert!(page.contains(
        "<a href=\"https://chinhphu.vn/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">\
         Chính phủ &lt;b&gt;<span class=\"visually-hidden\"> (mở trong thẻ mới)</span></a>"
    ));
}

#[test]
fn demo_schedule_is_dated_around_the_week_of_seeding() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("articles")).unwrap();
    write_json(
        &content.join("site.json"),
        &serde_json::to_value(common::site_settings()).unwrap(),
    );
    write_json(
        &content.join("categories.json"),
        &json!([{"slug": "thong-bao", "name": "Thông báo"}]),
    );
    let entry = |offset: i64, weekday: u64, time: &str| {
        json!({"week_offset": offset, "weekday": weekday, "time": time, "content": "Họp",
               "chair": "Chủ tịch UBND huyện", "participants": "Các phòng", "place": "UBND huyện"})
    };
    write_json(
        &content.join("schedule.json"),
        &json!([
            entry(-1, 7, "08:00"),
            entry(0, 1, "09:00"),
            entry(1, 3, "10:00")
        ]),
    );
    let pool = common::open_database(dir.path());
    // 1 January 2025 is a Wednesday in the week that starts on 30 December 2024.
    portal_server::seed::seed_if_empty_on(&mut pool.get().unwrap(), &content, date(2025, 1, 1))
        .unwrap();
    let days: Vec<String> = pool
        .get()
        .unwrap()
        .query(
            "SELECT day || ' ' || time FROM schedule_entries ORDER BY day",
            &[],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(
        days,
        ["2024-12-29 08:00", "2024-12-30 09:00", "2025-01-08 10:00"]
    );

    let bad_dir = tempfile::tempdir().unwrap();
    let pool = common::open_database(bad_dir.path());
    write_json(
        &content.join("schedule.json"),
        &json!([entry(0, 1, "09:00"), entry(0, 8, "09:00")]),
    );
    let err =
        portal_server::seed::seed_if_empty_on(&mut pool.get().unwrap(), &content, date(2025, 1, 1))
            .unwrap_err();
    assert!(err.to_string().contains("entry 1: weekday"), "{err}");
    let has_content = store::site::has_content(&mut pool.get().unwrap()).unwrap();
    assert!(!has_content, "a bad schedule leaves the database unseeded");
}

#[tokio::test]
async fn one_address_cannot_inflate_the_count() {
    let limits = Limits {
        visits: RateLimit {
            count: 3,
            per: Duration::from_secs(60),
        },
        ..Limits::default()
    };
    let portal = TestPortal::with_limits(0, limits);
    for _ in 0..3 {
        assert_eq!(
            post_visit_from(&portal, [192, 0, 2, 1]).await.0 .0,
            StatusCode::OK
        );
    }
    let ((status, body), retry_after) = post_visit_from(&portal, [192, 0, 2, 1]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "too_many_requests");
    let seconds: u64 = retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=60).contains(&seconds), "{seconds}");
    assert_eq!(
        post_visit_from(&portal, [192, 0, 2, 2]).await.0 .0,
        StatusCode::OK
    );
    let (_, stats) = portal.get_json("/api/v1/stats").await;
    assert_eq!(stats["total"], 4);
}

/// A page on another site can post a plain form anywhere without asking; the count takes
/// only JSON, which a cross-site page cannot send without the API's consent.
#[tokio::test]
async fn visits_are_counted_only_from_json_posts() {
    let portal = TestPortal::with_articles(0);
    for (content_type, body) in [
        (None, ""),
        (Some("application/x-www-form-urlencoded"), "a=1"),
        (Some("text/plain"), "{}"),
        (Some("multipart/form-data; boundary=x"), "--x--"),
    ] {
        let mut request = Request::post("/api/v1/visits");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let (status, headers, _) = portal
            .request(request.body(Body::from(body)).unwrap())
            .await;
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        assert_eq!(headers["content-type"], "application/json");
    }
    let (_, stats) = portal.get_json("/api/v1/stats").await;
    assert_eq!(stats["total"], 0);
    assert_eq!(post_visit(&portal).await.0, StatusCode::OK);
}
