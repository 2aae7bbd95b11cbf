//! Searching documents, and keeping their search index: the same words and engines as
//! articles' (`store::search`), over a document's number as people type it (its parts, its
//! parts joined, its type's code: `documents::number_words`), its abstract ("title") and its
//! body.
//!
//! Hits come in tiers, as articles' do, with one more first: the words as typed in the number;
//! in the abstract; every word in the number and abstract; the words as typed in the body; the
//! rest. Newest issued first within a tier, straight off the index: it is keyed by the issue
//! date and the id (`document_key`). So `125/QĐ-UBND` finds the document with that number
//! first, then those whose abstract or body mentions it, and `qd` every Quyết định first.

use portal_contract::documents::{DocumentHighlight, DocumentKind, DocumentSummary};
use portal_contract::limits::SEARCH_COUNT_LIMIT;
use portal_contract::{PageRequest, Paged};

use super::documents::{
    add_replacements, summary_columns, summary_from_row, FilterParams, NewDocument,
    SUMMARY_COLUMN_COUNT,
};
use super::search::{search_key, SORTED_AT_MOST};
use crate::db::{Conn, Engine, Result, ToParam};
use crate::documents::number_words;
use crate::search::{index_text, tsvector_literal, Column, SearchTerms};

/// A document's key in the index: larger is issued later, ties by id, as lists order
/// (`issued_on DESC, id DESC`).
pub fn document_key(issued_on: &str, id: i64) -> i64 {
    search_key(
        &format!("{issued_on}T00:00:00+07:00"),
        id,
        portal_contract::Lang::Vi,
    )
}

/// The FTS5 index's rows are keyed by `document_key`, whose low 30 bits are the id.
const SQLITE_FROM: &str =
    "documents_fts JOIN documents d ON d.id = (documents_fts.rowid & 1073741823)";

/// Which hits a tier holds. The heading is the number and the abstract together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// The words as typed, next to each other, in the number: `125 qd ubnd`, or `qd`.
    PhraseInNumber,
    /// The words as typed in the abstract.
    PhraseInTitle,
    /// Every word in the heading, but not as typed.
    WordsInHeading,
    /// The words as typed in the body; not every word in the heading.
    PhraseInBody,
    /// Every word somewhere, nothing above.
    Rest,
}

const TIERS: [Tier; 5] = [
    Tier::PhraseInNumber,
    Tier::PhraseInTitle,
    Tier::WordsInHeading,
    Tier::PhraseInBody,
    Tier::Rest,
];

/// Every hit of a tier (`None`: of any), as the engine finds them. The filter's parameters
/// are ?1-?7, the limit and offset ?8 and ?9, the query's own from ?10.
struct TierQuery {
    from: &'static str,
    matched: String,
    params: Vec<String>,
    order: &'static str,
}

/// The keys of the documents issued in the filter's year (`document_key`), as a condition on
/// `column`: the index answers a range of keys without reading the documents, so a search
/// within a year reads only that year's hits.
fn key_range(filter: &FilterParams, column: &str) -> String {
    let key_on =
        |day: Option<&str>, otherwise: i64| day.map_or(otherwise, |day| document_key(day, 0));
    let (from, until) = filter.year_days();
    format!(
        "{column} >= {} AND {column} < {}",
        key_on(from, 0),
        key_on(until, i64::MAX)
    )
}

fn tier_query(
    engine: Engine,
    terms: &SearchTerms,
    tier: Option<Tier>,
    filter: &FilterParams,
) -> TierQuery {
    match engine {
        Engine::Sqlite => {
            let all = terms.fts_all(None);
            let phrase_in_number = terms.fts_phrase(Some(Column::Number));
            let phrase_in_title = terms.fts_phrase(Some(Column::Title));
            let words_in_heading = format!("{{number title}} : ({all})");
            let phrase_in_body = terms.fts_phrase(Some(Column::Body));
            // FTS5's NOT takes away the hits of the tiers above; a phrase in the number or
            // the abstract is also every word in the heading.
            let expression = match tier {
                None => all,
                Some(Tier::PhraseInNumber) => phrase_in_number,
                Some(Tier::PhraseInTitle) => {
                    format!("({phrase_in_title}) NOT ({phrase_in_number})")
                }
                Some(Tier::WordsInHeading) => format!(
                    "(({words_in_heading}) NOT ({phrase_in_number})) NOT ({phrase_in_title})"
                ),
                Some(Tier::PhraseInBody) => {
                    format!("({phrase_in_body}) NOT ({words_in_heading})")
                }
                Some(Tier::Rest) => {
                    format!("(({all}) NOT ({words_in_heading})) NOT ({phrase_in_body})")
                }
            };
            TierQuery {
                from: SQLITE_FROM,
                matched: format!(
                    "documents_fts MATCH ?10 AND {}",
                    key_range(filter, "documents_fts.rowid")
                ),
                params: vec![expression],
                order: "documents_fts.rowid DESC",
            }
        }
        Engine::Postgres => {
            // ?10 every word, ?11 the phrase.
            let heading = "(s.number || s.title) @@ CAST(?10 AS tsquery)";
            let in_number = "s.number @@ CAST(?11 AS tsquery)";
            let in_title = "s.title @@ CAST(?11 AS tsquery)";
            let in_body = "s.body @@ CAST(?11 AS tsquery)";
            let tier_condition = match tier {
                None => String::new(),
                Some(Tier::PhraseInNumber) => format!(" AND {in_number}"),
                Some(Tier::PhraseInTitle) => format!(" AND {in_title} AND NOT {in_number}"),
                Some(Tier::WordsInHeading) => {
                    format!(" AND {heading} AND NOT {in_number} AND NOT {in_title}")
                }
                Some(Tier::PhraseInBody) => format!(" AND {in_body} AND NOT {heading}"),
                Some(Tier::Rest) => format!(" AND NOT {heading} AND NOT {in_body}"),
            };
            TierQuery {
                from: "documents_search s JOIN documents d ON d.id = s.document_id",
                matched: format!(
                    "s.words @@ CAST(?10 AS tsquery) AND {}{tier_condition}",
                    key_range(filter, "s.key")
                ),
                params: vec![terms.tsquery_all(), terms.tsquery_phrase()],
                order: "s.key DESC",
            }
        }
    }
}

