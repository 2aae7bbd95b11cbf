//! Articles: lists, search, one article, and writing them with their search index.

use portal_contract::{Article, ArticleSummary, CategoryRef, Highlight, Image, PageRequest, Paged};

use super::time_column;
use crate::db::{bad_column, Conn, Engine, Result, Row};
use crate::search::{index_text, tsvector_literal, Column, SearchTerms};

/// An article that passed validation and sanitizing, ready to store.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    /// The body without tags, for search.
    pub body_text: String,
    /// RFC 3339 in +07:00.
    pub published_at: String,
    pub author: String,
    pub category_slug: String,
    pub image: Option<Image>,
    pub featured: bool,
}

/// Which articles a list shows.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub category_id: Option<i64>,
    pub featured: Option<bool>,
    /// Published at or after this time (RFC 3339 in +07:00).
    pub from: Option<String>,
    /// Published before this time (RFC 3339 in +07:00).
    pub until: Option<String>,
    /// Words to search for; the list is then ordered by relevance.
    pub terms: Option<SearchTerms>,
}

const SUMMARY_COLUMNS: &str = "a.slug, a.title, a.summary, a.published_at, a.author, c.slug, c.name, a.image_json, a.featured";

pub(crate) fn summary_from_row(row: &Row<'_>) -> Result<ArticleSummary> {
    Ok(ArticleSummary {
        slug: row.get(0)?,
        title: row.get(1)?,
        summary: row.get(2)?,
        published_at: time_column(row, 3)?,
        author: row.get(4)?,
        category: CategoryRef {
            slug: row.get(5)?,
            name: row.get(6)?,
        },
        image: image_column(row, 7)?,
        featured: row.get(8)?,
        highlight: None,
    })
}

pub(crate) fn image_column(row: &Row<'_>, index: usize) -> Result<Option<Image>> {
    let json: Option<String> = row.get(index)?;
    json.map(|json| serde_json::from_str(&json).map_err(|err| bad_column(index, err)))
        .transpose()
}

pub fn list_articles(
    conn: &mut Conn,
    filter: &ArticleFilter,
    page: PageRequest,
) -> Result<Paged<ArticleSummary>> {
    if let Some(terms) = &filter.terms {
        return search_articles(conn, filter, terms, page);
    }
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM articles a WHERE {FILTER_CONDITION}"),
        &[
            &filter.category_id,
            &filter.featured,
            &filter.from,
            &filter.until,
        ],
        |row| row.get(0),
    )?;
    let items = conn.query(
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
             WHERE {FILTER_CONDITION}
             ORDER BY a.published_at DESC, a.id DESC LIMIT ?5 OFFSET ?6"
        ),
        &[
            &filter.category_id,
            &filter.featured,
            &filter.from,
            &filter.until,
            &page.per_page,
            &page.offset(),
        ],
        summary_from_row,
    )?;
    Ok(page.answer(items, total))
}

/// NULL parameters switch a condition off, so one statement serves every filter: ?1 the
/// category's id, ?2 featured, ?3 from, ?4 until.
const FILTER_CONDITION: &str = "(?1 IS NULL OR a.category_id = ?1)
    AND (?2 IS NULL OR a.featured = ?2)
    AND (?3 IS NULL OR a.published_at >= ?3)
    AND (?4 IS NULL OR a.published_at < ?4)";

/// How each engine finds and ranks hits: the same tiers (see `search`), in its own index.
/// ?7 is every word anywhere, ?8 the phrase in the title, ?9 every word in the title, ?10
/// the phrase in the body (PostgreSQL's index has the title and body apart, so it is given
/// plain queries and picks the part itself).
struct SearchSql {
    from: &'static str,
    matched: &'static str,
    tier: &'static str,
}

const FTS5_SEARCH: SearchSql = SearchSql {
    from: "articles_fts JOIN articles a ON a.id = articles_fts.rowid",
    matched: "articles_fts MATCH ?7",
    tier: "CASE WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?8) THEN 0
                WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?9) THEN 1
                WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?10) THEN 2
                ELSE 3 END",
};

const POSTGRES_SEARCH: SearchSql = SearchSql {
    from: "articles_search s JOIN articles a ON a.id = s.article_id",
    matched: "s.words @@ CAST(?7 AS tsquery)",
    tier: "CASE WHEN s.title @@ CAST(?8 AS tsquery) THEN 0
                WHEN s.title @@ CAST(?9 AS tsquery) THEN 1
                WHEN s.body @@ CAST(?10 AS tsquery) THEN 2
                ELSE 3 END",
};

