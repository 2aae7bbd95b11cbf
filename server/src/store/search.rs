//! Searching articles, and keeping their search index: FTS5 on SQLite, `tsvector`s with GIN
//! indexes on PostgreSQL, over the same words (`crate::search`), ranked alike.
//!
//! Hits come in tiers (the words as typed in the title; every word in the title; the words
//! as typed in the body; the rest), newest first within a tier. Each engine's index is keyed
//! by the article's place in time (`search_key`), so the newest hits of a tier come straight
//! off the index, in order, without reading every hit: a common word's first page costs
//! about what a rare word's does.

use portal_contract::{ArticleSummary, Highlight, Lang, PageRequest, Paged};

use super::articles::{summary_from_row, ArticleFilter, FILTER_CONDITION, SUMMARY_COLUMNS};
use crate::db::{Conn, Engine, Result, ToParam};
use crate::search::{index_text, tsvector_literal, Column, SearchTerms};

/// The low bits of a search key hold the article's id, the high bits its publication time.
const ID_BITS: u32 = 30;
const ID_MASK: i64 = (1 << ID_BITS) - 1;
/// Seconds from 1900-01-01 to 1970-01-01: keys count from 1900, so every allowed year is
/// positive.
const SECONDS_FROM_1900_TO_1970: i64 = 2_208_988_800;

/// An article's key in the search index: larger is newer, ties by id, exactly as lists order
/// (`published_at DESC, id DESC`), for any article published 1900-2172 with an id below 2^30.
/// Vietnamese articles' keys are positive, English ones' negative (the same order, shifted
/// down by 2^62): a search keeps to one language with a range of keys, which both engines'
/// indexes answer without reading the articles, as they do a count.
pub fn search_key(published_at: &str, id: i64, lang: Lang) -> i64 {
    let seconds = chrono::DateTime::parse_from_rfc3339(published_at)
        .map_or(0, |time| time.timestamp() + SECONDS_FROM_1900_TO_1970)
        .clamp(0, (1 << (62 - ID_BITS)) - 1);
    let key = (seconds << ID_BITS) | (id & ID_MASK);
    match lang {
        Lang::Vi => key,
        Lang::En => key - (1 << 62),
    }
}

/// The keys of one language's articles (`search_key`), as a condition on `column`.
fn key_range(lang: Lang, column: &str) -> String {
    match lang {
        Lang::Vi => format!("{column} >= 0"),
        Lang::En => format!("{column} < 0"),
    }
}

/// Which hits a tier holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// The words as typed, next to each other and whole, in the title: `hoa` finds "Lễ hội
    /// Hoa Sở" here, before "Hoành Mô", which only begins with it.
    WholePhraseInTitle,
    /// The words as typed, next to each other, in the title, the last only begun.
    PhraseInTitle,
    /// Every word in the title, but not as typed.
    WordsInTitle,
    /// The words as typed in the body; not every word in the title.
    PhraseInBody,
    /// Every word somewhere, nothing above.
    Rest,
}

const TIERS: [Tier; 5] = [
    Tier::WholePhraseInTitle,
    Tier::PhraseInTitle,
    Tier::WordsInTitle,
    Tier::PhraseInBody,
    Tier::Rest,
];

/// Every hit of `terms` (`None`: of any tier), as the engine finds them: the tables (the
/// articles as `a`), the condition and the order. Parameters run from ?7 on: ?1-?4 are the
/// filter's, ?5 and ?6 the limit and offset.
struct TierQuery {
    from: &'static str,
    matched: String,
    params: Vec<String>,
    order: &'static str,
}

