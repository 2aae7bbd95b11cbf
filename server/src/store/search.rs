//! Searching articles, and keeping their search index: FTS5 on SQLite, `tsvector`s with GIN
//! indexes on PostgreSQL, over the same words (`crate::search`), ranked alike.
//!
//! Hits come in tiers (`Tier`, `Marks`: the whole words exactly as typed, then the folded
//! words from the phrase in the title down to every word somewhere), newest first within a
//! tier. Each engine's index is keyed by the article's place in time (`search_key`), so the
//! newest hits of a tier come straight off the index, in order, without reading every hit:
//! a common word's first page costs about what a rare word's does. (PostgreSQL's GIN index
//! gives hits in no order; there the newest articles are read first by key, `first_look`.)

use portal_contract::limits::SEARCH_COUNT_LIMIT;
use portal_contract::{ArticleSummary, Highlight, Lang, PageRequest, Paged};

use super::articles::{summary_from_row, ArticleFilter, FILTER_CONDITION, SUMMARY_COLUMNS};
use crate::db::{Conn, Engine, Result, ToParam};
use crate::search::{
    index_text, marked_index_text, marked_tsvector_literal, tsvector_literal, Column, SearchTerms,
};

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

/// The keys of the articles `filter` keeps by language and publication time (`search_key`),
/// as a condition on `column`: both engines' indexes answer a range of keys without reading
/// the articles, so a search within a year reads only that year's hits.
fn key_range(filter: &ArticleFilter, column: &str) -> String {
    // English keys are the Vietnamese layout shifted down by 2^62: from -2^62 to 0.
    let (first, past_last) = match filter.lang {
        Lang::Vi => (0, i64::MAX),
        Lang::En => (-(1 << 62), 0),
    };
    let key_at = |time: &Option<String>, otherwise: i64| {
        time.as_deref()
            .map_or(otherwise, |time| search_key(time, 0, filter.lang))
    };
    format!(
        "{column} >= {} AND {column} < {}",
        key_at(&filter.from, first),
        key_at(&filter.until, past_last)
    )
}

/// FTS5: `expression` in the text columns only, not in `category`, whose token is a number.
fn in_text(expression: &str) -> String {
    format!("{{title summary body}} : ({expression})")
}

/// Which hits a tier holds: each tier's own condition, less the hits of the tiers above.
/// "Whole" is each word whole; otherwise the last word may be only begun (still being
/// typed). The order is the corpus's judgement (`tests/fixtures/ranking-corpus.json`): the
/// words as typed and whole, in the title, the summary, then the body (`hoa`: "Lễ hội Hoa
/// Sở", then "trà hoa vàng", before "Hoành Mô"); then the phrase with its last word begun
/// (`bien gio`); then every word in the title, apart (`giao ban` finds "bàn giao" here,
/// after the phrase in the body); then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    WholePhraseInTitle,
    WholePhraseInSummary,
    WholePhraseInBody,
    PhraseInTitle,
    PhraseInSummary,
    WordsInTitle,
    PhraseInBody,
    /// Every word somewhere.
    Rest,
}

const TIERS: [Tier; 8] = [
    Tier::WholePhraseInTitle,
    Tier::WholePhraseInSummary,
    Tier::WholePhraseInBody,
    Tier::PhraseInTitle,
    Tier::PhraseInSummary,
    Tier::WordsInTitle,
    Tier::PhraseInBody,
    Tier::Rest,
];

/// Which words a tier matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    /// The words exactly as typed, with the marks they were typed with or without, each
    /// whole: `văn phòng` finds "văn phòng" here, before "vận phòng", and `hoa` "hoa" before
    /// "hóa". A word still being typed (a prefix) has not had its marks typed either: `na`
    /// does not find "nam" here before "Nà".
    AsTyped,
    /// The folded words, less the hits above: what the words fold to (`van phong` finds
    /// "văn phòng" here).
    Folded,
}

/// The tiers of whole words, which the words as typed have too.
const WHOLE_TIERS: [Tier; 3] = [
    Tier::WholePhraseInTitle,
    Tier::WholePhraseInSummary,
    Tier::WholePhraseInBody,
];