/// Hits in tiers (the phrase in the title, every word in the title, the phrase in the
/// body, the rest), newest first within each.
fn search_articles(
    conn: &mut Conn,
    filter: &ArticleFilter,
    terms: &SearchTerms,
    page: PageRequest,
) -> Result<Paged<ArticleSummary>> {
    let (sql, all, first, second, third) = match conn.engine() {
        Engine::Sqlite => (
            FTS5_SEARCH,
            terms.fts_all(None),
            terms.fts_phrase(Column::Title),
            terms.fts_all(Some(Column::Title)),
            terms.fts_phrase(Column::Body),
        ),
        Engine::Postgres => (
            POSTGRES_SEARCH,
            terms.tsquery_all(),
            terms.tsquery_phrase(),
            terms.tsquery_all(),
            terms.tsquery_phrase(),
        ),
    };
    let SearchSql {
        from,
        matched,
        tier,
    } = sql;
    let total: u64 = conn.query_one(
        &format!(
            "SELECT COUNT(*) FROM {from} WHERE {matched} AND {FILTER_CONDITION}
"
        ),
        &[
            &filter.category_id,
            &filter.featured,
            &filter.from,
            &filter.until,
            &page.per_page,
            &page.offset(),
            &all,
        ],
        |row| row.get(0),
    )?;
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, a.body_text, {tier} AS tier
         FROM {from} JOIN categories c ON c.id = a.category_id
         WHERE {matched} AND {FILTER_CONDITION}
         ORDER BY tier, a.published_at DESC, a.id DESC
         LIMIT ?5 OFFSET ?6"
    );
    let params: [&dyn crate::db::ToParam; 10] = [
        &filter.category_id,
        &filter.featured,
        &filter.from,
        &filter.until,
        &page.per_page,
        &page.offset(),
        &all,
        &first,
        &second,
        &third,
    ];
    let items = conn.query(&sql, &params, |row| {
        let mut summary = summary_from_row(row)?;
        let body_text: String = row.get(9)?;
        summary.highlight = Some(Highlight {
            title: terms.highlight(&summary.title),
            snippet: terms.snippet(&body_text),
        });
        Ok(summary)
    })?;
    Ok(page.answer(items, total))
}

/// How many related articles an article page shows.
const RELATED_COUNT: u32 = 5;

pub fn article(conn: &mut Conn, slug: &str) -> Result<Option<Article>> {
    let found = conn.query_opt(
        "SELECT a.id, a.category_id, a.slug, a.title, a.summary, a.body_html, a.published_at,
                a.updated_at, a.author, c.slug, c.name, a.image_json, a.featured
         FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.slug = ?1",
        &[&slug],
        |row| {
            let id: i64 = row.get(0)?;
            let category_id: i64 = row.get(1)?;
            let article = Article {
                slug: row.get(2)?,
                title: row.get(3)?,
                summary: row.get(4)?,
                body_html: row.get(5)?,
                published_at: time_column(row, 6)?,
                updated_at: time_column(row, 7)?,
                author: row.get(8)?,
                category: CategoryRef {
                    slug: row.get(9)?,
                    name: row.get(10)?,
                },
                image: image_column(row, 11)?,
                featured: row.get(12)?,
                related: Vec::new(),
            };
            Ok((id, category_id, article))
        },
    )?;
    let Some((id, category_id, mut article)) = found else {
        return Ok(None);
    };
    article.related = conn.query(
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
             WHERE a.category_id = ?1 AND a.id <> ?2
             ORDER BY a.published_at DESC, a.id DESC LIMIT ?3"
        ),
        &[&category_id, &id, &RELATED_COUNT],
        summary_from_row,
    )?;
    Ok(Some(article))
}

/// Inserts `article`, or updates the article with the same slug. An unchanged article keeps
/// its `updated_at`, so importing the same file twice changes nothing.
pub fn upsert_article(conn: &mut Conn, article: &NewArticle, now: &str) -> Result<()> {
    let image_json = article
        .image
        .as_ref()
        .map(|image| serde_json::to_string(image).expect("image serializes"));
    // RETURNING answers a row only when one was inserted or changed.
    let changed: Option<i64> = conn.query_opt(
        "INSERT INTO articles (slug, title, summary, body_html, body_text, published_at, updated_at,
                               author, category_id, image_json, featured)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, (SELECT id FROM categories WHERE slug = ?8), ?9, ?10)
         ON CONFLICT (slug) DO UPDATE SET
             title = excluded.title, summary = excluded.summary, body_html = excluded.body_html,
             body_text = excluded.body_text, published_at = excluded.published_at, author = excluded.author,
             category_id = excluded.category_id, image_json = excluded.image_json,
             featured = excluded.featured, updated_at = ?11
         WHERE (articles.title, articles.summary, articles.body_html, articles.published_at,
                articles.author, articles.category_id, articles.image_json, articles.featured)
            IS DISTINCT FROM (excluded.title, excluded.summary, excluded.body_html, excluded.published_at,
                    excluded.author, excluded.category_id, excluded.image_json, excluded.featured)
         RETURNING id",
        &[
            &article.slug,
            &article.title,
            &article.summary,
            &article.body_html,
            &article.body_text,
            &article.published_at,
            &article.author,
            &article.category_slug,
            &image_json,
            &article.featured,
            &now,
        ],
        |row| row.get(0),
    )?;
    if let Some(id) = changed {
        index_article(conn, id, &article.title, &article.body_text)?;
    }
    Ok(())
}