fn tier_query(engine: Engine, terms: &SearchTerms, tier: Option<Tier>, lang: Lang) -> TierQuery {
    match engine {
        Engine::Sqlite => {
            let all = terms.fts_all(None);
            let whole_phrase_in_title = terms.fts_whole_phrase(Column::Title);
            let phrase_in_title = terms.fts_phrase(Column::Title);
            let words_in_title = terms.fts_all(Some(Column::Title));
            let phrase_in_body = terms.fts_phrase(Column::Body);
            // FTS5's NOT takes away the hits of the tiers above.
            let expression = match tier {
                None => all,
                Some(Tier::WholePhraseInTitle) => whole_phrase_in_title,
                Some(Tier::PhraseInTitle) => {
                    format!("({phrase_in_title}) NOT ({whole_phrase_in_title})")
                }
                Some(Tier::WordsInTitle) => format!("({words_in_title}) NOT ({phrase_in_title})"),
                Some(Tier::PhraseInBody) => format!("({phrase_in_body}) NOT ({words_in_title})"),
                Some(Tier::Rest) => {
                    format!("(({all}) NOT ({words_in_title})) NOT ({phrase_in_body})")
                }
            };
            TierQuery {
                from: SQLITE_FROM,
                matched: format!(
                    "articles_fts MATCH ?7 AND {}",
                    key_range(lang, "articles_fts.rowid")
                ),
                params: vec![expression],
                order: "articles_fts.rowid DESC",
            }
        }
        Engine::Postgres => {
            let tier_condition = match tier {
                None => "",
                Some(Tier::WholePhraseInTitle) => " AND s.title @@ CAST(?9 AS tsquery)",
                Some(Tier::PhraseInTitle) => {
                    " AND s.title @@ CAST(?8 AS tsquery) AND NOT s.title @@ CAST(?9 AS tsquery)"
                }
                Some(Tier::WordsInTitle) => {
                    " AND s.title @@ CAST(?7 AS tsquery) AND NOT s.title @@ CAST(?8 AS tsquery)"
                }
                Some(Tier::PhraseInBody) => {
                    " AND s.body @@ CAST(?8 AS tsquery) AND NOT s.title @@ CAST(?7 AS tsquery)"
                }
                Some(Tier::Rest) => {
                    " AND NOT s.title @@ CAST(?7 AS tsquery) AND NOT s.body @@ CAST(?8 AS tsquery)"
                }
            };
            TierQuery {
                from: "articles_search s JOIN articles a ON a.id = s.article_id",
                matched: format!(
                    "s.words @@ CAST(?7 AS tsquery){tier_condition} AND {}",
                    key_range(lang, "s.key")
                ),
                // Each typed, so a tier that does not use one still binds it.
                params: vec![
                    terms.tsquery_all(),
                    terms.tsquery_phrase(),
                    terms.tsquery_whole_phrase(),
                ],
                order: "s.key DESC",
            }
        }
    }
}

/// The FTS5 index's rows are keyed by `search_key`, whose low bits are the article's id.
const SQLITE_FROM: &str =
    "articles_fts JOIN articles a ON a.id = (articles_fts.rowid & 1073741823)";
const _: () = assert!(ID_MASK == 1_073_741_823);

/// The page of hits `page` asks for, tier after tier, and how many there are in all.
pub fn search_articles(
    conn: &mut Conn,
    filter: &ArticleFilter,
    terms: &SearchTerms,
    page: PageRequest,
) -> Result<Paged<ArticleSummary>> {
    let engine = conn.engine();
    let total = count(conn, filter, &tier_query(engine, terms, None, filter.lang))?;
    let mut items: Vec<ArticleSummary> = Vec::new();
    // How many hits of the tiers still to come belong to earlier pages.
    let mut skip = page.offset();
    let wanted = u64::from(page.per_page);
    for tier in TIERS {
        if items.len() as u64 == wanted || skip >= total {
            break;
        }
        let query = tier_query(engine, terms, Some(tier), filter.lang);
        let limit = wanted - items.len() as u64;
        let found = hits(conn, filter, terms, &query, limit, skip)?;
        if found.is_empty() && skip > 0 {
            // The whole tier is on earlier pages; only then is its size worth counting.
            skip -= count(conn, filter, &query)?.min(skip);
        } else {
            skip = 0;
        }
        items.extend(found);
    }
    Ok(page.answer(items, total))
}