/// The tiers of `terms`, in rank order: the whole words as typed, then every tier of the
/// folded words; of those, the ones in `live` (`live_tiers`).
fn tiers(terms: &SearchTerms, live: &[Tier]) -> Vec<(Marks, Tier)> {
    let as_typed = match terms.as_typed() {
        Some(_) => &WHOLE_TIERS[..],
        None => &[],
    };
    let as_typed = as_typed.iter().map(|&tier| (Marks::AsTyped, tier));
    as_typed
        .chain(TIERS.iter().map(|&tier| (Marks::Folded, tier)))
        .filter(|(_, tier)| live.contains(tier))
        .collect()
}

/// The tiers of `live` that rank above `tier`.
fn above(tier: Tier, live: &[Tier]) -> Vec<Tier> {
    let at = TIERS
        .iter()
        .position(|t| *t == tier)
        .expect("every tier is listed");
    TIERS[..at]
        .iter()
        .copied()
        .filter(|tier| live.contains(tier))
        .collect()
}

/// The tiers that can hold hits of `terms` within `filter`. Every tier leaves out the hits of
/// the tiers above it, and each tier is searched by a statement of its own that reads the
/// words' hits anew, as long as there is no hit to give: words that nowhere stand together
/// (`khong co tu nay`) read the phrase tiers seven times over (21 ms on 100,000 articles on
/// SQLite). Asked once here whether the phrase exists at all, a tier that cannot hold a hit
/// is neither searched nor left out of the others.
fn live_tiers(conn: &mut Conn, terms: &SearchTerms, filter: &ArticleFilter) -> Result<Vec<Tier>> {
    let mut exists = |sqlite: String, postgres: String| -> Result<bool> {
        let (sql, query) = match conn.engine() {
            Engine::Sqlite => (
                format!(
                    "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 AND {} LIMIT 1",
                    key_range(filter, "articles_fts.rowid")
                ),
                in_category(in_text(&sqlite), filter),
            ),
            // `words` joins the fields, so a phrase could run from one into the next: then
            // its tiers are searched, and find nothing.
            Engine::Postgres => (
                format!(
                    "SELECT 1 FROM articles_search s \
                     WHERE s.words @@ CAST(?1 AS tsquery) AND {}{} LIMIT 1",
                    key_range(filter, "s.key"),
                    postgres_category(filter)
                ),
                postgres,
            ),
        };
        let found: Vec<i64> = conn.query(&sql, &[&query], |row| row.get(0))?;
        Ok(!found.is_empty())
    };
    // The whole phrase is a part of the phrase with its last word begun.
    let phrase = exists(terms.fts_phrase(None), terms.tsquery_phrase())?;
    let whole_phrase =
        phrase && exists(terms.fts_whole_phrase(None), terms.tsquery_whole_phrase())?;
    Ok(TIERS
        .into_iter()
        .filter(|tier| match tier {
            Tier::WholePhraseInTitle | Tier::WholePhraseInSummary | Tier::WholePhraseInBody => {
                whole_phrase
            }
            Tier::PhraseInTitle | Tier::PhraseInSummary | Tier::PhraseInBody => phrase,
            Tier::WordsInTitle | Tier::Rest => true,
        })
        .collect())
}

/// Whether the words as typed can have hits: they are a whole phrase, which folds to the
/// folded words' whole phrase. When that is nowhere, no tier leaves them out.
fn typed_live(live: &[Tier]) -> bool {
    live.contains(&Tier::WholePhraseInBody)
}

/// PostgreSQL: the condition that keeps the filter's category, if it has one.
fn postgres_category(filter: &ArticleFilter) -> String {
    filter
        .category_id
        .map(|id| format!(" AND s.category_id = {id}"))
        .unwrap_or_default()
}

/// FTS5: `expression` within the filter's category, when it has one (the category's id is in
/// the index too, so a search in one category reads only its hits).
fn in_category(expression: String, filter: &ArticleFilter) -> String {
    match filter.category_id {
        Some(category) => format!("({expression}) AND category : \"{category}\""),
        None => expression,
    }
}

/// Every hit of `terms` (`None`: of any tier), as the engine finds them: the tables (the
/// articles as `a`), the condition and the order. Parameters run from ?7 on: ?1-?4 are the
/// filter's, ?5 and ?6 the limit and offset.
struct TierQuery {
    /// The index alone, which the condition reads: enough to count the hits when no filter
    /// needs the articles.
    index: &'static str,
    from: &'static str,
    matched: String,
    params: Vec<String>,
    order: &'static str,
}

