//! `portal-server migrate`: a SQLite portal copied whole into PostgreSQL.

mod common;

use common::{blocking, post_json, TestPortal};
use portal_server::db::{self, copy};
use portal_server::store;
use serde_json::json;

/// Every table of the SQLite schema is copied (or is the search index, rebuilt instead, or the
/// content's generation, which the copy's own writes move): a table added later without a
/// place in the copy fails here, on either engine's run.
#[test]
fn every_table_is_copied() {
    let dir = tempfile::tempdir().unwrap();
    let pool = db::open(&db::Location::Sqlite(dir.path().join("portal.db"))).unwrap();
    let mut tables: Vec<String> = pool
        .get()
        .unwrap()
        .query(
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'
               AND name NOT LIKE 'articles_marked_fts%' AND name NOT LIKE 'articles_title_fts%'
               AND name NOT LIKE 'documents_fts%'
               AND name <> 'content_generation'
             ORDER BY name",
            &[],
            |row| row.get(0),
        )
        .unwrap();
    let mut copied: Vec<String> = copy::copied_tables()
        .into_iter()
        .map(String::from)
        .collect();
    tables.sort();
    copied.sort();
    assert_eq!(tables, copied);
}

#[tokio::test]
async fn a_sqlite_portal_arrives_whole_in_postgresql() {
    if !common::on_postgres() {
        eprintln!("no PORTAL_TEST_DATABASE_URL: no PostgreSQL to copy into");
        return;
    }
    // A SQLite portal that has been used: articles, feedback, visits, ratings.
    let dir = tempfile::tempdir().unwrap();
    let source =
        blocking(|| db::open(&db::Location::Sqlite(dir.path().join("portal.db"))).unwrap());
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    blocking(|| portal_server::seed::seed_if_empty(&mut source.get().unwrap(), &content).unwrap());
    let used = TestPortal::on_pool(source.clone());
    for i in 0..3 {
        let feedback = json!({"name": format!("Người gửi {i}"), "email": "a@example.com",
            "title": "Đường thôn", "message": "Đề nghị sửa đường.", "elapsed_ms": 60000});
        let (status, _, _) = used
            .request(common::from_peer(
                post_json("/api/v1/feedback", &feedback),
                [192, 0, 2, i],
            ))
            .await;
        assert_eq!(status, 201);
        let (status, _, _) = used
            .request(common::from_peer(
                post_json("/api/v1/visits", &json!({})),
                [192, 0, 2, i],
            ))
            .await;
        assert_eq!(status, 200);
    }
    let (_, before) = used.get_json("/api/v1/articles?q=van%20phong").await;
    let (_, stats_before) = used.get_json("/api/v1/stats").await;
    let (_, documents_before) = used.get_json("/api/v1/documents?q=125%20qd").await;
    let (_, questions_before) = used.get_json("/api/v1/questions?q=dat").await;
    let (_, document_before) = used
        .get_json("/api/v1/documents/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen")
        .await;
    let file_url = document_before["files"][0]["url"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, _, file_before) = used.get(&file_url).await;

    let target = common::open_database(dir.path());
    let counts = blocking(|| {
        copy::copy_all(&mut source.get().unwrap(), &mut target.get().unwrap()).unwrap()
    });
    let count_of = |table: &str| counts.iter().find(|(t, _)| *t == table).unwrap().1;
    assert!(count_of("articles") > 50);
    // The three sent here, and the demo's answered questions.
    let demo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(content.join("questions.json")).unwrap())
            .unwrap();
    let demo_questions = demo["questions"].as_array().unwrap().len() as u64;
    assert_eq!(count_of("feedback"), 3 + demo_questions);

    // The copy answers as the original did, and goes on numbering after it.
    let moved = TestPortal::on_pool(target.clone());
    let (_, after) = moved.get_json("/api/v1/articles?q=van%20phong").await;
    assert_eq!(after, before);
    let (_, stats_after) = moved.get_json("/api/v1/stats").await;
    assert_eq!(stats_after, stats_before);
    // Documents too: their search index rebuilt, their files whole.
    let (_, questions_after) = moved.get_json("/api/v1/questions?q=dat").await;
    assert_eq!(questions_after, questions_before);
    assert!(questions_after["total"].as_u64().unwrap() >= 1);
    let (_, documents_after) = moved.get_json("/api/v1/documents?q=125%20qd").await;
    assert_eq!(documents_after, documents_before);
    assert!(documents_after["total"].as_u64().unwrap() >= 1);
    let (_, document_after) = moved
        .get_json("/api/v1/documents/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen")
        .await;
    assert_eq!(document_after, document_before);
    let (status, _, file_after) = moved.get(&file_url).await;
    assert_eq!(status, 200);
    assert_eq!(file_after, file_before);
    assert!(file_after.starts_with(b"%PDF-"));
    let feedback = json!({"name": "Người mới", "email": "b@example.com",
        "title": "Sau khi chuyển", "message": "Vẫn gửi được.", "elapsed_ms": 60000});
    let (status, _, body) = moved
        .request(common::from_peer(
            post_json("/api/v1/feedback", &feedback),
            [198, 51, 100, 1],
        ))
        .await;
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let receipt: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let next = format!("{:06}", 3 + demo_questions + 1);
    assert!(
        receipt["reference"].as_str().unwrap().ends_with(&next),
        "{receipt}"
    );

    // A second copy into a database with content is refused: nothing would be merged right.
    let again = blocking(|| copy::copy_all(&mut source.get().unwrap(), &mut target.get().unwrap()));
    assert!(
        matches!(again, Err(copy::CopyError::TargetNotEmpty(_))),
        "{again:?}"
    );
    let articles = blocking(|| store::articles::article_count(&mut target.get().unwrap()).unwrap());
    assert_eq!(articles, count_of("articles"));
}
