//! Searching documents, and keeping their search index: the same words and engines as
//! articles' (`store::search`), over a document's number as people type it (its parts, its
//! parts joined, its type's code: `documents::number_words`), its abstract ("title") and its
//! body.
//!
//! The index also holds each document's type, issuer and field as tokens of a column of their
//! own (`facets`), as articles' holds the category: a search within a type reads only that
//! type's hits, not every hit of its words checked against the documents' table.
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
use super::search::{read_tier, search_key, Read};
use crate::db::{Conn, Engine, Result, Row, ToParam};
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

/// A type's, issuer's or field's token in the `facets` column: a letter for what it is, then
/// its slug's letters and digits (`quyet-dinh` → `kquyetdinh`). Two slugs can give one token
/// (`a-bc`, `ab-c`): the token only narrows what the index reads, and every hit is still
/// checked against the document's own columns (`FilterParams::sql`).
fn facet_token(what: Facet, slug: &str) -> String {
    let letter = match what {
        Facet::Kind => 'k',
        Facet::Issuer => 'i',
        Facet::Field => 'f',
    };
    std::iter::once(letter)
        .chain(
            slug.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        )
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Facet {
    Kind,
    Issuer,
    Field,
}

/// A document's `facets` column: its type's, issuer's and field's tokens.
fn facets_text(kind: &str, issuer_slug: &str, field_slug: &str) -> String {
    [
        facet_token(Facet::Kind, kind),
        facet_token(Facet::Issuer, issuer_slug),
        facet_token(Facet::Field, field_slug),
    ]
    .join(" ")
}

/// The tokens of the type, issuer and field the filter asks for.
fn asked_facets(filter: &FilterParams) -> Vec<String> {
    let [kind, issuer, field] = filter.kind_issuer_field();
    [
        (Facet::Kind, kind),
        (Facet::Issuer, issuer),
        (Facet::Field, field),
    ]
    .into_iter()
    .filter_map(|(what, slug)| slug.map(|slug| facet_token(what, slug)))
    .collect()
}

/// FTS5: `expression` within the filter's type, issuer and field, when it asks for any.
/// Tokens are letters and digits only, so the quotes cannot be broken out of.
fn fts_in_facets(expression: String, filter: &FilterParams) -> String {
    let asked = asked_facets(filter);
    if asked.is_empty() {
        return expression;
    }
    let tokens = asked
        .iter()
        .map(|token| format!("\"{token}\""))
        .collect::<Vec<_>>()
        .join(" ");
    format!("({expression}) AND facets : ({tokens})")
}

/// PostgreSQL: the condition that keeps the filter's type, issuer and field, if it asks for
/// any; a literal, as its tokens are letters and digits only.
fn postgres_facets(filter: &FilterParams) -> String {
    let asked = asked_facets(filter);
    if asked.is_empty() {
        return String::new();
    }
    let query = asked
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" & ");
    format!(" AND s.facets @@ CAST('{query}' AS tsquery)")
}