fn tier_query(
    engine: Engine,
    terms: &SearchTerms,
    tier: Option<(Marks, Tier)>,
    filter: &ArticleFilter,
    live: &[Tier],
) -> TierQuery {
    let as_typed = terms.as_typed();
    match engine {
        Engine::Sqlite => {
            // The marked words have an index of their own, and the folded titles another,
            // all under the same keys.
            let index = match (tier, &as_typed) {
                (Some((Marks::AsTyped, _)), Some(_)) => &SQLITE_MARKED,
                (Some((Marks::Folded, tier)), _) if TITLE_TIERS.contains(&tier) => &SQLITE_TITLES,
                _ => &SQLITE_FOLDED,
            };
            let table = index.table;
            let words = match (tier, &as_typed) {
                (Some((Marks::AsTyped, _)), Some(as_typed)) => as_typed,
                _ => terms,
            };
            let expression = match tier {
                None => in_text(&words.fts_all(None)),
                // The titles' index cannot say what the other fields hold: the tiers above
                // are left out below, hit by hit.
                Some((_, tier)) if index.title_only => fts_own(words, tier),
                Some((_, tier)) => fts_tier(words, tier, live),
            };
            let expression = in_category(expression, filter);
            let mut matched = format!(
                "{table} MATCH ?7 AND {}",
                key_range(filter, &format!("{table}.rowid"))
            );
            let mut params = vec![expression];
            // Each of the titles' hits is looked up in the folded index (a hit's words are
            // found by its key, not read in full): is it in a tier above?
            if let Some((_, tier)) = tier.filter(|_| index.title_only) {
                if !above(tier, live).is_empty() {
                    let placeholder = format!("?{}", 7 + params.len());
                    matched.push_str(&format!(
                        " AND NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH \
                         {placeholder} AND articles_fts.rowid = {table}.rowid)"
                    ));
                    params.push(fts_above(words, tier, live));
                }
            }
            // The folded words' tiers leave out the hits of the words as typed.
            if let (Some((Marks::Folded, _)), Some(as_typed), true) =
                (tier, &as_typed, typed_live(live))
            {
                let placeholder = format!("?{}", 7 + params.len());
                matched.push_str(&format!(
                    " AND {table}.rowid NOT IN \
                     (SELECT rowid FROM articles_marked_fts WHERE articles_marked_fts MATCH \
                     {placeholder})"
                ));
                params.push(in_text(&as_typed.fts_whole_phrase(None)));
            }
            TierQuery {
                index: table,
                from: index.from,
                matched,
                params,
                order: index.order,
            }
        }
        Engine::Postgres => {
            // ?7-?9 are the folded words' queries, ?10-?12 those of the words as typed (the
            // folded ones again when there are none: each is typed, so an unused one binds).
            let condition = match tier {
                None => "s.words @@ CAST(?7 AS tsquery)".to_string(),
                // The tier's own fields first: a row read in key order (`first_look`) is
                // mostly not in a rare tier, and a title is quicker to read than all the words.
                Some((Marks::AsTyped, tier)) => format!(
                    "{} AND s.marked @@ CAST(?12 AS tsquery)",
                    tsquery_tier(tier, "s.marked_", ["?10", "?11", "?12"], live)
                ),
                Some((Marks::Folded, tier)) => {
                    let mut condition = format!(
                        "{} AND s.words @@ CAST(?7 AS tsquery)",
                        tsquery_tier(tier, "s.", ["?7", "?8", "?9"], live)
                    );
                    // The folded words' tiers leave out the hits of the words as typed: the
                    // whole phrase in one of the fields (`marked` joins them, so a phrase
                    // there could run from the title into the summary).
                    if as_typed.is_some() && typed_live(live) {
                        condition.push_str(
                            " AND NOT (s.marked_title @@ CAST(?12 AS tsquery) \
                             OR s.marked_summary @@ CAST(?12 AS tsquery) \
                             OR s.marked_body @@ CAST(?12 AS tsquery))",
                        );
                    }
                    condition
                }
            };
            let marked = as_typed.as_ref().unwrap_or(terms);
            TierQuery {
                index: "articles_search s",
                from: "articles_search s JOIN articles a ON a.id = s.article_id",
                matched: format!(
                    "{condition}{} AND {}",
                    postgres_category(filter),
                    key_range(filter, "s.key")
                ),
                params: vec![
                    terms.tsquery_all(),
                    terms.tsquery_phrase(),
                    terms.tsquery_whole_phrase(),
                    marked.tsquery_all(),
                    marked.tsquery_phrase(),
                    marked.tsquery_whole_phrase(),
                ],
                order: "s.key DESC",
            }
        }
    }
}