/// The filter's parameters (?1-?4), the limit and offset (?5, ?6), then the query's own.
fn params<'a>(
    filter: &'a ArticleFilter,
    query: &'a TierQuery,
    limit: &'a u64,
    offset: &'a u64,
) -> Vec<&'a dyn ToParam> {
    let mut params: Vec<&dyn ToParam> = vec![
        &filter.category_id,
        &filter.featured,
        &filter.from,
        &filter.until,
        limit,
        offset,
    ];
    params.extend(query.params.iter().map(|param| param as &dyn ToParam));
    params
}

/// How many hits `query` has.
fn count(conn: &mut Conn, filter: &ArticleFilter, query: &TierQuery) -> Result<u64> {
    let unfiltered = filter.category_id.is_none()
        && filter.featured.is_none()
        && filter.from.is_none()
        && filter.until.is_none();
    let sql = if unfiltered && conn.engine() == Engine::Sqlite {
        // The index alone knows: each of its rows is an article. Joining 70,000 hits to count
        // them took 100 ms of a common word's 150 ms on 100,000 articles.
        format!(
            "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?7 AND {}",
            key_range(filter.lang, "rowid")
        )
    } else {
        format!(
            "SELECT COUNT(*) FROM {} WHERE {} AND {FILTER_CONDITION}",
            query.from, query.matched
        )
    };
    let (limit, offset) = (0, 0);
    conn.query_one(&sql, &params(filter, query, &limit, &offset), |row| {
        row.get(0)
    })
}

/// Hits `offset..offset + limit` of `query`, newest first, with their marked title and
/// snippet.
fn hits(
    conn: &mut Conn,
    filter: &ArticleFilter,
    terms: &SearchTerms,
    query: &TierQuery,
    limit: u64,
    offset: u64,
) -> Result<Vec<ArticleSummary>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, a.body_text
         FROM {} JOIN categories c ON c.id = a.category_id
         WHERE {} AND {FILTER_CONDITION}
         ORDER BY {} LIMIT ?5 OFFSET ?6",
        query.from, query.matched, query.order
    );
    conn.query(&sql, &params(filter, query, &limit, &offset), |row| {
        let mut summary = summary_from_row(row)?;
        let body_text: String = row.get(9)?;
        summary.highlight = Some(Highlight {
            title: terms.highlight(&summary.title),
            snippet: terms.snippet(&body_text),
        });
        Ok(summary)
    })
}

/// Puts an article's title and body words into the search index under its key, replacing
/// what was there (under `old_key`, when its publication time changed).
pub fn index_article(
    conn: &mut Conn,
    id: i64,
    key: i64,
    old_key: Option<i64>,
    title: &str,
    body_text: &str,
) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => {
            for stale in [Some(key), old_key].into_iter().flatten() {
                conn.execute("DELETE FROM articles_fts WHERE rowid = ?1", &[&stale])?;
            }
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                &[&key, &index_text(title), &index_text(body_text)],
            )?;
        }
        Engine::Postgres => {
            conn.execute(
                "INSERT INTO articles_search (article_id, key, title, body, words)
                 VALUES (?1, ?2, CAST(?3 AS tsvector), CAST(?4 AS tsvector),
                         CAST(?3 AS tsvector) || CAST(?4 AS tsvector))
                 ON CONFLICT (article_id) DO UPDATE SET key = excluded.key,
                     title = excluded.title, body = excluded.body, words = excluded.words",
                &[
                    &id,
                    &key,
                    &tsvector_literal(title),
                    &tsvector_literal(body_text),
                ],
            )?;
        }
    }
    Ok(())
}

/// Takes the article under `key` out of the index. On PostgreSQL its row goes with the
/// article's (ON DELETE CASCADE).
pub fn unindex_article(conn: &mut Conn, key: i64) -> Result<()> {
    if conn.engine() == Engine::Sqlite {
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?1", &[&key])?;
    }
    Ok(())
}