fn tier_query(
    engine: Engine,
    terms: &SearchTerms,
    tier: Option<Tier>,
    filter: &FilterParams,
) -> TierQuery {
    match engine {
        Engine::Sqlite => {
            // The text's columns, not the facets: a word being typed (`ki`) is no type's token.
            let all = format!("{{number title body}} : ({})", terms.fts_all(None));
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
                params: vec![fts_in_facets(expression, filter)],
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
                    "s.words @@ CAST(?10 AS tsquery) AND {}{}{tier_condition}",
                    key_range(filter, "s.key"),
                    postgres_facets(filter)
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
    for tier in TIERS {
        if items.len() as u64 == wanted {
            break;
        }
        let query = tier_query(engine, terms, Some(tier), filter);
        let limit = wanted - items.len() as u64;
        // As articles' are: few hits sorted on SQLite, the newest first on PostgreSQL.
        let found = read_tier(engine, counted, skip, limit, |read| {
            hits(conn, filter, terms, &query, limit, skip, read)
        })?;
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

/// Hits `offset..offset + limit` of `query` within the filter, newest first, read as `read`
/// says, with the number, abstract and a passage marked.
fn hits(
    conn: &mut Conn,
    filter: &FilterParams,
    terms: &SearchTerms,
    query: &TierQuery,
    limit: u64,
    offset: u64,
    read: Read,
) -> Result<Vec<(i64, DocumentSummary)>> {
    let from = match read {
        // No condition reaches into a subquery with a LIMIT: the tier's are checked on these
        // rows alone, in key order, until the page is full.
        Read::Newest(newest) => format!(
            "(SELECT * FROM documents_search s WHERE {}{} ORDER BY s.key DESC LIMIT {newest}) s \
             JOIN documents d ON d.id = s.document_id",
            key_range(filter, "s.key"),
            postgres_facets(filter)
        ),
        Read::InKeyOrder | Read::Sorted => query.from.to_string(),
    };
    // A term that is not the key itself is not the index's to give in order: SQLite sorts.
    let sort = match read {
        Read::Sorted => "+",
        Read::InKeyOrder | Read::Newest(_) => "",
    };
    let sql = format!(
        "SELECT {}, d.body_text FROM {from} WHERE {} AND {} ORDER BY {sort}{} LIMIT ?8 OFFSET ?9",
        summary_columns("?7"),
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
    let entry = IndexEntry {
        number: number_words(&document.number, document.kind),
        title: &document.summary,
        body: &document.body_text,
        facets: facets_text(
            document.kind.slug,
            &portal_contract::slugify(&document.issuer),
            &portal_contract::slugify(&document.field),
        ),
    };
    write_index(conn, id, key, old_key, &entry)
}

/// What the index holds of one document.
struct IndexEntry<'a> {
    /// The number's words (`documents::number_words`).
    number: String,
    /// The abstract.
    title: &'a str,
    body: &'a str,
    /// The type's, issuer's and field's tokens (`facets_text`).
    facets: String,
}

fn write_index(
    conn: &mut Conn,
    id: i64,
    key: i64,
    old_key: Option<i64>,
    entry: &IndexEntry,
) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => {
            for stale in [Some(key), old_key].into_iter().flatten() {
                conn.execute("DELETE FROM documents_fts WHERE rowid = ?1", &[&stale])?;
            }
            conn.execute(
                "INSERT INTO documents_fts (rowid, number, title, body, facets)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                &[
                    &key,
                    &index_text(&entry.number),
                    &index_text(entry.title),
                    &index_text(entry.body),
                    &entry.facets,
                ],
            )?;
        }
        Engine::Postgres => {
            conn.execute(
                "INSERT INTO documents_search (document_id, key, number, title, body, words, facets)
                 VALUES (?1, ?2, CAST(?3 AS tsvector), CAST(?4 AS tsvector), CAST(?5 AS tsvector),
                         CAST(?3 AS tsvector) || CAST(?4 AS tsvector) || CAST(?5 AS tsvector),
                         CAST(?6 AS tsvector))
                 ON CONFLICT (document_id) DO UPDATE SET key = excluded.key,
                     number = excluded.number, title = excluded.title, body = excluded.body,
                     words = excluded.words, facets = excluded.facets",
                &[
                    &id,
                    &key,
                    &tsvector_literal(&entry.number),
                    &tsvector_literal(entry.title),
                    &tsvector_literal(entry.body),
                    &entry.facets,
                ],
            )?;
        }
    }
    Ok(())
}

/// A document's columns that its index entry is made of, as stored.
const STORED_COLUMNS: &str =
    "id, issued_on, number, kind, issuer_slug, field_slug, summary, body_text";

struct StoredDocument {
    id: i64,
    issued_on: String,
    number: String,
    kind: String,
    issuer_slug: String,
    field_slug: String,
    summary: String,
    body_text: String,
}

fn stored_from_row(row: &Row<'_>) -> Result<StoredDocument> {
    Ok(StoredDocument {
        id: row.get(0)?,
        issued_on: row.get(1)?,
        number: row.get(2)?,
        kind: row.get(3)?,
        issuer_slug: row.get(4)?,
        field_slug: row.get(5)?,
        summary: row.get(6)?,
        body_text: row.get(7)?,
    })
}

/// Indexes document `id` again from what is stored.
pub(super) fn reindex_document(conn: &mut Conn, id: i64) -> Result<()> {
    let stored = conn.query_opt(
        &format!("SELECT {STORED_COLUMNS} FROM documents WHERE id = ?1"),
        &[&id],
        stored_from_row,
    )?;
    if let Some(stored) = stored {
        index_stored(conn, &stored)?;
    }
    Ok(())
}

fn index_stored(conn: &mut Conn, stored: &StoredDocument) -> Result<()> {
    let number = match DocumentKind::by_slug(&stored.kind) {
        Some(kind) => number_words(&stored.number, kind),
        None => stored.number.clone(),
    };
    let entry = IndexEntry {
        number,
        title: &stored.summary,
        body: &stored.body_text,
        facets: facets_text(&stored.kind, &stored.issuer_slug, &stored.field_slug),
    };
    let key = document_key(&stored.issued_on, stored.id);
    write_index(conn, stored.id, key, None, &entry)
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
        let batch = conn.query(
            &format!("SELECT {STORED_COLUMNS} FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2"),
            &[&after, &REINDEX_BATCH],
            stored_from_row,
        )?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        for stored in &batch {
            index_stored(conn, stored)?;
        }
        count += batch.len();
    }
    optimize(conn)?;
    Ok(count)
}

/// The index's layout; a database indexed under another is indexed again on start.
const INDEX_VERSION: &str = "2: number, title, body; facets (type, issuer, field)";
const INDEX_SETTING: &str = "document_search_index";

/// Notes the index as built under this layout without rebuilding it: for a new database
/// whose every document was indexed as it was added (the benchmarks' synthetic ones).
pub fn note_current_layout(conn: &mut Conn) -> Result<()> {
    super::settings::set(conn, INDEX_SETTING, INDEX_VERSION)
}

/// Rebuilds the index if it was built under another layout (a database from before the
/// facets); returns how many documents were indexed (0 when it was current).
pub fn rebuild_if_outdated(conn: &mut Conn) -> Result<usize> {
    if super::settings::get(conn, INDEX_SETTING)?.as_deref() == Some(INDEX_VERSION) {
        return Ok(0);
    }
    let count = rebuild(conn)?;
    note_current_layout(conn)?;
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
