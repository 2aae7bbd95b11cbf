//! The JSON API against a real SQLite file: every endpoint, paging edges and bad parameters.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestPortal;

#[tokio::test]
async fn site_has_contacts_and_the_menu_in_order() {
    let portal = TestPortal::with_articles(3);
    let (status, site) = portal.get_json("/api/v1/site").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(site["name"], "Cổng thông tin điện tử huyện Thử Nghiệm");
    assert_eq!(site["contacts"]["phone"], "0203 000 000");
    let menu: Vec<&str> = site["menu"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(menu, ["tin-trong-huyen", "quoc-phong-an-ninh", "thong-bao"]);
}

#[tokio::test]
async fn categories_count_their_articles() {
    let portal = TestPortal::with_articles(10);
    let (status, categories) = portal.get_json("/api/v1/categories").await;
    assert_eq!(status, StatusCode::OK);
    let counts: Vec<(String, u64)> = categories
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["slug"].as_str().unwrap().to_string(),
                c["article_count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("tin-trong-huyen".into(), 4),
            ("quoc-phong-an-ninh".into(), 3),
            ("thong-bao".into(), 3)
        ]
    );
    assert_eq!(categories[1]["name"], "Quốc phòng – An ninh");
    assert!(categories[1]["parent"].is_null());
}

