//! Feeds, the schedule's calendar, the sitemap and robots.txt, as programs read them.

mod common;

use axum::http::StatusCode;
use chrono::NaiveDate;
use common::TestPortal;

fn portal() -> TestPortal {
    TestPortal::with_state(40, |state| {
        state.with_public_url("https://binhlieu.example")
    })
}

async fn text(portal: &TestPortal, uri: &str) -> (StatusCode, String, String) {
    let (status, headers, body) = portal.get(uri).await;
    let content_type = headers
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, content_type, String::from_utf8(body).unwrap())
}

/// The text of every `<tag>…</tag>` in `xml`, in order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    xml.split(&format!("<{tag}>"))
        .skip(1)
        .filter_map(|rest| rest.split(&format!("</{tag}>")).next())
        .collect()
}

#[tokio::test]
async fn the_site_feed_has_the_latest_30_with_absolute_links() {
    let portal = portal();
    let (status, content_type, xml) = text(&portal, "/rss.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/rss+xml; charset=utf-8");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(xml.contains("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"));
    assert!(xml.contains(
        "<atom:link href=\"https://binhlieu.example/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>"
    ));
    let items = elements(&xml, "item");
    assert_eq!(items.len(), 30);
    let links = elements(&xml, "link");
    assert_eq!(links[0], "https://binhlieu.example/");
    assert!(links[1..]
        .iter()
        .all(|link| link.starts_with("https://binhlieu.example/tin-tuc/")));
    // Newest first: the fixture's article 0 is the newest, 1 November 2024 at 08:30.
    assert!(
        items[0].contains("<pubDate>Fri, 1 Nov 2024 08:30:00 +0700</pubDate>"),
        "{}",
        items[0]
    );
    assert!(elements(&xml, "pubDate")
        .iter()
        .all(|d| d.ends_with(" +0700")));
}

#[tokio::test]
async fn a_category_feed_has_only_its_articles_and_unknown_ones_are_404() {
    let portal = portal();
    let (status, _, xml) = text(&portal, "/rss/thong-bao.xml").await;
    assert_eq!(status, StatusCode::OK);
    let categories = elements(&xml, "category");
    assert!(!categories.is_empty());
    assert!(
        categories.iter().all(|c| *c == "Thông báo"),
        "{categories:?}"
    );
    assert!(xml.contains("<link>https://binhlieu.example/chuyen-muc/thong-bao</link>"));
    for unknown in ["/rss/khong-co.xml", "/rss/thong-bao", "/rss/.xml"] {
        assert_eq!(
            text(&portal, unknown).await.0,
            StatusCode::NOT_FOUND,
            "{unknown}"
        );
    }
}

#[tokio::test]
async fn without_a_public_url_feeds_name_the_listening_address() {
    let portal = TestPortal::with_articles(2);
    let (_, _, xml) = text(&portal, "/rss.xml").await;
    assert!(
        xml.contains("<link>http://127.0.0.1:8080/tin-tuc/"),
        "{xml}"
    );
}

#[tokio::test]
async fn the_calendar_is_a_week_of_folded_escaped_events_with_stable_uids() {
    let portal = portal();
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for (day, time, content) in [
        (monday, "08:00", "Giao ban; rà soát nhiệm vụ, kế hoạch tuần"),
        (
            monday,
            "14:00",
            &"Hội nghị trực tuyến về chuyển đổi số ".repeat(4),
        ),
        (monday + chrono::Days::new(7), "08:00", "Tuần sau"),
    ] {
        common::add_schedule_entry(&portal.pool, day, time, content);
    }
    let (status, content_type, ics) = text(&portal, "/lich-cong-tac.ics?tuan=2026-W49").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare line feeds");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "one week's entries");
    assert!(ics.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261130T080000"));
    assert!(ics.contains("SUMMARY:Giao ban\\; rà soát nhiệm vụ\\, kế hoạch tuần"));
    assert!(ics.contains("TZID:Asia/Ho_Chi_Minh"));
    let uids = |ics: &str| -> Vec<String> {
        ics.split("\r\n")
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let again = text(&portal, "/lich-cong-tac.ics?tuan=2026-W49").await.2;
    assert_eq!(uids(&ics), uids(&again));
    assert!(uids(&ics)[0].ends_with("@binhlieu.example"));

    for bad in ["2026-W60", "2026-W00", "abc", "9999-W01"] {
        let (status, _, _) = text(&portal, &format!("/lich-cong-tac.ics?tuan={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    // Without a week: this week and the next.
    let (status, _, both) = text(&portal, "/lich-cong-tac.ics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(both.starts_with("BEGIN:VCALENDAR"));
}

#[tokio::test]
async fn the_sitemap_lists_every_page_category_and_article_with_lastmod() {
    let portal = portal();
    let (status, content_type, xml) = text(&portal, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/xml; charset=utf-8");
    assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    let locations = elements(&xml, "loc");
    let articles = locations.iter().filter(|l| l.contains("/tin-tuc/")).count();
    assert_eq!(articles, 40);
    assert!(locations.contains(&"https://binhlieu.example/chuyen-muc/thong-bao"));
    assert!(locations.contains(&"https://binhlieu.example/"));
    assert_eq!(elements(&xml, "lastmod").len(), locations.len());
    assert!(xml.contains("<url><loc>https://binhlieu.example/tin-tuc/bai-viet-thu-so-0-ve-duong-giao-thong-xa-dong-van</loc><lastmod>"));
    assert_eq!(
        text(&portal, "/sitemap/2.xml").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(text(&portal, "/sitemap/1.xml").await.0, StatusCode::OK);

    let (status, _, robots) = text(&portal, "/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert!(robots.contains("Sitemap: https://binhlieu.example/sitemap.xml"));
}

#[tokio::test]
async fn an_article_page_carries_news_article_data() {
    let portal = portal();
    let (_, _, html) = text(
        &portal,
        "/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van",
    )
    .await;
    let data = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("NewsArticle data");
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(data["@type"], "NewsArticle");
    assert_eq!(
        data["headline"],
        "Bài viết thử số 1 về đường giao thông xã Đồng Văn"
    );
    assert_eq!(
        data["mainEntityOfPage"],
        "https://binhlieu.example/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van"
    );
    assert_eq!(data["datePublished"], "2024-10-31T08:30:00+07:00");
}
