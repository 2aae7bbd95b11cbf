//! SQLite and PostgreSQL answer searches alike: the same hits, in the same order, with the
//! same totals, on the shipped demo content. Runs when `PORTAL_TEST_DATABASE_URL` names a
//! PostgreSQL server (`make test` starts one); without it there is nothing to compare with.

mod common;

use std::path::Path;

use portal_contract::PageRequest;
use portal_server::db::{self, Conn};
use portal_server::search::SearchTerms;
use portal_server::store::articles::{list_articles, ArticleFilter};
use portal_server::{seed, store};

/// What citizens type: with and without tone marks, `đ` both ways, unfinished words, words
/// that are common and rare, and query syntax of both engines that must stay plain words.
const QUERIES: &[&str] = &[
    "van phong",
    "văn phòng",
    "VĂN PHÒNG",
    "phong van",
    "dong",
    "đồng",
    "Đ",
    "d",
    "bien gioi",
    "biên giới",
    "quoc pho",
    "quốc phòng an ninh",
    "q",
    "ph",
    "huyen",
    "xa",
    "binh lieu",
    "Bình Liêu",
    "hoanh mo",
    "cua khau",
    "nong thon moi",
    "le hoi",
    "du lich",
    "2024",
    "ubnd huyen",
    "thi tran",
    "khong co tu nay",
    "\"quoc\" OR phong*",
    "NEAR(an ninh)",
    "-tin +xa",
    "a & b | !c <-> d:*",
    "'; DROP TABLE articles; --",
    "title : huyen",
    "{body} : xa",
];

fn seeded(pool: &db::Pool) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let seeded = seed::seed_if_empty(&mut pool.get().unwrap(), &content).unwrap();
    assert!(
        matches!(seeded, seed::Seeded::Articles(count) if count > 50),
        "{seeded:?}"
    );
}

/// A SQLite and a PostgreSQL database in `dir`, both seeded with the demo content; none
/// without a PostgreSQL server to compare SQLite with.
fn seeded_engines(dir: &Path) -> Option<[db::Pool; 2]> {
    if !common::on_postgres() {
        eprintln!("no PORTAL_TEST_DATABASE_URL: nothing to compare SQLite with");
        return None;
    }
    let sqlite = db::open(&db::Location::Sqlite(dir.join("portal.db"))).unwrap();
    let postgres = common::open_database(dir);
    assert_eq!(postgres.engine(), db::Engine::Postgres);
    seeded(&sqlite);
    seeded(&postgres);
    Some([sqlite, postgres])
}

/// Every hit of `query` (in one category when given): slugs in order, the total, and the
/// marked title and snippet of each.
fn search(conn: &mut Conn, query: &str, category: Option<i64>) -> (u64, Vec<String>) {
    let filter = ArticleFilter {
        terms: SearchTerms::parse(query),
        category_id: category,
        ..Default::default()
    };
    let page = PageRequest::parse(None, Some("50")).unwrap();
    let hits = list_articles(conn, &filter, page).unwrap();
    let described = hits
        .items
        .iter()
        .map(|hit| format!("{} {:?}", hit.slug, hit.highlight))
        .collect();
    (hits.total, described)
}

#[test]
fn search_answers_the_same_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let Some([sqlite, postgres]) = seeded_engines(dir.path()) else {
        return;
    };
    let (mut lite, mut pg) = (sqlite.get().unwrap(), postgres.get().unwrap());
    let category = store::categories::category_id(&mut lite, "tin-trong-huyen")
        .unwrap()
        .expect("the demo content has this category");
    let mut compared_hits = 0;
    for query in QUERIES {
        for category in [None, Some(category)] {
            let on_sqlite = search(&mut lite, query, category);
            let on_postgres = search(&mut pg, query, category);
            assert_eq!(
                on_sqlite, on_postgres,
                "{query:?} (category {category:?}): SQLite, then PostgreSQL"
            );
            compared_hits += on_sqlite.1.len();
        }
    }
    // The comparison means something only if the queries find things.
    assert!(compared_hits > 200, "{compared_hits} hits compared");
    // "van phong" finds "văn phòng" first: the words as typed, next to each other.
    let first = list_articles(
        &mut lite,
        &ArticleFilter {
            terms: SearchTerms::parse("van phong"),
            ..Default::default()
        },
        PageRequest::parse(None, None).unwrap(),
    )
    .unwrap()
    .items
    .remove(0);
    let article = store::articles::article(&mut lite, &first.slug)
        .unwrap()
        .unwrap();
    let words =
        portal_server::search::index_text(&format!("{} {}", article.title, article.body_html));
    assert!(words.contains("van phong"), "{}", article.title);
}