#[tokio::test]
async fn articles_are_newest_first_in_pages() {
    let portal = TestPortal::with_articles(23);
    let (status, first) = portal.get_json("/api/v1/articles").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            first["page"].as_u64(),
            first["per_page"].as_u64(),
            first["total"].as_u64()
        ),
        (Some(1), Some(10), Some(23))
    );
    let items = first["items"].as_array().unwrap();
    assert_eq!(items.len(), 10);
    assert_eq!(
        items[0]["title"],
        "Bài viết thử số 0 về đường giao thông xã Đồng Văn"
    );
    assert_eq!(items[0]["published_at"], "2024-11-01T08:30:00+07:00");
    assert_eq!(items[0]["category"]["name"], "Tin trong huyện");
    assert!(
        items[0].get("body_html").is_none(),
        "lists carry summaries, not bodies"
    );
    let times: Vec<&str> = items
        .iter()
        .map(|i| i["published_at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);

    let (_, last) = portal.get_json("/api/v1/articles?page=3").await;
    let last_items = last["items"].as_array().unwrap();
    assert_eq!(last_items.len(), 3);
    assert_eq!(
        last_items[2]["title"],
        "Bài viết thử số 22 về đường giao thông xã Đồng Văn"
    );

    let (status, beyond) = portal.get_json("/api/v1/articles?page=4").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(beyond["items"].as_array().unwrap().len(), 0);
    assert_eq!(beyond["total"], 23);

    let (_, big) = portal.get_json("/api/v1/articles?per_page=50").await;
    assert_eq!(big["items"].as_array().unwrap().len(), 23);
}

/// PostgreSQL can neither store nor compare text with a NUL character; both engines refuse
/// it alike, as a 400, wherever a request carries it to the database.
#[tokio::test]
async fn a_nul_character_is_a_json_400_on_both_engines() {
    let portal = TestPortal::with_articles(3);
    for uri in [
        "/api/v1/articles?category=tin%00",
        "/api/v1/articles/bai%00viet",
        "/api/v1/categories/tin%00",
    ] {
        let (status, body) = portal.get_json(uri).await;
        assert!(
            status == StatusCode::BAD_REQUEST || status == StatusCode::NOT_FOUND,
            "{uri}: {status} {body}"
        );
        assert!(body["error"]["code"].is_string(), "{uri}: {body}");
    }
    let (status, body) = portal.get_json("/api/v1/articles?category=tin%00").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
}

#[tokio::test]
async fn bad_paging_gets_a_json_400() {
    let portal = TestPortal::with_articles(3);
    for uri in [
        "/api/v1/articles?page=0",
        "/api/v1/articles?page=abc",
        "/api/v1/articles?page=-1",
        "/api/v1/articles?page=1.5",
        "/api/v1/articles?page=",
        "/api/v1/articles?per_page=9999",
        "/api/v1/articles?per_page=0",
        "/api/v1/articles?per_page=51",
        "/api/v1/articles?page=99999999999999999999999",
    ] {
        portal
            .assert_error(uri, StatusCode::BAD_REQUEST, "bad_request")
            .await;
    }
    let message = portal
        .assert_error(
            "/api/v1/articles?per_page=9999",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    assert!(message.contains("per_page"), "{message}");
}

#[tokio::test]
async fn filters_by_category_and_featured() {
    let portal = TestPortal::with_articles(30);
    let (_, defence) = portal
        .get_json("/api/v1/articles?category=quoc-phong-an-ninh&per_page=50")
        .await;
    assert_eq!(defence["total"], 10);
    assert!(defence["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["category"]["slug"] == "quoc-phong-an-ninh"));

    let (_, featured) = portal
        .get_json("/api/v1/articles?featured=true&per_page=50")
        .await;
    // Articles 0, 7, 14, 21, 28.
    assert_eq!(featured["total"], 5);
    assert!(featured["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["featured"] == true));

    let (_, both) = portal
        .get_json("/api/v1/articles?featured=true&category=tin-trong-huyen")
        .await;
    // Of 0, 7, 14, 21, 28 those with i % 3 == 0: 0 and 21.
    assert_eq!(both["total"], 2);

    let (_, not_featured) = portal.get_json("/api/v1/articles?featured=false").await;
    assert_eq!(not_featured["total"], 25);

    portal
        .assert_error(
            "/api/v1/articles?featured=maybe",
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    portal
        .assert_error(
            "/api/v1/articles?category=khong-co",
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
}

#[tokio::test]
async fn an_article_has_its_body_and_related_articles() {
    let portal = TestPortal::with_articles(20);
    let slug = "bai-viet-thu-so-3-ve-duong-giao-thong-xa-dong-van";
    let (status, article) = portal.get_json(&format!("/api/v1/articles/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(article["slug"], slug);
    assert_eq!(
        article["title"],
        "Bài viết thử số 3 về đường giao thông xã Đồng Văn"
    );
    assert_eq!(
        article["body_html"],
        "<p>Đoạn một của bài 3.</p><p>Đoạn hai.</p>"
    );
    assert_eq!(article["author"], "Ban biên tập");
    assert_eq!(article["category"]["slug"], "tin-trong-huyen");
    assert_eq!(article["updated_at"], article["published_at"]);
    let related: Vec<&str> = article["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    // Same category (every third article), newest first, without itself, at most five.
    assert_eq!(related.len(), 5);
    assert!(related[0].contains("số 0 "), "{related:?}");
    assert!(related[1].contains("số 6 "), "{related:?}");
    assert!(related.iter().all(|t| !t.contains("số 3 ")));

    portal
        .assert_error(
            "/api/v1/articles/khong-co-bai-nay",
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    portal
        .assert_error(
            "/api/v1/articles/%F0%9F%98%80%20'%22",
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
}

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_json() {
    let portal = TestPortal::with_articles(1);
    portal
        .assert_error("/api/v1/khong-co", StatusCode::NOT_FOUND, "not_found")
        .await;
    portal
        .assert_error("/api/v2/articles", StatusCode::NOT_FOUND, "not_found")
        .await;
    portal
        .assert_error("/api", StatusCode::NOT_FOUND, "not_found")
        .await;
    portal
        .assert_error("/api/v1/articles/a/b", StatusCode::NOT_FOUND, "not_found")
        .await;

    let (status, headers, body) = portal
        .request(
            Request::delete("/api/v1/articles")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn app_routes_get_the_app_page_and_unknown_ones_a_404() {
    let portal = TestPortal::with_articles(3);
    let article = "/tin-tuc/bai-viet-thu-so-0-ve-duong-giao-thong-xa-dong-van";
    for uri in [
        "/",
        "/chuyen-muc/thong-bao?trang=2",
        "/tim-kiem?q=x",
        "/lich-cong-tac",
        "/lien-ket",
        article,
    ] {
        let (status, headers, body) = portal.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert_eq!(headers["cache-control"], "no-cache", "{uri}");
        assert!(
            String::from_utf8(body).unwrap().contains("import init"),
            "{uri}"
        );
    }
    for uri in [
        "/khong-co-trang-nay",
        "/tin-tuc/khong-co-bai-nay",
        "/chuyen-muc/khong-co",
        "/tin-tuc/a/b",
    ] {
        let (status, headers, body) = portal.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert!(
            String::from_utf8(body).unwrap().contains("import init"),
            "the app draws the 404 page: {uri}"
        );
    }
    let (status, headers, _) = portal.get("/portal-web-0123456789abcdef.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn reading_pages_get_the_reader_app_and_the_map_gallery_and_widgets_the_full_app() {
    let portal = TestPortal::with_articles(3);
    let reader_script = "import init from '/reader/portal-web-fedcba9876543210.js'";
    let full_script = "import init from '/portal-web-0123456789abcdef.js'";
    for uri in [
        "/",
        "/tin-tuc/bai-viet-thu-so-0-ve-duong-giao-thong-xa-dong-van",
        "/chuyen-muc/thong-bao",
        "/tim-kiem?q=x",
        "/lich-cong-tac",
        "/lien-ket",
        "/gui-y-kien",
        "/khong-co-trang-nay",
    ] {
        let (_, _, body) = portal.get(uri).await;
        let html = String::from_utf8(body).unwrap();
        assert!(html.contains(reader_script), "{uri}: {html}");
    }
    for uri in ["/ban-do", "/nhung", "/embed/tin-moi", "/embed/khong-co"] {
        let (_, _, body) = portal.get(uri).await;
        let html = String::from_utf8(body).unwrap();
        assert!(html.contains(full_script), "{uri}: {html}");
    }
    // Either page may start the app: the policy allows both inline scripts, and only those.
    let (_, headers, _) = portal.get("/").await;
    let policy = headers["content-security-policy"].to_str().unwrap();
    let script_src = policy
        .split("; ")
        .find(|directive| directive.starts_with("script-src "))
        .unwrap();
    assert_eq!(script_src.matches("'sha256-").count(), 2, "{policy}");
}

#[tokio::test]
async fn an_article_page_carries_its_preview_without_scripts() {
    let portal =
        TestPortal::with_state(3, |state| state.with_public_url("https://binhlieu.example"));
    let request = Request::get("/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van")
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = portal.request(request).await;
    let html = String::from_utf8(body).unwrap();
    assert!(
        html.contains("<title>Bài viết thử số 1 về đường giao thông xã Đồng Văn</title>"),
        "{html}"
    );
    assert!(
        html.contains("<meta name=\"description\" content=\"Tóm tắt bài 1.\">"),
        "{html}"
    );
    assert!(html.contains("<meta property=\"og:title\" content=\"Bài viết thử số 1 về đường giao thông xã Đồng Văn\">"), "{html}");
    assert!(
        html.contains("<meta property=\"og:description\" content=\"Tóm tắt bài 1.\">"),
        "{html}"
    );
    assert!(html.contains(
        "<meta property=\"og:url\" content=\"https://binhlieu.example/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van\">"
    ), "{html}");
    // No lead image: the portal's own share image, at its size.
    assert!(
        html.contains("<meta property=\"og:image\" content=\"https://binhlieu.example/share-image.png\"><meta property=\"og:image:width\" content=\"1200\">"),
        "{html}"
    );
    // The article itself, readable before the app starts (and without JavaScript).
    assert!(
        html.contains(
            "<h1 class=\"article-title\">Bài viết thử số 1 về đường giao thông xã Đồng Văn</h1>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<div class=\"article-body\"><p>Đoạn một của bài 1.</p><p>Đoạn hai.</p></div>"
        ),
        "{html}"
    );
    // Other reading pages carry the portal's name and menu alone (the home page has its own
    // view, `the_home_page_arrives_with_its_blocks`); the full app's, nothing.
    for uri in ["/lien-ket", "/tin-tuc/khong-co-bai-nay"] {
        let (_, _, body) = portal.get(uri).await;
        let html = String::from_utf8(body).unwrap();
        assert!(
            html.contains("<div id=\"server-page\"><header"),
            "{uri}: {html}"
        );
        assert!(
            html.contains("<a href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{uri}: {html}"
        );
        assert!(!html.contains("<article"), "{uri}: {html}");
    }
    for uri in ["/ban-do", "/nhung", "/embed/tin-moi"] {
        let (_, _, body) = portal.get(uri).await;
        let html = String::from_utf8(body).unwrap();
        assert!(!html.contains("server-page"), "{uri}: {html}");
    }
}

#[tokio::test]
async fn a_category_page_arrives_with_its_page_of_articles() {
    // Every third fixture article is a notice: 15 of 45, two pages of ten.
    let portal = &TestPortal::with_articles(45);
    let page = |uri: &'static str| async move {
        let (status, _, body) = portal.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        String::from_utf8(body).unwrap()
    };
    let cards = |html: &str| html.matches("<article class=\"article-card\">").count();

    let html = page("/chuyen-muc/thong-bao").await;
    assert!(
        html.contains("<h1 class=\"page-title\">Thông báo</h1>"),
        "{html}"
    );
    assert!(
        html.contains("<p class=\"list-total\">15 bài viết · Trang 1/2</p>"),
        "{html}"
    );
    assert_eq!(cards(&html), 10);
    // Newest first: the notices are articles 2, 5, 8… of the fixture, a day apart.
    assert!(html.contains(
        "<h2 class=\"article-card-title\"><a href=\"/tin-tuc/bai-viet-thu-so-2-ve-duong-giao-thong-xa-dong-van\">"
    ));
    assert!(html.contains("<a href=\"/chuyen-muc/thong-bao?trang=2\" rel=\"next\">Sau ›</a>"));
    // Readable without JavaScript.
    assert!(!html.contains("<noscript>"), "{html}");

    let html = page("/chuyen-muc/thong-bao?trang=2").await;
    assert_eq!(cards(&html), 5);
    assert!(html.contains("15 bài viết · Trang 2/2"));
    assert!(html.contains("bai-viet-thu-so-32-ve-duong"));
    assert!(html.contains("rel=\"prev\""));
    // As the app reads the address: an unreadable page is the first.
    assert_eq!(cards(&page("/chuyen-muc/thong-bao?trang=hai").await), 10);
    let beyond = page("/chuyen-muc/thong-bao?trang=9").await;
    assert!(
        beyond.contains("<p class=\"empty\">Trang này không có bài viết. <a href=\"/chuyen-muc/thong-bao\">Về trang đầu</a></p>"),
        "{beyond}"
    );
    // A page the API would refuse: the portal's name and menu only, which the app replaces.
    let refused = page("/chuyen-muc/thong-bao?trang=99999999").await;
    assert!(refused.contains("<div id=\"server-page\"><header"));
    assert!(!refused.contains("page-title"), "{refused}");
}

#[tokio::test]
async fn the_home_page_arrives_with_its_blocks() {
    // Every seventh fixture article is featured (0, 7, 14, 21, 28); they cycle through the
    // three categories, one a day back, so each category's newest four are known.
    let portal = TestPortal::with_articles(30);
    let (status, _, body) = portal.get("/").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    let t = portal_contract::Lang::Vi.texts();
    let article =
        |n: usize| format!("href=\"/tin-tuc/bai-viet-thu-so-{n}-ve-duong-giao-thong-xa-dong-van\"");
    let column = &html[html
        .find("<div class=\"main-column\">")
        .expect("the main column")..];

    // The featured news: the newest featured article leads, the other four beside it.
    assert!(column.contains(&format!(
        "<h2 id=\"featured-heading\" class=\"section-heading\">{}</h2>",
        t.featured_heading
    )));
    let lead = &column[column.find("<article class=\"featured-lead\">").unwrap()..];
    assert!(
        lead.starts_with(&format!(
            "<article class=\"featured-lead\"><h3><a {}>",
            article(0)
        )),
        "{lead}"
    );
    // Then each block in the menu's order, with its newest articles.
    let order: Vec<usize> = [
        "featured-heading",
        "latest-documents-heading",
        "latest-questions-heading",
        "category-tin-trong-huyen",
        "category-quoc-phong-an-ninh",
        "category-thong-bao",
    ]
    .iter()
    .map(|id| {
        column
            .find(&format!("<h2 id=\"{id}\""))
            .unwrap_or_else(|| panic!("no {id}"))
    })
    .collect();
    assert!(order.is_sorted(), "{order:?}");
    let block = |id: &str| {
        let start = column.find(&format!("aria-labelledby=\"{id}\"")).unwrap();
        &column[start..start + column[start..].find("</section>").unwrap()]
    };
    for (id, newest) in [
        ("category-tin-trong-huyen", [0, 3, 6, 9]),
        ("category-quoc-phong-an-ninh", [1, 4, 7, 10]),
        ("category-thong-bao", [2, 5, 8, 11]),
    ] {
        let block = block(id);
        let shown: Vec<bool> = (0..12).map(|n| block.contains(&article(n))).collect();
        let expected: Vec<bool> = (0..12).map(|n| newest.contains(&n)).collect();
        assert_eq!(shown, expected, "{id}: {block}");
    }
    assert_eq!(
        column.matches("<article class=\"article-card\">").count(),
        4 + 3 * 4
    );
    // No documents or answers yet: the app's sentences.
    assert!(block("latest-documents-heading")
        .contains(&format!("<p class=\"empty\">{}</p>", t.no_documents)));
    assert!(block("latest-questions-heading").contains(&format!(
        "<p class=\"empty\">{}</p>",
        t.no_answered_questions
    )));
    // Readable without JavaScript.
    assert!(!html.contains("<noscript>"), "{html}");

    // The English home page has its own page, not this one.
    let (_, _, english) = portal.get("/en").await;
    assert!(!String::from_utf8(english)
        .unwrap()
        .contains("featured-heading"));
}

#[tokio::test]
async fn the_search_page_arrives_with_its_hits() {
    // All 30 fixture articles are about "đường giao thông xã Đồng Văn": three pages of hits.
    let portal = &TestPortal::with_articles(30);
    let page = |uri: &'static str| async move {
        let (status, _, body) = portal.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        String::from_utf8(body).unwrap()
    };
    let t = portal_contract::Lang::Vi.texts();
    let hits = |html: &str| html.matches("<li><article class=\"article-card\">").count();

    let html = page("/tim-kiem?q=dong+van&trang=2").await;
    let total = format!(
        "<p class=\"list-total\" role=\"status\">{}{}</p>",
        portal_contract::fill(t.search_found, &[("n", "30")]),
        portal_contract::fill(t.page_of, &[("current", "2"), ("count", "3")])
    );
    assert!(html.contains(&total), "{html}");
    assert_eq!(hits(&html), 10);
    assert!(html.contains("xã <mark>Đồng Văn</mark></a></h3>"), "{html}");
    // The links keep the words, written as the app writes them.
    assert!(
        html.contains("<a href=\"/tim-kiem?q=dong%20van&amp;trang=3\" rel=\"next\">"),
        "{html}"
    );
    // The form holds the words and searches without the script.
    assert!(html.contains(
        "<form class=\"search-form\" role=\"search\" action=\"/tim-kiem\" method=\"get\">"
    ));
    assert!(
        html.contains("name=\"q\" maxlength=\"200\" value=\"dong van\">"),
        "{html}"
    );
    // No document has these words.
    let no_documents = portal_contract::fill(t.search_no_documents, &[("text", "dong van")]);
    assert!(
        html.contains(&format!("<p class=\"empty\">{no_documents}</p>")),
        "{html}"
    );
    assert!(!html.contains("<noscript>"));

    // Filtered to a category: the form shows it chosen; a third of the articles.
    let html = page("/tim-kiem?q=dong%20van&chuyen-muc=thong-bao").await;
    assert!(
        html.contains("<option value=\"thong-bao\" selected>Thông báo</option>"),
        "{html}"
    );
    assert_eq!(hits(&html), 10);
    assert!(html.contains(&portal_contract::fill(t.search_found, &[("n", "10")])));

    // Nothing asked: the hint.
    assert!(page("/tim-kiem")
        .await
        .contains(&format!("<p class=\"hint\">{}</p>", t.search_hint)));
    // Nothing found: what to try instead, with the search without its filters.
    let html = page("/tim-kiem?q=c%C3%A0%20ph%C3%AA&tu-ngay=2024-10-01").await;
    assert!(
        html.contains("<div class=\"no-results\" role=\"status\">"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"/tim-kiem?q=c%C3%A0%20ph%C3%AA\">"),
        "{html}"
    );
    // A search the API refuses: the frame only, and the app says what is wrong.
    let html = page("/tim-kiem?q=dong&tu-ngay=hom-qua").await;
    assert!(html.contains("<div id=\"server-page\"><header"));
    assert!(!html.contains("search-results"), "{html}");
    // What a reader typed is written back as text, never as markup: in the field, in "no
    // results for …" and in the links.
    let html =
        page("/tim-kiem?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&tu-ngay=2024-01-01").await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
        "{html}"
    );
    assert!(
        html.contains("q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E\""),
        "{html}"
    );
    let html = page("/tim-kiem?q=dong&tu-ngay=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert!(!html.contains("<script>alert"), "{html}");
    // English: the English articles only (none here), no categories, no documents.
    let html = page("/en/search?q=dong").await;
    assert!(
        html.contains("<div class=\"no-results\" role=\"status\">"),
        "{html}"
    );
    assert!(
        !html.contains("search-category") && !html.contains("search-documents"),
        "{html}"
    );
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let portal = TestPortal::with_articles(20);
    for encoding in ["br", "gzip"] {
        let (status, headers, _) = portal
            .request(
                Request::get("/api/v1/articles")
                    .header("accept-encoding", encoding)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-encoding"], encoding);
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let portal = TestPortal::with_articles(1);
    for uri in [
        "/",
        "/tin-tuc/x",
        "/api/v1/site",
        "/api/v1/khong-co",
        "/portal-web-0123456789abcdef.js",
    ] {
        let (_, headers, _) = portal.get(uri).await;
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(
            policy.contains("object-src 'none'") && policy.contains("base-uri 'self'"),
            "{uri}: {policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{uri}: {policy}");
        assert_eq!(headers["x-frame-options"], "DENY", "{uri}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{uri}"
        );
        let permissions = headers["permissions-policy"].to_str().unwrap();
        assert!(permissions.contains("camera=()"), "{uri}");
        // Browsers no longer know FLoC's feature and warn about it.
        assert!(!permissions.contains("interest-cohort"), "{uri}");
        assert!(headers.get("server").is_none(), "{uri}");
    }
}

#[tokio::test]
async fn api_answers_carry_an_etag_and_a_lifetime() {
    let portal = TestPortal::with_articles(5);
    let (status, headers, _) = portal.get("/api/v1/articles?page=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["cache-control"],
        "public, max-age=60, stale-while-revalidate=600"
    );
    let etag = headers["etag"].to_str().unwrap().to_string();
    let again = Request::get("/api/v1/articles?page=1")
        .header("if-none-match", &etag)
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = portal.request(again).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(headers["etag"], etag.as_str());
    assert!(body.is_empty());
    let (_, other, _) = portal.get("/api/v1/articles?page=2").await;
    assert_ne!(other["etag"], etag.as_str());

    let (_, stats, _) = portal.get("/api/v1/stats").await;
    assert_eq!(stats["cache-control"], "no-store");
    assert!(stats.get("etag").is_none());
    let (_, error, _) = portal.get("/api/v1/articles/khong-co").await;
    assert_eq!(error["cache-control"], "no-store");
}

/// A page's own address comes from `--public-url`, never from what the request claims: a
/// lying `Host` or `X-Forwarded-Proto` must not reach canonical links that caches keep.
#[tokio::test]
async fn pages_do_not_trust_the_host_or_forwarded_headers() {
    const ARTICLE: &str = "/tin-tuc/bai-viet-thu-so-1-ve-duong-giao-thong-xa-dong-van";
    let lying = || {
        Request::get(ARTICLE)
            .header("host", "evil.example")
            .header("x-forwarded-proto", "https")
            .header("x-forwarded-host", "evil.example")
            .body(Body::empty())
            .unwrap()
    };
    let relative = TestPortal::with_articles(3);
    let (status, _, body) = relative.request(lying()).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(!html.contains("evil.example"), "{html}");
    assert!(
        html.contains(&format!("<meta property=\"og:url\" content=\"{ARTICLE}\">")),
        "the forwarded scheme is not believed either: {html}"
    );
    assert!(
        html.contains(&format!("<link rel=\"canonical\" href=\"{ARTICLE}\">")),
        "{html}"
    );

    let configured = TestPortal::with_state(3, |state| {
        state.with_public_url("https://binhlieu.quangninh.gov.vn")
    });
    let html = String::from_utf8(configured.request(lying()).await.2).unwrap();
    assert!(!html.contains("evil.example"), "{html}");
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://binhlieu.quangninh.gov.vn{ARTICLE}\">"
    )));
}

#[tokio::test]
async fn requests_without_one_host_or_with_a_huge_address_are_refused_in_json() {
    let portal = TestPortal::with_articles(1);
    let mut duplicate = Request::get("/api/v1/site").body(Body::empty()).unwrap();
    duplicate
        .headers_mut()
        .append("host", "a.example".parse().unwrap());
    duplicate
        .headers_mut()
        .append("host", "b.example".parse().unwrap());
    let (status, headers, body) = portal.request(duplicate).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(headers["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "bad_request");

    // No Host at all: past the test helper, which adds one.
    let response = tower::ServiceExt::oneshot(
        portal.router.clone(),
        Request::get("/").body(Body::empty()).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    for path in ["/api/v1/articles?q=", "/tin-tuc/"] {
        let uri = format!("{path}{}", "a".repeat(9 * 1024));
        let (status, headers, body) = portal.get(&uri).await;
        assert_eq!(status, StatusCode::URI_TOO_LONG, "{path}");
        assert_eq!(headers["content-type"], "application/json");
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "uri_too_long");
    }
}

#[tokio::test]
async fn a_path_the_file_server_cannot_open_is_the_404_page() {
    let portal = TestPortal::with_articles(1);
    for path in [
        format!("/{}", "a".repeat(256)),
        format!("/{}.js", "b".repeat(300)),
        format!("/tin-tuc/{}", "c".repeat(256)),
        "/%00".to_string(),
    ] {
        let (status, headers, body) = portal.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            headers["content-type"], "text/html; charset=utf-8",
            "{path}"
        );
        assert!(String::from_utf8(body).unwrap().contains("<!DOCTYPE html>"));
    }
    for path in [
        "/api/",
        "/api",
        "/api/v2/site",
        "/api/v1/",
        "/api/v1/khong-co",
    ] {
        let (status, headers, _) = portal.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(headers["content-type"], "application/json", "{path}");
    }
}

/// Precompressed files and compressed answers differ by `Accept-Encoding`: caches must know.
#[tokio::test]
async fn every_answer_varies_on_accept_encoding() {
    let portal = TestPortal::with_articles(1);
    let js = portal.path("dist").join("portal-web-0123456789abcdef.js");
    std::fs::write(js.with_extension("js.br"), b"br").unwrap();
    for path in [
        "/portal-web-0123456789abcdef.js",
        "/",
        "/api/v1/site",
        "/api/v1/khong-co",
    ] {
        for encoding in ["br", "identity"] {
            let request = Request::get(path)
                .header("accept-encoding", encoding)
                .body(Body::empty())
                .unwrap();
            let (_, headers, _) = portal.request(request).await;
            let vary: Vec<&str> = headers
                .get_all("vary")
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect();
            assert!(
                vary.iter()
                    .any(|v| v.to_ascii_lowercase().contains("accept-encoding")),
                "{path} {encoding}: {vary:?}"
            );
        }
    }
}

/// A link to the home page or a category shared on Zalo or Facebook shows a card, not a bare
/// address: every reading page carries Open Graph tags and the portal's share image.
#[tokio::test]
async fn every_reading_page_carries_a_preview_card() {
    let portal =
        TestPortal::with_state(3, |state| state.with_public_url("https://binhlieu.example"));
    let tag = |property: &str, content: &str| {
        format!("<meta property=\"og:{property}\" content=\"{content}\">")
    };
    for (path, title, url) in [
        (
            "/",
            "Cổng thông tin điện tử huyện Thử Nghiệm",
            "https://binhlieu.example/",
        ),
        (
            "/chuyen-muc/thong-bao",
            "Thông báo | Cổng thông tin điện tử huyện Thử Nghiệm",
            "https://binhlieu.example/chuyen-muc/thong-bao",
        ),
        (
            "/lich-cong-tac",
            "Cổng thông tin điện tử huyện Thử Nghiệm",
            "https://binhlieu.example/lich-cong-tac",
        ),
    ] {
        let (status, _, body) = portal.get(path).await;
        assert_eq!(status, StatusCode::OK);
        let html = String::from_utf8(body).unwrap();
        for expected in [
            tag("type", "website"),
            tag("title", title),
            tag("url", url),
            tag("image", "https://binhlieu.example/share-image.png"),
            format!("<title>{title}</title>"),
        ] {
            assert!(html.contains(&expected), "{path}: {expected} in {html}");
        }
        assert!(html.contains("<meta property=\"og:description\""), "{path}");
    }
    // A page that does not exist gets no card.
    let (status, _, body) = portal.get("/chuyen-muc/khong-co").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!String::from_utf8(body).unwrap().contains("og:title"));
    // A category's page names its feed.
    let html = String::from_utf8(portal.get("/chuyen-muc/thong-bao").await.2).unwrap();
    assert!(html.contains(
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Tin của chuyên mục\" href=\"/rss/thong-bao.xml\">"
    ));
}