/// FTS5: the hits of `tier` of `terms`, in the columns of the table searched. FTS5's NOT
/// takes away the hits of the tiers above (of those in `live`).
fn fts_tier(terms: &SearchTerms, tier: Tier, live: &[Tier]) -> String {
    match above(tier, live).is_empty() {
        true => fts_own(terms, tier),
        false => format!(
            "({}) NOT ({})",
            fts_own(terms, tier),
            fts_above(terms, tier, live)
        ),
    }
}

/// FTS5: what makes a hit of `tier`, tiers above or not.
fn fts_own(terms: &SearchTerms, tier: Tier) -> String {
    match tier {
        Tier::WholePhraseInTitle => terms.fts_whole_phrase(Some(Column::Title)),
        Tier::WholePhraseInSummary => terms.fts_whole_phrase(Some(Column::Summary)),
        Tier::WholePhraseInBody => terms.fts_whole_phrase(Some(Column::Body)),
        Tier::PhraseInTitle => terms.fts_phrase(Some(Column::Title)),
        Tier::PhraseInSummary => terms.fts_phrase(Some(Column::Summary)),
        Tier::WordsInTitle => terms.fts_all(Some(Column::Title)),
        Tier::PhraseInBody => terms.fts_phrase(Some(Column::Body)),
        Tier::Rest => in_text(&terms.fts_all(None)),
    }
}

/// FTS5: the hits of the tiers of `live` above `tier` (which has some).
fn fts_above(terms: &SearchTerms, tier: Tier, live: &[Tier]) -> String {
    let above: Vec<String> = above(tier, live)
        .iter()
        .map(|&tier| fts_own(terms, tier))
        .collect();
    above.join(" OR ")
}

/// PostgreSQL: the hits of `tier`, in the columns named `{prefix}title`, `{prefix}summary`
/// and `{prefix}body`, given the parameters of every word, the phrase and the whole phrase,
/// less the hits of the tiers of `live` above it.
fn tsquery_tier(
    tier: Tier,
    prefix: &str,
    [all, phrase, whole]: [&str; 3],
    live: &[Tier],
) -> String {
    let has = |column: &str, query: &str| format!("{prefix}{column} @@ CAST({query} AS tsquery)");
    let own = |tier: Tier| match tier {
        Tier::WholePhraseInTitle => has("title", whole),
        Tier::WholePhraseInSummary => has("summary", whole),
        Tier::WholePhraseInBody => has("body", whole),
        Tier::PhraseInTitle => has("title", phrase),
        Tier::PhraseInSummary => has("summary", phrase),
        Tier::WordsInTitle => has("title", all),
        Tier::PhraseInBody => has("body", phrase),
        // Every hit has every word somewhere: the match itself says so.
        Tier::Rest => "TRUE".to_string(),
    };
    let mut condition = own(tier);
    for tier in above(tier, live) {
        condition.push_str(&format!(" AND NOT {}", own(tier)));
    }
    condition
}

/// One of SQLite's article indexes (FTS5), under the same keys (`search_key`).
struct SqliteIndex {
    table: &'static str,
    /// How its text is written from a field (`index_text`, `marked_index_text`).
    words: fn(&str) -> String,
    /// It holds the title (and the category) only.
    title_only: bool,
    /// The index joined to the articles: its keys' low bits are the article's id.
    from: &'static str,
    order: &'static str,
}

