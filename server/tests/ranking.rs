//! Search ranking against a corpus of judged queries (`fixtures/ranking-corpus.json`): 30
//! queries over the demo content, each with the articles a reader would expect first, in
//! order, judged by reading the articles (the judge's reason is in the file). A faster or
//! rewritten engine must still give these answers.

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::TestPortal;
use serde::Deserialize;

#[derive(Deserialize)]
struct Judged {
    query: String,
    rule: String,
    expected: Vec<String>,
    why: String,
}

/// The demo content, seeded as `make run` seeds it.
fn demo_portal() -> TestPortal {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::open_database(dir.path());
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    common::blocking(|| {
        portal_server::seed::seed_if_empty(&mut pool.get().unwrap(), &content).unwrap()
    });
    TestPortal::on_pool(pool)
}

/// The slugs of the first `count` hits of `query`.
async fn first_hits(portal: &TestPortal, query: &str, count: usize) -> Vec<String> {
    let encoded: String = url::form_urlencoded::byte_serialize(query.as_bytes()).collect();
    let (status, body) = portal
        .get_json(&format!("/api/v1/articles?q={encoded}&per_page={count}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn judged_queries_get_their_expected_first_hits() {
    let corpus: Vec<Judged> = serde_json::from_str(include_str!("fixtures/ranking-corpus.json"))
        .expect("the corpus is valid");
    assert_eq!(corpus.len(), 30);
    for rule in ["phrase", "whole_word", "tone_marks", "title", "common"] {
        assert!(
            corpus.iter().filter(|judged| judged.rule == rule).count() >= 5,
            "at least five queries of the rule {rule}"
        );
    }
    let portal = demo_portal();
    let mut wrong = Vec::new();
    for judged in &corpus {
        let found = first_hits(&portal, &judged.query, judged.expected.len()).await;
        if found != judged.expected {
            wrong.push(format!(
                "{:?} ({}): expected {:?} ({}), got {:?}",
                judged.query, judged.rule, judged.expected, judged.why, found
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} judged queries ranked differently:\n{}",
        wrong.len(),
        corpus.len(),
        wrong.join("\n")
    );
}