/// The page of hits `page` asks for, tier after tier, and how many there are in all, counted
/// up to `SEARCH_COUNT_LIMIT` as articles' are: no page lies beyond it.
pub(super) fn search(
    conn: &mut Conn,
    filter: &FilterParams,
    terms: &SearchTerms,
    page: PageRequest,
) -> Result<Paged<DocumentSummary>> {
    let engine = conn.engine();
    let counted = count(
        conn,
        filter,
        &tier_query(engine, terms, None, filter),
        SEARCH_COUNT_LIMIT + 1,
    )?;
    let total = counted.min(SEARCH_COUNT_LIMIT);
    let mut items: Vec<(i64, DocumentSummary)> = Vec::new();
    // How many hits of the tiers still to come belong to earlier pages.
    let mut skip = page.offset();
    let wanted = u64::from(page.per_page).min(total.saturating_sub(skip));
    // Few hits are read in the index's order and sorted, as articles' are
    // (`search::SORTED_AT_MOST`): FTS5 reads backwards slowly where it skips.
    let sorted = engine == Engine::Sqlite && counted <= SORTED_AT_MOST;
    for tier in TIERS {
        if items.len() as u64 == wanted {
            break;
        }
        let query = tier_query(engine, terms, Some(tier), filter);
        let limit = wanted - items.len() as u64;
        let found = hits(conn, filter, terms, &query, limit, skip, sorted)?;
        if found.is_empty() && skip > 0 {
            // The whole tier is on earlier pages; only then is its size worth counting, and
            // only as far as the hits to skip.
            skip -= count(conn, filter, &query, skip)?;
        } else {
            skip = 0;
        }
        items.extend(found);
    }
    add_replacements(conn, &mut items)?;
    let mut answer = page.answer(items.into_iter().map(|(_, item)| item).collect(), total);
    answer.more_than_total = counted > SEARCH_COUNT_LIMIT;
    Ok(answer)
}

fn params<'a>(
    filter: &'a FilterParams,
    query: &'a TierQuery,
    limit: &'a u64,
    offset: &'a u64,
) -> Vec<&'a dyn ToParam> {
    let mut params = filter.params();
    params.extend([limit as &dyn ToParam, offset]);
    params.extend(query.params.iter().map(|param| param as &dyn ToParam));
    params
}

/// How many hits `query` has within the filter, counting no further than `limit`.
fn count(conn: &mut Conn, filter: &FilterParams, query: &TierQuery, limit: u64) -> Result<u64> {
    // Without a filter but the year the index alone knows. Counting every one of the 30,000
    // hits of `qd` through their documents, its search took 50-75 ms on 100,000 documents
    // (SQLite); counting 1,001 in the index, 1.3-1.8 ms.
    let hits = match (conn.engine(), filter.asks_year_at_most()) {
        // The year is a range of keys in `matched`; the other conditions are off.
        (Engine::Sqlite, true) => format!(
            "SELECT 1 FROM documents_fts WHERE {} LIMIT ?8",
            query.matched
        ),
        _ => format!(
            "SELECT 1 FROM {} WHERE {} AND {} LIMIT ?8",
            query.from,
            query.matched,
            filter.sql()
        ),
    };
    let offset = 0;
    conn.query_one(
        &format!("SELECT COUNT(*) FROM ({hits}) AS hits"),
        &params(filter, query, &limit, &offset),
        |row| row.get(0),
    )
}