/// The folded words of every field: what most tiers, and the count, read.
const SQLITE_FOLDED: SqliteIndex = SqliteIndex {
    table: "articles_fts",
    words: index_text,
    title_only: false,
    from: "articles_fts JOIN articles a ON a.id = (articles_fts.rowid & 1073741823)",
    order: "articles_fts.rowid DESC",
};
/// The words as written (`search::marked_words`), for the words as typed.
const SQLITE_MARKED: SqliteIndex = SqliteIndex {
    table: "articles_marked_fts",
    words: marked_index_text,
    title_only: false,
    from: "articles_marked_fts JOIN articles a ON a.id = (articles_marked_fts.rowid & 1073741823)",
    order: "articles_marked_fts.rowid DESC",
};
/// The folded titles alone, for the title tiers (`TITLE_TIERS`): FTS5 keeps one list of hits
/// per word for all of an index's columns, so that in the folded index, finding the few
/// titles with a common word reads every article with it.
const SQLITE_TITLES: SqliteIndex = SqliteIndex {
    table: "articles_title_fts",
    words: index_text,
    title_only: true,
    from: "articles_title_fts JOIN articles a ON a.id = (articles_title_fts.rowid & 1073741823)",
    order: "articles_title_fts.rowid DESC",
};
const _: () = assert!(ID_MASK == 1_073_741_823);

const SQLITE_INDEXES: [&SqliteIndex; 3] = [&SQLITE_FOLDED, &SQLITE_MARKED, &SQLITE_TITLES];

/// The folded words' tiers that read the titles' index.
const TITLE_TIERS: [Tier; 3] = [
    Tier::WholePhraseInTitle,
    Tier::PhraseInTitle,
    Tier::WordsInTitle,
];

