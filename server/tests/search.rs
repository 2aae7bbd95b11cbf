//! Search over the API: without tone marks, `đ`, tone placement, prefixes, filters, ranking,
//! snippets, and hostile input.

mod common;

use axum::http::StatusCode;
use common::TestPortal;
use serde_json::{json, Value};

fn article(title: &str, category: &str, published_at: &str, body: &str) -> Value {
    json!({
        "title": title,
        "category": category,
        "published_at": published_at,
        "author": "Phóng viên",
        "body_html": body,
    })
}

fn portal() -> TestPortal {
    TestPortal::with_records(vec![
        article(
            "Tổng kết công tác quốc phòng quân sự địa phương năm 2024",
            "quoc-phong-an-ninh",
            "2024-12-03T14:57:00+07:00",
            "<p>Hội nghị đánh giá công tác huấn luyện dân quân tự vệ.</p>",
        ),
        article(
            "Hội nghị giao ban công tác tháng 11",
            "tin-trong-huyen",
            "2024-11-20T08:00:00+07:00",
            "<p>Các đại biểu bàn về giáo dục <strong>quốc phòng</strong> và an ninh cho học sinh.</p>",
        ),
        article(
            "Xã Đồng Văn hoà giải thành ở cơ sở",
            "tin-trong-huyen",
            "2024-03-01T00:30:00+07:00",
            "<p>Tổ hoà giải thôn Pò Hèn đạt kết quả tốt.</p>",
        ),
        article(
            "Nâng cấp công trình thuỷ lợi xã Vô Ngại",
            "thong-bao",
            "2024-02-29T23:59:00+07:00",
            "<p>Công trình tưới cho 40 ha lúa.</p>",
        ),
        article(
            "Quốc tế thiếu nhi tại thị trấn",
            "tin-trong-huyen",
            "2023-06-01T09:00:00+07:00",
            "<p>Vui tết thiếu nhi.</p>",
        ),
    ])
}