/// Puts an article's title and body words into the search index, replacing what was there.
fn index_article(conn: &mut Conn, id: i64, title: &str, body_text: &str) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => {
            conn.execute("DELETE FROM articles_fts WHERE rowid = ?1", &[&id])?;
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                &[&id, &index_text(title), &index_text(body_text)],
            )?;
        }
        Engine::Postgres => {
            conn.execute(
                "INSERT INTO articles_search (article_id, title, body, words)
                 VALUES (?1, CAST(?2 AS tsvector), CAST(?3 AS tsvector),
                         CAST(?2 AS tsvector) || CAST(?3 AS tsvector))
                 ON CONFLICT (article_id) DO UPDATE SET
                     title = excluded.title, body = excluded.body, words = excluded.words",
                &[&id, &tsvector_literal(title), &tsvector_literal(body_text)],
            )?;
        }
    }
    Ok(())
}

/// How many articles `rebuild_search_index` reads at a time: a province's million articles
/// do not fit in memory at once.
const REINDEX_BATCH: u32 = 1000;

/// Rebuilds the whole search index from the articles; returns how many were indexed.
pub fn rebuild_search_index(conn: &mut Conn) -> Result<usize> {
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
        let batch: Vec<(i64, String, String)> = conn.query(
            "SELECT id, title, body_text FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
            &[&after, &REINDEX_BATCH],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (id, title, body_text) in &batch {
            index_article(conn, *id, title, body_text)?;
        }
        count += batch.len();
    }
    optimize_search_index(conn)?;
    Ok(count)
}

/// Merges the search index into one segment. Articles indexed one at a time leave many
/// small segments that every search reads; merged, a search on the demo content answers
/// about 1.8 times as many requests a second. Run once after each batch of writes (an import
/// file, the seeding, a synthetic batch, a reindex), not per article. PostgreSQL's GIN index
/// merges its pending list itself; it is told to refresh its statistics instead.
pub fn optimize_search_index(conn: &mut Conn) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
            &[],
        )?,
        Engine::Postgres => conn.execute("ANALYZE articles_search", &[])?,
    };
    Ok(())
}

pub fn article_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ?1)",
        &[&slug],
        |row| row.get(0),
    )
}

/// One article's address and when it last changed, for the sitemap.
#[derive(Debug, Clone)]
pub struct ArticleLocation {
    pub slug: String,
    /// RFC 3339 in +07:00.
    pub updated_at: String,
}

pub fn article_count(conn: &mut Conn) -> Result<u64> {
    conn.query_one("SELECT COUNT(*) FROM articles", &[], |row| row.get(0))
}

/// Articles `offset..offset + limit` in the order they were stored: a sitemap's pages stay
/// the same as articles are added.
pub fn article_locations(conn: &mut Conn, offset: u64, limit: u64) -> Result<Vec<ArticleLocation>> {
    conn.query(
        "SELECT slug, updated_at FROM articles ORDER BY id LIMIT ?1 OFFSET ?2",
        &[&limit, &offset],
        |row| {
            Ok(ArticleLocation {
                slug: row.get(0)?,
                updated_at: row.get(1)?,
            })
        },
    )
}

/// One stored article's body and lead image, as `reclean` reads and writes them.
pub struct StoredBody {
    pub id: i64,
    pub title: String,
    pub body_html: String,
    pub image: Option<Image>,
}

/// Passes every stored body and lead image through `clean` (which answers the new body and
/// image, or `None` when nothing changes), writing back and re-indexing what changed; returns
/// how many articles changed. `updated_at` stays: the article's content is the same to its
/// readers, only what was never allowed is gone.
pub fn reclean(
    conn: &mut Conn,
    clean: impl Fn(&StoredBody) -> Option<(String, String, Option<Image>)>,
) -> Result<usize> {
    let bodies: Vec<StoredBody> = conn.query(
        "SELECT id, title, body_html, image_json FROM articles ORDER BY id",
        &[],
        |row| {
            Ok(StoredBody {
                id: row.get(0)?,
                title: row.get(1)?,
                body_html: row.get(2)?,
                image: image_column(row, 3)?,
            })
        },
    )?;
    let mut changed = 0;
    for stored in &bodies {
        let Some((body_html, body_text, image)) = clean(stored) else {
            continue;
        };
        let image_json = image
            .as_ref()
            .map(|image| serde_json::to_string(image).expect("image serializes"));
        conn.execute(
            "UPDATE articles SET body_html = ?1, body_text = ?2, image_json = ?3 WHERE id = ?4",
            &[&body_html, &body_text, &image_json, &stored.id],
        )?;
        index_article(conn, stored.id, &stored.title, &body_text)?;
        changed += 1;
    }
    Ok(changed)
}