/// How many articles `rebuild` reads at a time: a province's million articles do not fit
/// in memory at once.
const REINDEX_BATCH: u32 = 1000;

/// Rebuilds the whole search index from the articles; returns how many were indexed.
pub fn rebuild(conn: &mut Conn) -> Result<usize> {
    match conn.engine() {
        Engine::Sqlite => conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
            &[],
        )?,
        Engine::Postgres => conn.execute("DELETE FROM articles_search", &[])?,
    };
    let mut count = 0;
    let mut after: i64 = 0;
    loop {
        let batch: Vec<(i64, String, String, String, Lang)> = conn.query(
            "SELECT id, published_at, title, body_text, lang FROM articles
             WHERE id > ?1 ORDER BY id LIMIT ?2",
            &[&after, &REINDEX_BATCH],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    super::articles::lang_column(row, 4)?,
                ))
            },
        )?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (id, published_at, title, body_text, lang) in &batch {
            let key = search_key(published_at, *id, *lang);
            index_article(conn, *id, key, None, title, body_text)?;
        }
        count += batch.len();
    }
    optimize(conn)?;
    Ok(count)
}

/// Merges the search index into one segment. Articles indexed one at a time leave many
/// small segments that every search reads; merged, a search on the demo content answers
/// about 1.8 times as many requests a second. Run once after each batch of writes (an import
/// file, the seeding, a synthetic batch, a reindex), not per article. PostgreSQL's GIN index
/// merges its pending list itself; it is told to refresh its statistics instead.
pub fn optimize(conn: &mut Conn) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
            &[],
        )?,
        Engine::Postgres => conn.execute("ANALYZE articles_search", &[])?,
    };
    Ok(())
}

/// The index's layout; a database indexed under another is indexed again on start.
const INDEX_VERSION: &str = "2: rowid is search_key; words cut by search::index_words";
const INDEX_SETTING: &str = "search_index";

/// Rebuilds the index if it was built under another layout (a database from before search
/// keys); returns how many articles were indexed (0 when it was current).
pub fn rebuild_if_outdated(conn: &mut Conn) -> Result<usize> {
    if super::settings::get(conn, INDEX_SETTING)?.as_deref() == Some(INDEX_VERSION) {
        return Ok(0);
    }
    let count = rebuild(conn)?;
    super::settings::set(conn, INDEX_SETTING, INDEX_VERSION)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::search_key;
    use portal_contract::Lang;

    #[test]
    fn keys_order_as_lists_do() {
        let key = |time: &str, id: i64| search_key(time, id, Lang::Vi);
        let earlier = key("2024-11-01T08:00:00+07:00", 900);
        let later = key("2024-11-01T08:00:01+07:00", 5);
        let same_time_higher_id = key("2024-11-01T08:00:01+07:00", 6);
        assert!(earlier < later && later < same_time_higher_id);
        // The same moment written in another offset is the same key.
        assert_eq!(later, key("2024-11-01T01:00:01Z", 5));
        assert!(key("1900-01-01T00:00:00+07:00", 1) > 0);
        assert!(key("2100-12-31T23:59:59+07:00", (1 << 30) - 1) > 0);
        assert_eq!(key("2024-11-01T01:00:01Z", 7) & ((1 << 30) - 1), 7);
        // English keys: below every Vietnamese one, in the same order, with the same id bits.
        let english = |time: &str, id: i64| search_key(time, id, Lang::En);
        assert!(english("2100-12-31T23:59:59+07:00", (1 << 30) - 1) < 0);
        assert!(english("1900-01-01T00:00:00+07:00", 1) > i64::MIN);
        assert!(
            english("2024-11-01T08:00:00+07:00", 900) < english("2024-11-01T08:00:01+07:00", 5)
        );
        assert_eq!(english("2024-11-01T01:00:01Z", 7) & ((1 << 30) - 1), 7);
    }
}