async fn titles(portal: &TestPortal, query: &str) -> Vec<String> {
    let (status, body) = portal.get_json(&format!("/api/v1/articles?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    let items = body["items"].as_array().unwrap();
    assert_eq!(
        body["total"].as_u64().unwrap() as usize,
        items.len(),
        "{query}"
    );
    items
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

fn marked(segments: &Value) -> String {
    segments
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = s["text"].as_str().unwrap();
            if s["matched"] == true {
                format!("[{text}]")
            } else {
                text.to_string()
            }
        })
        .collect()
}

#[tokio::test]
async fn finds_words_typed_without_tone_marks_title_matches_first() {
    let portal = portal();
    assert_eq!(
        titles(&portal, "q=quoc%20phong").await,
        [
            "Tổng kết công tác quốc phòng quân sự địa phương năm 2024",
            "Hội nghị giao ban công tác tháng 11"
        ]
    );
    // Marks, case and mixed input all fold alike.
    assert_eq!(titles(&portal, "q=QUỐC%20PHÒNG").await.len(), 2);
    assert_eq!(titles(&portal, "q=quốc%20phong").await.len(), 2);
}

/// `titles` of a search for `words`, however they are written (combining marks too).
async fn titles_for(portal: &TestPortal, words: &str) -> Vec<String> {
    let encoded: String = url::form_urlencoded::byte_serialize(words.as_bytes()).collect();
    titles(portal, &format!("q={encoded}")).await
}

#[tokio::test]
async fn words_typed_with_marks_find_those_marks_first_wherever_the_tone_sits() {
    let portal = TestPortal::with_records(vec![
        article(
            "Tư vấn phòng chống thiên tai cho các xã",
            "tin-trong-huyen",
            "2024-11-02T08:00:00+07:00",
            "<p>Hoá giải mâu thuẫn trong thôn.</p>",
        ),
        article(
            "Hội nghị của văn phòng huyện",
            "tin-trong-huyen",
            "2024-10-01T08:00:00+07:00",
            "<p>Tổ hoà giải thôn Pò Hèn.</p>",
        ),
    ]);
    let newer = "Tư vấn phòng chống thiên tai cho các xã";
    let older = "Hội nghị của văn phòng huyện";
    // Without marks both are the phrase in the title: newest first.
    assert_eq!(titles_for(&portal, "van phong").await, [newer, older]);
    // With marks, the article that has them comes before the newer collision (`vấn phòng`).
    assert_eq!(titles_for(&portal, "văn phòng").await, [older, newer]);
    assert_eq!(titles_for(&portal, "VẤN PHÒNG").await, [newer, older]);
    // The same word typed with combining marks.
    assert_eq!(
        titles_for(&portal, "va\u{306}n pho\u{300}ng").await,
        [older, newer]
    );
    // "hòa" (the tone on the o) finds "hoà" (the tone on the a) before the newer "hoá".
    assert_eq!(titles_for(&portal, "hòa giải").await, [older, newer]);
    assert_eq!(titles_for(&portal, "hoá giải").await, [newer, older]);
}

#[tokio::test]
async fn hits_mark_the_matched_words_in_title_and_snippet() {
    let portal = portal();
    let (_, body) = portal.get_json("/api/v1/articles?q=quoc%20phong").await;
    let first = &body["items"][0];
    assert_eq!(
        marked(&first["highlight"]["title"]),
        "Tổng kết công tác [quốc phòng] quân sự địa phương năm 2024"
    );
    let second = &body["items"][1];
    assert_eq!(
        marked(&second["highlight"]["snippet"]),
        "Các đại biểu bàn về giáo dục [quốc phòng] và an ninh cho học sinh."
    );
    // Structured text, not markup: the body's <strong> is gone from the snippet.
    assert!(!second["highlight"].to_string().contains('<'));
    // Plain lists carry no highlight.
    let (_, plain) = portal.get_json("/api/v1/articles").await;
    assert!(plain["items"][0].get("highlight").is_none());
}

#[tokio::test]
async fn d_folds_to_d_and_tone_placement_does_not_matter() {
    let portal = portal();
    assert_eq!(
        titles(&portal, "q=dong%20van").await,
        ["Xã Đồng Văn hoà giải thành ở cơ sở"]
    );
    assert_eq!(
        titles(&portal, "q=%C4%91%E1%BB%93ng").await,
        ["Xã Đồng Văn hoà giải thành ở cơ sở"]
    );
    // Written with the new placement (hòa, thủy), stored with the old (hoà, thuỷ).
    assert_eq!(
        titles(&portal, "q=h%C3%B2a%20gi%E1%BA%A3i").await,
        ["Xã Đồng Văn hoà giải thành ở cơ sở"]
    );
    assert_eq!(
        titles(&portal, "q=th%E1%BB%A7y%20l%E1%BB%A3i").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
}

#[tokio::test]
async fn the_last_word_is_a_prefix_the_others_are_whole_words() {
    let portal = portal();
    assert_eq!(titles(&portal, "q=quoc%20pho").await.len(), 2);
    let quoc: Vec<String> = titles(&portal, "q=quo").await;
    assert_eq!(quoc.len(), 3, "{quoc:?}");
    assert!(quoc.contains(&"Quốc tế thiếu nhi tại thị trấn".to_string()));
    assert_eq!(titles(&portal, "q=quo%20phong").await, Vec::<String>::new());
}

#[tokio::test]
async fn filters_by_category_and_inclusive_dates_in_vietnam_time() {
    let portal = portal();
    assert_eq!(
        titles(&portal, "q=quoc%20phong&category=tin-trong-huyen").await,
        ["Hội nghị giao ban công tác tháng 11"]
    );
    // 00:30 on 1 March in Vietnam is still 29 February in UTC; it belongs to 1 March.
    assert_eq!(
        titles(&portal, "from=2024-03-01&to=2024-03-01").await,
        ["Xã Đồng Văn hoà giải thành ở cơ sở"]
    );
    assert_eq!(
        titles(&portal, "from=2024-02-29&to=2024-02-29").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
    assert_eq!(
        titles(&portal, "to=2023-12-31").await,
        ["Quốc tế thiếu nhi tại thị trấn"]
    );
    assert_eq!(titles(&portal, "q=quoc&from=2024-01-01").await.len(), 2);
    assert_eq!(
        titles(&portal, "q=&category=thong-bao").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
    // A search keeps to the days in Vietnam's time too (its index is keyed by the time).
    assert_eq!(
        titles(&portal, "q=xa&from=2024-03-01&to=2024-03-01").await,
        ["Xã Đồng Văn hoà giải thành ở cơ sở"]
    );
    assert_eq!(
        titles(&portal, "q=xa&from=2024-02-29&to=2024-02-29").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
    assert_eq!(
        titles(&portal, "q=xa&category=thong-bao&from=2024-02-29").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
    // The category is in the index, but no word finds it: its id is no article's word.
    let id = portal.with_conn(|conn| {
        portal_server::store::categories::category_id(conn, "thong-bao")
            .unwrap()
            .unwrap()
    });
    assert!(titles(&portal, &format!("q={id}")).await.is_empty(), "{id}");
}

#[tokio::test]
async fn an_article_moved_to_another_category_is_searched_in_its_new_one() {
    let portal = portal();
    let moved = article(
        "Nâng cấp công trình thuỷ lợi xã Vô Ngại",
        "quoc-phong-an-ninh",
        "2024-02-29T23:59:00+07:00",
        "<p>Công trình tưới cho 40 ha lúa.</p>",
    );
    portal.with_conn(|conn| {
        conn.transaction(|tx| portal_server::import::import_records(tx, &[moved]))
            .unwrap()
    });
    assert!(titles(&portal, "q=thuy%20loi&category=thong-bao")
        .await
        .is_empty());
    assert_eq!(
        titles(&portal, "q=thuy%20loi&category=quoc-phong-an-ninh").await,
        ["Nâng cấp công trình thuỷ lợi xã Vô Ngại"]
    );
}

#[tokio::test]
async fn no_match_is_an_empty_page_not_an_error() {
    let portal = portal();
    let (status, body) = portal.get_json("/api/v1/articles?q=khongcotunay").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"items": [], "page": 1, "per_page": 10, "total": 0})
    );
}

#[tokio::test]
async fn search_syntax_is_plain_text() {
    let portal = portal();
    let hostile = [
        "\"",
        "quoc\"",
        "\"quoc phong",
        "*",
        "quoc*",
        "-quoc",
        "quoc OR phong",
        "quoc AND",
        "NOT quoc",
        "NEAR(quoc phong)",
        "NEAR(quoc, 5)",
        "(",
        ")",
        "(quoc",
        "^quoc",
        "title:quoc",
        "body:quoc",
        "{title body}: quoc",
        "'",
        "';DROP TABLE articles;--",
        "\\",
        "%",
        "_",
        "😀",
        "quoc\u{0}phong",
        "+quoc",
        "quoc:*",
        "\"\"\"",
        "[quoc]",
    ];
    for q in hostile {
        let encoded: String = url_encode(q);
        let (status, body) = portal
            .get_json(&format!("/api/v1/articles?q={encoded}"))
            .await;
        assert_eq!(status, StatusCode::OK, "q={q:?}: {body}");
    }
    // The words inside the syntax are still searched as words.
    assert_eq!(
        titles(&portal, &format!("q={}", url_encode("NEAR(quoc phong)")))
            .await
            .len(),
        0
    );
    assert_eq!(
        titles(&portal, &format!("q={}", url_encode("\"quoc\" -phong*")))
            .await
            .len(),
        2
    );
    let (_, still_there) = portal.get_json("/api/v1/articles").await;
    assert_eq!(still_there["total"], 5);
}

#[tokio::test]
async fn long_queries_and_bad_dates_are_refused() {
    let portal = portal();
    let ok = "a".repeat(200);
    let (status, _) = portal.get_json(&format!("/api/v1/articles?q={ok}")).await;
    assert_eq!(status, StatusCode::OK);
    let long = "ă".repeat(201);
    portal
        .assert_error(
            &format!("/api/v1/articles?q={}", url_encode(&long)),
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    for query in [
        "from=2024-13-01",
        "from=01/03/2024",
        "to=abc",
        "from=2024-3-1",
        "to=2024-02-30",
        "from=",
        "to=+2024-01-01",
        "from=2024-05-02&to=2024-05-01",
    ] {
        portal
            .assert_error(
                &format!("/api/v1/articles?{query}"),
                StatusCode::BAD_REQUEST,
                "bad_request",
            )
            .await;
    }
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Without a filter, a page is ranked among only the hits that can reach it; it must be the
/// same page a filter that keeps everything (ranking every hit) gives, ties included.
#[tokio::test]
async fn pages_of_many_equal_hits_are_the_same_with_or_without_a_filter() {
    // Three kinds of text, so scores tie in groups across page boundaries; times all differ.
    let records = (0..37)
        .map(|i| {
            let body = match i % 3 {
                0 => "<p>Đường biên giới được tuần tra.</p>",
                1 => "<p>Biên giới hoà bình, biên giới hữu nghị.</p>",
                _ => "<p>Chợ phiên vùng biên giới đông vui, khách đến từ khắp nơi trong huyện.</p>",
            };
            let day = 1 + i % 28;
            let hour = i / 28;
            article(
                &format!("Bài số {i}"),
                "tin-trong-huyen",
                &format!("2024-05-{day:02}T{:02}:00:00+07:00", 8 + hour),
                body,
            )
        })
        .collect();
    let portal = TestPortal::with_records(records);
    for per_page in [1, 5, 10] {
        let mut unfiltered_all = Vec::new();
        for page in 1..=(37 / per_page + 1) {
            let page_query = format!("q=bien%20gioi&per_page={per_page}&page={page}");
            let unfiltered = page_of(&portal, &page_query).await;
            let filtered = page_of(&portal, &format!("{page_query}&from=2000-01-01")).await;
            assert_eq!(unfiltered, filtered, "per_page {per_page}, page {page}");
            assert_eq!(unfiltered.1, 37);
            unfiltered_all.extend(unfiltered.0);
        }
        assert_eq!(
            unfiltered_all.len(),
            37,
            "every hit once, per_page {per_page}"
        );
    }
}

/// The titles of one page of results, and the total.
async fn page_of(portal: &TestPortal, query: &str) -> (Vec<String>, u64) {
    let (status, body) = portal.get_json(&format!("/api/v1/articles?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    let titles = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_string())
        .collect();
    (titles, body["total"].as_u64().unwrap())
}

#[tokio::test]
async fn a_whole_word_in_the_title_ranks_above_one_it_only_begins() {
    // "hoa" begins "Hoành" (the newer article) and is the whole word "Hoa" of the older one.
    let portal = TestPortal::with_records(vec![
        article(
            "Lễ hội Hoa Sở năm 2024",
            "tin-trong-huyen",
            "2024-01-10T08:00:00+07:00",
            "<p>Mùa hoa trắng.</p>",
        ),
        article(
            "Thông quan tại cửa khẩu Hoành Mô",
            "tin-trong-huyen",
            "2024-05-10T08:00:00+07:00",
            "<p>Hàng hóa qua cửa khẩu.</p>",
        ),
    ]);
    assert_eq!(
        titles(&portal, "q=hoa").await,
        ["Lễ hội Hoa Sở năm 2024", "Thông quan tại cửa khẩu Hoành Mô"]
    );
    // Typed further, the prefix is the word itself.
    assert_eq!(
        titles(&portal, "q=hoanh").await,
        ["Thông quan tại cửa khẩu Hoành Mô"]
    );
    assert_eq!(
        titles(&portal, "q=hoa%20so").await,
        ["Lễ hội Hoa Sở năm 2024"]
    );
}

#[tokio::test]
async fn a_common_word_is_counted_up_to_the_limit_and_paged_as_far() {
    use portal_contract::limits::SEARCH_COUNT_LIMIT;
    let portal = TestPortal::with_records(Vec::new());
    portal.with_conn(|conn| {
        portal_server::seed::seed_if_empty(
            conn,
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"),
        )
        .unwrap();
        portal_server::synthetic::add_articles(conn, SEARCH_COUNT_LIMIT as usize + 50).unwrap()
    });
    // Every synthetic article names a commune ("xã") or the town: more hits than are counted.
    let (status, body) = portal.get_json("/api/v1/articles?q=xa").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], SEARCH_COUNT_LIMIT);
    assert_eq!(body["more_than_total"], true);
    assert_eq!(body["items"].as_array().unwrap().len(), 10);
    // The last page the count reaches is full; the one after it is empty.
    let last = SEARCH_COUNT_LIMIT / 10;
    let (_, body) = portal
        .get_json(&format!("/api/v1/articles?q=xa&page={last}"))
        .await;
    assert_eq!(body["items"].as_array().unwrap().len(), 10);
    let (status, body) = portal
        .get_json(&format!("/api/v1/articles?q=xa&page={}", last + 1))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["items"].as_array().unwrap().is_empty());
    // A word with fewer hits is counted exactly, and says nothing more.
    let (_, body) = portal.get_json("/api/v1/articles?q=hoa%20so").await;
    let total = body["total"].as_u64().unwrap();
    assert!((1..SEARCH_COUNT_LIMIT).contains(&total), "{total}");
    assert!(body.get("more_than_total").is_none());
}

/// The server keeps the answers readers repeat (`answer_cache`); a change to the articles or
/// the categories, made through this server or straight in the database as another server on
/// it would, shows in the very next answer.
#[tokio::test]
async fn a_kept_answer_gives_way_to_changed_content() {
    let portal = portal();
    let search = "/api/v1/articles?q=giao%20ban";
    let (status, first) = portal.get_json(search).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first["total"], 1);
    let (_, again) = portal.get_json(search).await;
    assert_eq!(again, first);

    // Added by another writer.
    portal.with_conn(|conn| {
        portal_server::import::import_records(
            conn,
            &[article(
                "Giao ban công tác tháng 12",
                "thong-bao",
                "2024-12-20T08:00:00+07:00",
                "<p>Nội dung giao ban.</p>",
            )],
        )
        .unwrap()
    });
    let (_, added) = portal.get_json(search).await;
    assert_eq!(added["total"], 2, "{added}");
    assert_eq!(added["items"][0]["title"], "Giao ban công tác tháng 12");

    // A category renamed: the hits name it anew.
    portal.with_conn(|conn| {
        conn.execute(
            "UPDATE categories SET name = 'Thông báo mới' WHERE slug = 'thong-bao'",
            &[],
        )
        .unwrap()
    });
    let (_, renamed) = portal.get_json(search).await;
    assert_eq!(renamed["items"][0]["category"]["name"], "Thông báo mới");

    // Removed: gone from the answer.
    let slug = renamed["items"][0]["slug"].as_str().unwrap().to_string();
    portal.with_conn(|conn| portal_server::store::articles::remove_article(conn, &slug).unwrap());
    let (_, removed) = portal.get_json(search).await;
    assert_eq!(removed["total"], 1, "{removed}");
}

/// After a change, every popular search misses at once: one request ranks it, and the others
/// asking for it meanwhile wait for its answer rather than rank it again.
#[tokio::test]
async fn many_readers_asking_one_new_search_rank_it_once() {
    use portal_server::answer_cache::AnswerCache;
    use tower::ServiceExt;
    let answers = std::sync::Arc::new(AnswerCache::new(100));
    let kept = answers.clone();
    // Enough hits that ranking them takes longer than the other readers take to ask.
    let portal = TestPortal::with_state(1000, move |state| portal_server::state::AppState {
        article_answers: kept,
        ..state
    });
    let mut readers = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let router = portal.router.clone();
        readers.spawn(async move {
            let request = axum::http::Request::get("/api/v1/articles?q=dong%20van")
                .header("host", "127.0.0.1:8080")
                .body(axum::body::Body::empty())
                .unwrap();
            router.oneshot(request).await.unwrap().status()
        });
    }
    while let Some(status) = readers.join_next().await {
        assert_eq!(status.unwrap(), StatusCode::OK);
    }
    assert_eq!(answers.computed(), 1);
    // A search nobody has asked yet is ranked anew.
    let (_, other) = portal.get_json("/api/v1/articles?q=giao%20thong").await;
    assert_eq!(other["total"], 1000);
    assert_eq!(answers.computed(), 2);
}

/// `portal-server reindex` builds the search index again from the articles themselves: a
/// title changed straight in the database, which the index never heard of, is found after it.
#[tokio::test]
async fn the_command_line_rebuilds_the_index_from_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("portal.db");
    let reindex = || {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
            .arg("--db")
            .arg(&db)
            .arg("--content")
            .arg(content)
            .arg("reindex")
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        String::from_utf8(run.stdout).unwrap()
    };
    // The first run seeds the demo content, as any command's does, then indexes it.
    let first = reindex();
    assert!(
        first.contains("indexed ") && !first.contains("indexed 0 "),
        "{first}"
    );
    let pool = common::blocking(|| {
        portal_server::db::open(&portal_server::db::Location::Sqlite(db.clone())).unwrap()
    });
    let renamed = "Khánh thành cầu treo Zorbalo";
    common::blocking(|| {
        pool.get()
            .unwrap()
            .execute(
                "UPDATE articles SET title = ?1 WHERE id = (SELECT min(id) FROM articles)",
                &[&renamed],
            )
            .unwrap()
    });
    let search = "/api/v1/articles?q=cau%20treo%20zorbalo";
    let (_, before) = TestPortal::on_pool(pool.clone()).get_json(search).await;
    assert_eq!(before["total"], 0, "{before}");

    reindex();
    let (status, after) = TestPortal::on_pool(pool).get_json(search).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(after["total"], 1, "{after}");
    assert_eq!(after["items"][0]["title"], renamed);
}