/// Hits `offset..offset + limit` of `query` within the filter, newest first (`sorted`: read in
/// the index's order and sorted), with the number, abstract and a passage marked.
fn hits(
    conn: &mut Conn,
    filter: &FilterParams,
    terms: &SearchTerms,
    query: &TierQuery,
    limit: u64,
    offset: u64,
    sorted: bool,
) -> Result<Vec<(i64, DocumentSummary)>> {
    // A term that is not the key itself is not the index's to give in order: SQLite sorts.
    let sort = if sorted { "+" } else { "" };
    let sql = format!(
        "SELECT {}, d.body_text FROM {} WHERE {} AND {} ORDER BY {sort}{} LIMIT ?8 OFFSET ?9",
        summary_columns("?7"),
        query.from,
        query.matched,
        filter.sql(),
        query.order
    );
    conn.query(&sql, &params(filter, query, &limit, &offset), |row| {
        let (id, mut summary) = summary_from_row(row)?;
        let body_text: String = row.get(SUMMARY_COLUMN_COUNT)?;
        summary.highlight = Some(DocumentHighlight {
            number: terms.highlight(&summary.number),
            summary: terms.highlight(&summary.summary),
            snippet: if body_text.is_empty() {
                Vec::new()
            } else {
                terms.snippet(&body_text)
            },
        });
        Ok((id, summary))
    })
}

/// Puts a document into the index under `key`, replacing what was there (under `old_key`,
/// when its issue date changed).
pub(super) fn index_document(
    conn: &mut Conn,
    id: i64,
    key: i64,
    old_key: Option<i64>,
    document: &NewDocument,
) -> Result<()> {
    let number = number_words(&document.number, document.kind);
    write_index(
        conn,
        id,
        key,
        old_key,
        [&number, &document.summary, &document.body_text],
    )
}

/// The number's words, the abstract and the body into the index.
fn write_index(
    conn: &mut Conn,
    id: i64,
    key: i64,
    old_key: Option<i64>,
    [number, title, body_text]: [&str; 3],
) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => {
            for stale in [Some(key), old_key].into_iter().flatten() {
                conn.execute("DELETE FROM documents_fts WHERE rowid = ?1", &[&stale])?;
            }
            conn.execute(
                "INSERT INTO documents_fts (rowid, number, title, body) VALUES (?1, ?2, ?3, ?4)",
                &[
                    &key,
                    &index_text(number),
                    &index_text(title),
                    &index_text(body_text),
                ],
            )?;
        }
        Engine::Postgres => {
            conn.execute(
                "INSERT INTO documents_search (document_id, key, number, title, body, words)
                 VALUES (?1, ?2, CAST(?3 AS tsvector), CAST(?4 AS tsvector), CAST(?5 AS tsvector),
                         CAST(?3 AS tsvector) || CAST(?4 AS tsvector) || CAST(?5 AS tsvector))
                 ON CONFLICT (document_id) DO UPDATE SET key = excluded.key,
                     number = excluded.number, title = excluded.title, body = excluded.body,
                     words = excluded.words",
                &[
                    &id,
                    &key,
                    &tsvector_literal(number),
                    &tsvector_literal(title),
                    &tsvector_literal(body_text),
                ],
            )?;
        }
    }
    Ok(())
}

/// Indexes document `id` again from what is stored.
pub(super) fn reindex_document(conn: &mut Conn, id: i64) -> Result<()> {
    let stored: Option<(String, String, String, String, String)> = conn.query_opt(
        "SELECT issued_on, number, kind, summary, body_text FROM documents WHERE id = ?1",
        &[&id],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        },
    )?;
    if let Some((issued_on, number, kind, summary, body_text)) = stored {
        index_stored(conn, id, &issued_on, &number, &kind, &summary, &body_text)?;
    }
    Ok(())
}

fn index_stored(
    conn: &mut Conn,
    id: i64,
    issued_on: &str,
    number: &str,
    kind: &str,
    summary: &str,
    body_text: &str,
) -> Result<()> {
    let number = match DocumentKind::by_slug(kind) {
        Some(kind) => number_words(number, kind),
        None => number.to_string(),
    };
    let key = document_key(issued_on, id);
    write_index(conn, id, key, None, [&number, summary, body_text])
}

/// How many documents `rebuild` reads at a time.
const REINDEX_BATCH: u32 = 1000;

/// Rebuilds the documents' whole index; answers how many were indexed.
pub fn rebuild(conn: &mut Conn) -> Result<usize> {
    match conn.engine() {
        Engine::Sqlite => conn.execute(
            "INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')",
            &[],
        )?,
        Engine::Postgres => conn.execute("DELETE FROM documents_search", &[])?,
    };
    let mut count = 0;
    let mut after: i64 = 0;
    loop {
        let batch: Vec<(i64, String, String, String, String, String)> = conn.query(
            "SELECT id, issued_on, number, kind, summary, body_text FROM documents
             WHERE id > ?1 ORDER BY id LIMIT ?2",
            &[&after, &REINDEX_BATCH],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            },
        )?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (id, issued_on, number, kind, summary, body_text) in &batch {
            index_stored(conn, *id, issued_on, number, kind, summary, body_text)?;
        }
        count += batch.len();
    }
    optimize(conn)?;
    Ok(count)
}

/// Merges the index after a batch of writes, as `store::search::optimize` does for articles'.
pub fn optimize(conn: &mut Conn) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => conn.execute(
            "INSERT INTO documents_fts (documents_fts) VALUES ('optimize')",
            &[],
        )?,
        Engine::Postgres => conn.execute("ANALYZE documents_search", &[])?,
    };
    Ok(())
}