/// The page of hits `page` asks for, tier after tier, and how many there are in all, counted
/// up to `SEARCH_COUNT_LIMIT`: no page lies beyond it.
pub fn search_articles(
    conn: &mut Conn,
    filter: &ArticleFilter,
    terms: &SearchTerms,
    page: PageRequest,
) -> Result<Paged<ArticleSummary>> {
    let engine = conn.engine();
    let live = live_tiers(conn, terms, filter)?;
    let all = tier_query(engine, terms, None, filter, &live);
    let counted = count(conn, filter, &all, SEARCH_COUNT_LIMIT + 1)?;
    let total = counted.min(SEARCH_COUNT_LIMIT);
    let mut items: Vec<ArticleSummary> = Vec::new();
    // How many hits of the tiers still to come belong to earlier pages.
    let mut skip = page.offset();
    let wanted = u64::from(page.per_page).min(total.saturating_sub(skip));
    for tier in tiers(terms, &live) {
        if items.len() as u64 == wanted {
            break;
        }
        let query = tier_query(engine, terms, Some(tier), filter, &live);
        let limit = wanted - items.len() as u64;
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
    let mut answer = page.answer(items, total);
    answer.more_than_total = counted > SEARCH_COUNT_LIMIT;
    Ok(answer)
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

/// How many hits `query` has, counting no further than `limit`.
fn count(conn: &mut Conn, filter: &ArticleFilter, query: &TierQuery, limit: u64) -> Result<u64> {
    // The index alone knows, but for `featured`: each of its rows is an article, with its
    // time and category. Joining 70,000 hits to count them took 100 ms of a common word's
    // 150 ms on 100,000 articles (SQLite).
    let hits = if filter.featured.is_none() {
        format!(
            "SELECT 1 FROM {} WHERE {} LIMIT ?5",
            query.index, query.matched
        )
    } else {
        format!(
            "SELECT 1 FROM {} WHERE {} AND {FILTER_CONDITION} LIMIT ?5",
            query.from, query.matched
        )
    };
    let offset = 0;
    conn.query_one(
        &format!("SELECT COUNT(*) FROM ({hits}) AS hits"),
        &params(filter, query, &limit, &offset),
        |row| row.get(0),
    )
}

/// PostgreSQL: how many of the newest rows within the filter a tier's statement reads
/// first, when the words have more hits than a rare word (`counted`) and `wanted` hits fill
/// the pages asked for.
///
/// PostgreSQL's GIN index gives a word's hits in no order, and its planner, guessing how
/// many hits a phrase has from its words, cannot tell a tier of a common word (a page among
/// the newest hundred articles) from a rare one. It checked every hit against the tier's
/// fields and sorted them: 6,000-27,000 hits and 130-500 ms a statement for common words on
/// 100,000 articles. Read in key order, an article costs 3-20 µs (its row, and the fields
/// the tier reads), and the statement stops at the page; when the newest articles hold no
/// full page, the tier is rare, and the GIN statement finds it. SQLite's FTS5 reads every
/// index in key order already.
fn first_look(engine: Engine, counted: u64, wanted: u64) -> Option<u64> {
    const COMMON: u64 = 100;
    // A tier with a hit in every 50 articles fills its pages from the first look.
    const ARTICLES_PER_HIT: u64 = 50;
    const MOST: u64 = 2000;
    (engine == Engine::Postgres && counted > COMMON)
        .then_some((wanted * ARTICLES_PER_HIT).min(MOST))
}

/// A tier's hits `skip..skip + limit`, newest first, read by `hits` in the way that suits the
/// engine and how many hits the words have in all (`counted`): on PostgreSQL, among the newest
/// rows first (`first_look`), then, if they hold too few, from the whole index.
pub(super) fn read_tier<T>(
    engine: Engine,
    counted: u64,
    skip: u64,
    limit: u64,
    mut hits: impl FnMut(Read) -> Result<Vec<T>>,
) -> Result<Vec<T>> {
    let read = match first_look(engine, counted, skip + limit) {
        Some(newest) => Read::Newest(newest),
        None if engine == Engine::Sqlite && counted <= SORTED_AT_MOST => Read::Sorted,
        None => Read::InKeyOrder,
    };
    let found = hits(read)?;
    match read {
        Read::Newest(_) if (found.len() as u64) < limit => hits(Read::InKeyOrder),
        _ => Ok(found),
    }
}

/// SQLite: up to how many hits (of every tier) a tier's hits are read in the index's own
/// order and sorted, rather than read newest first. FTS5 reads a word's hits backwards
/// slowly where it skips, as it does for words each common but rarely together: on a million
/// articles, `sa nhan` (one hit) took 6-12 ms read newest first and 0.05-0.08 ms sorted,
/// `khong co tu nay` (nine) 5-10 ms and 0.5-0.6 ms. Sorting many hits costs more than it
/// saves (`cai cach hanh chinh`, over a thousand: 0.09 ms newest first, 353 ms sorted).
const SORTED_AT_MOST: u64 = 100;

/// How `hits` reads a tier's hits, newest first.
#[derive(Clone, Copy)]
pub(super) enum Read {
    /// From the index newest first.
    InKeyOrder,
    /// SQLite: in the index's order, then sorted (few hits: `SORTED_AT_MOST`).
    Sorted,
    /// PostgreSQL: of the given number of newest rows within the filter only (`first_look`).
    Newest(u64),
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
    read: Read,
) -> Result<Vec<ArticleSummary>> {
    let from = match read {
        // No condition reaches into a subquery with a LIMIT: the tier's are checked on these
        // rows alone, in key order, until the page is full.
        Read::Newest(newest) => format!(
            "(SELECT * FROM articles_search s WHERE {}{} ORDER BY s.key DESC LIMIT {newest}) s \
             JOIN articles a ON a.id = s.article_id",
            key_range(filter, "s.key"),
            postgres_category(filter)
        ),
        Read::InKeyOrder | Read::Sorted => query.from.to_string(),
    };
    // A term that is not the key itself is not the index's to give in order: SQLite sorts.
    let sorted = match read {
        Read::Sorted => "+",
        Read::InKeyOrder | Read::Newest(_) => "",
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, a.body_text
         FROM {from} JOIN categories c ON c.id = a.category_id
         WHERE {} AND {FILTER_CONDITION}
         ORDER BY {sorted}{} LIMIT ?5 OFFSET ?6",
        query.matched, query.order
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

/// What the search index holds of an article.
pub struct ArticleText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// The body as text (`html::text_of`).
    pub body: &'a str,
}

/// Puts an article's words into the search index under its key, folded and with their
/// marks, replacing what was there (under `old_key`, when its publication time changed).
pub fn index_article(
    conn: &mut Conn,
    id: i64,
    key: i64,
    old_key: Option<i64>,
    text: &ArticleText,
) -> Result<()> {
    let fields = [text.title, text.summary, text.body];
    match conn.engine() {
        Engine::Sqlite => {
            for stale in [Some(key), old_key].into_iter().flatten() {
                unindex_article(conn, stale)?;
            }
            // The category's id, from the article's row, is the `category` column's one token.
            for index in SQLITE_INDEXES {
                let table = index.table;
                let category = "(SELECT category_id FROM articles WHERE id = ?2)";
                if index.title_only {
                    conn.execute(
                        &format!(
                            "INSERT INTO {table} (rowid, category, title)
                             VALUES (?1, {category}, ?3)"
                        ),
                        &[&key, &id, &(index.words)(text.title)],
                    )?;
                } else {
                    let [title, summary, body] = fields.map(index.words);
                    conn.execute(
                        &format!(
                            "INSERT INTO {table} (rowid, category, title, summary, body)
                             VALUES (?1, {category}, ?3, ?4, ?5)"
                        ),
                        &[&key, &id, &title, &summary, &body],
                    )?;
                }
            }
        }
        Engine::Postgres => {
            let [title, summary, body] = fields.map(tsvector_literal);
            let [marked_title, marked_summary, marked_body] = fields.map(marked_tsvector_literal);
            conn.execute(
                "INSERT INTO articles_search (article_id, key, title, summary, body, words,
                     marked_title, marked_summary, marked_body, marked, category_id)
                 VALUES (?1, ?2, CAST(?3 AS tsvector), CAST(?4 AS tsvector),
                         CAST(?5 AS tsvector),
                         CAST(?3 AS tsvector) || CAST(?4 AS tsvector) || CAST(?5 AS tsvector),
                         CAST(?6 AS tsvector), CAST(?7 AS tsvector), CAST(?8 AS tsvector),
                         CAST(?6 AS tsvector) || CAST(?7 AS tsvector) || CAST(?8 AS tsvector),
                         (SELECT category_id FROM articles WHERE id = ?1))
                 ON CONFLICT (article_id) DO UPDATE SET key = excluded.key,
                     title = excluded.title, summary = excluded.summary, body = excluded.body,
                     words = excluded.words, marked_title = excluded.marked_title,
                     marked_summary = excluded.marked_summary,
                     marked_body = excluded.marked_body, marked = excluded.marked,
                     category_id = excluded.category_id",
                &[
                    &id,
                    &key,
                    &title,
                    &summary,
                    &body,
                    &marked_title,
                    &marked_summary,
                    &marked_body,
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
        for index in SQLITE_INDEXES {
            let table = index.table;
            conn.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), &[&key])?;
        }
    }
    Ok(())
}

/// Runs one of FTS5's special commands (`delete-all`, `optimize`) on every SQLite index.
fn sqlite_command(command: &str, conn: &mut Conn) -> Result<()> {
    for index in SQLITE_INDEXES {
        let table = index.table;
        conn.execute(
            &format!("INSERT INTO {table} ({table}) VALUES (?1)"),
            &[&command],
        )?;
    }
    Ok(())
}

/// How many articles `rebuild` reads at a time: a province's million articles do not fit
/// in memory at once.
const REINDEX_BATCH: u32 = 1000;

/// Rebuilds the whole search index from the articles; returns how many were indexed.
pub fn rebuild(conn: &mut Conn) -> Result<usize> {
    match conn.engine() {
        Engine::Sqlite => sqlite_command("delete-all", conn)?,
        Engine::Postgres => {
            conn.execute("DELETE FROM articles_search", &[])?;
        }
    };
    let mut count = 0;
    let mut after: i64 = 0;
    loop {
        let batch: Vec<(i64, String, String, String, String, Lang)> = conn.query(
            "SELECT id, published_at, title, summary, body_text, lang FROM articles
             WHERE id > ?1 ORDER BY id LIMIT ?2",
            &[&after, &REINDEX_BATCH],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    super::articles::lang_column(row, 5)?,
                ))
            },
        )?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (id, published_at, title, summary, body, lang) in &batch {
            let key = search_key(published_at, *id, *lang);
            let text = ArticleText {
                title,
                summary,
                body,
            };
            index_article(conn, *id, key, None, &text)?;
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
        Engine::Sqlite => sqlite_command("optimize", conn)?,
        Engine::Postgres => {
            conn.execute("ANALYZE articles_search", &[])?;
        }
    };
    Ok(())
}

/// The index's layout; a database indexed under another is indexed again on start.
const INDEX_VERSION: &str = "4: rowid is search_key; title, summary, body, category; \
     index_words and marked_words; the titles alone";
const INDEX_SETTING: &str = "search_index";

/// Notes the index as built under this layout without rebuilding it: for a new database
/// whose every article was indexed as it was added (the benchmarks' synthetic ones), which a
/// rebuild would only index a second time (at a million articles, over 17 minutes more).
pub fn note_current_layout(conn: &mut Conn) -> Result<()> {
    super::settings::set(conn, INDEX_SETTING, INDEX_VERSION)
}

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