/// Words common enough that PostgreSQL first reads the newest articles in key order for each
/// tier (`store::search::first_look`), dense tiers and rare ones, on pages 1 and 5, in a
/// category and a year: the same pages as SQLite's, which reads its indexes in key order.
#[test]
fn common_words_answer_the_same_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let Some([sqlite, postgres]) = seeded_engines(dir.path()) else {
        return;
    };
    let mut connections = Vec::new();
    for pool in [&sqlite, &postgres] {
        let mut conn = pool.get().unwrap();
        portal_server::synthetic::add_articles(&mut conn, 1500).unwrap();
        connections.push(conn);
    }
    let category = store::categories::category_id(&mut connections[0], "quoc-phong-an-ninh")
        .unwrap()
        .expect("the demo content has this category");
    let mut common_words = 0;
    for query in [
        "quoc phong",
        "quốc phòng",
        "huyen",
        "nong thon moi",
        "tuan tra tren tuyen bien gioi",
        "quoc pho",
        "tiem",
        "cai cach hanh chinh",
    ] {
        for (category, from) in [(None, None), (Some(category), None), (None, Some("2020"))] {
            for page in ["1", "5"] {
                let filter = ArticleFilter {
                    terms: SearchTerms::parse(query),
                    category_id: category,
                    from: from.map(|year| format!("{year}-01-01T00:00:00+07:00")),
                    until: from.map(|year| format!("{year}-12-31T00:00:00+07:00")),
                    ..Default::default()
                };
                let page = PageRequest::parse(Some(page), None).unwrap();
                let [on_sqlite, on_postgres] = [0, 1].map(|engine| {
                    let hits = list_articles(&mut connections[engine], &filter, page).unwrap();
                    let slugs: Vec<String> = hits.items.into_iter().map(|hit| hit.slug).collect();
                    (hits.total, slugs)
                });
                assert_eq!(
                    on_sqlite, on_postgres,
                    "{query:?} (category {category:?}, year {from:?}, {page:?}): SQLite, then PostgreSQL"
                );
                if on_sqlite.0 > 100 && !on_sqlite.1.is_empty() {
                    common_words += 1;
                }
            }
        }
    }
    // PostgreSQL reads the newest articles first only for words with over 100 hits: pages
    // of those, compared.
    assert!(
        common_words >= 16,
        "{common_words} searches of common words"
    );
}

/// Hits come tier after tier; a page may start inside any tier and run into the next. Pages
/// of 7, one after another, are the same hits as one page of 50, on this run's engine.
#[test]
fn pages_of_hits_join_up_into_the_whole_list() {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::open_database(dir.path());
    seeded(&pool);
    let mut conn = pool.get().unwrap();
    let mut compared = 0;
    for query in ["van phong", "phong", "bien gioi", "xa", "d", "huyen"] {
        let terms = SearchTerms::parse(query);
        let filter = ArticleFilter {
            terms,
            ..Default::default()
        };
        let whole = list_articles(
            &mut conn,
            &filter,
            PageRequest::parse(None, Some("50")).unwrap(),
        )
        .unwrap();
        let mut joined = Vec::new();
        for page in 1.. {
            let page = PageRequest::parse(Some(&page.to_string()), Some("7")).unwrap();
            let part = list_articles(&mut conn, &filter, page).unwrap();
            assert_eq!(part.total, whole.total, "{query}");
            if part.items.is_empty() {
                break;
            }
            joined.extend(part.items.into_iter().map(|hit| hit.slug));
        }
        let whole: Vec<String> = whole.items.into_iter().map(|hit| hit.slug).collect();
        assert_eq!(joined.get(..whole.len()), Some(&whole[..]), "{query}");
        compared += whole.len();
    }
    assert!(compared > 100, "{compared} hits compared");
}

/// What citizens type to find a document: numbers in every form, type codes, words of the
/// abstracts and bodies, and both engines' query syntax.
const DOCUMENT_QUERIES: &[&str] = &[
    "125/QĐ-UBND",
    "125/QD-UBND",
    "125 qd ubnd",
    "125",
    "125qdubnd",
    "qd",
    "QĐ",
    "kh ubnd",
    "nq hdnd",
    "15",
    "2025",
    "dat dai",
    "đất đai",
    "ke hoach",
    "chuyen doi so",
    "du lich cong dong",
    "ubnd",
    "y te",
    "song lung khung long",
    "khong co tu nay",
    "\"qd\" OR ubnd*",
    "'; DROP TABLE documents; --",
    "number : 125",
    "{body} : xa",
];

/// Every hit of `query` among the documents (of one type when given): slugs, statuses and
/// marked parts in order, and the total.
fn search_documents(conn: &mut Conn, query: &str, kind: Option<&str>) -> (u64, Vec<String>) {
    let filter = store::documents::DocumentFilter {
        terms: SearchTerms::parse(query),
        kind: kind.map(str::to_string),
        ..Default::default()
    };
    let page = PageRequest::parse(None, Some("50")).unwrap();
    let today = portal_server::clock::today();
    let hits = store::documents::list(conn, &filter, page, today).unwrap();
    let described = hits
        .items
        .iter()
        .map(|hit| format!("{} {:?} {:?}", hit.slug, hit.status, hit.highlight))
        .collect();
    (hits.total, described)
}

#[test]
fn document_search_answers_the_same_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let Some([sqlite, postgres]) = seeded_engines(dir.path()) else {
        return;
    };
    let (mut lite, mut pg) = (sqlite.get().unwrap(), postgres.get().unwrap());
    let mut compared_hits = 0;
    for query in DOCUMENT_QUERIES {
        for kind in [None, Some("ke-hoach")] {
            let on_sqlite = search_documents(&mut lite, query, kind);
            let on_postgres = search_documents(&mut pg, query, kind);
            assert_eq!(
                on_sqlite, on_postgres,
                "{query:?} (type {kind:?}): SQLite, then PostgreSQL"
            );
            compared_hits += on_sqlite.1.len();
        }
    }
    assert!(compared_hits > 100, "{compared_hits} hits compared");
}
