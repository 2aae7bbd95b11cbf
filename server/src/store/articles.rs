//! Articles: lists, search, one article, and writing them with their search index.

use portal_contract::{
    fold, Article, ArticleSummary, CategoryRef, Highlight, Image, PageRequest, Paged,
};
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};

use super::{bad_text, time_column};
use crate::search::SearchTerms;

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

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
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

pub(crate) fn image_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Image>> {
    let json: Option<String> = row.get(index)?;
    json.map(|json| serde_json::from_str(&json).map_err(|err| bad_text(index, err)))
        .transpose()
}

pub fn list_articles(
    conn: &Connection,
    filter: &ArticleFilter,
    page: PageRequest,
) -> rusqlite::Result<Paged<ArticleSummary>> {
    if let Some(terms) = &filter.terms {
        return search_articles(conn, filter, terms, page);
    }
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM articles a WHERE {FILTER_CONDITION}"),
        named_params! {
            ":category": filter.category_id, ":featured": filter.featured,
            ":from": filter.from, ":until": filter.until,
        },
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {FILTER_CONDITION}
         ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset"
    ))?;
    let items = statement
        .query_map(
            named_params! {
                ":category": filter.category_id, ":featured": filter.featured,
                ":from": filter.from, ":until": filter.until,
                ":limit": page.per_page, ":offset": page.offset(),
            },
            summary_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(page.answer(items, total))
}

/// NULL parameters switch a condition off, so one statement serves every filter.
const FILTER_CONDITION: &str = "(:category IS NULL OR a.category_id = :category)
    AND (:featured IS NULL OR a.featured = :featured)
    AND (:from IS NULL OR a.published_at >= :from)
    AND (:until IS NULL OR a.published_at < :until)";

/// A search hit's score: title matches weigh ten times body matches (lower is better).
const RANK: &str = "bm25(articles_fts, 10.0, 1.0)";

/// Title matches weigh ten times body matches; ties go to the newer article.
fn search_articles(
    conn: &Connection,
    filter: &ArticleFilter,
    terms: &SearchTerms,
    page: PageRequest,
) -> rusqlite::Result<Paged<ArticleSummary>> {
    let matched = terms.fts_match();
    let unfiltered = filter.category_id.is_none()
        && filter.featured.is_none()
        && filter.from.is_none()
        && filter.until.is_none();
    // Without a filter the index alone knows how many articles match: every row of it is an
    // article (both change in the same transaction). Joining 70,000 hits to count them took
    // 100 ms of the 150 ms a common word cost on 100,000 articles.
    let total: u64 = if unfiltered {
        conn.prepare_cached("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?1")?
            .query_row([&matched], |row| row.get(0))?
    } else {
        conn.prepare_cached(&format!(
            "SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH :match AND {FILTER_CONDITION}"
        ))?
        .query_row(
            named_params! {
                ":match": matched, ":category": filter.category_id, ":featured": filter.featured,
                ":from": filter.from, ":until": filter.until,
            },
            |row| row.get(0),
        )?
    };
    // Likewise only the hits that can reach this page need their article: those scoring no
    // worse than the page's last hit (ties included, so they still go to the newer article).
    // With a filter, any hit may be filtered out, so every one is joined.
    let score_bound = if unfiltered {
        conn.prepare_cached(&format!(
            "SELECT {RANK} AS score FROM articles_fts WHERE articles_fts MATCH ?1
             ORDER BY score LIMIT 1 OFFSET ?2"
        ))?
        .query_row(
            params![matched, page.offset() + u64::from(page.per_page) - 1],
            |row| row.get::<_, f64>(0),
        )
        .optional()?
    } else {
        None
    };
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.body_text
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
              JOIN categories c ON c.id = a.category_id
         WHERE articles_fts MATCH :match AND {FILTER_CONDITION}
               AND (:bound IS NULL OR {RANK} <= :bound)
         ORDER BY {RANK}, a.published_at DESC, a.id DESC
         LIMIT :limit OFFSET :offset"
    ))?;
    let items = statement
        .query_map(
            named_params! {
                ":match": matched, ":category": filter.category_id, ":featured": filter.featured,
                ":from": filter.from, ":until": filter.until, ":bound": score_bound,
                ":limit": page.per_page, ":offset": page.offset(),
            },
            |row| {
                let mut summary = summary_from_row(row)?;
                let body_text: String = row.get(9)?;
                summary.highlight = Some(Highlight {
                    title: terms.highlight(&summary.title),
                    snippet: terms.snippet(&body_text),
                });
                Ok(summary)
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(page.answer(items, total))
}

/// How many related articles an article page shows.
const RELATED_COUNT: u32 = 5;

pub fn article(conn: &Connection, slug: &str) -> rusqlite::Result<Option<Article>> {
    let found = conn
        .query_row(
            "SELECT a.id, a.category_id, a.slug, a.title, a.summary, a.body_html, a.published_at,
                    a.updated_at, a.author, c.slug, c.name, a.image_json, a.featured
             FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.slug = ?1",
            [slug],
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
        )
        .optional()?;
    let Some((id, category_id, mut article)) = found else {
        return Ok(None);
    };
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE a.category_id = ?1 AND a.id <> ?2
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?3"
    ))?;
    article.related = statement
        .query_map(params![category_id, id, RELATED_COUNT], summary_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(article))
}

/// Inserts `article`, or updates the article with the same slug. An unchanged article keeps
/// its `updated_at`, so importing the same file twice changes nothing.
pub fn upsert_article(conn: &Connection, article: &NewArticle, now: &str) -> rusqlite::Result<()> {
    let image_json = article
        .image
        .as_ref()
        .map(|image| serde_json::to_string(image).expect("image serializes"));
    conn.execute(
        "INSERT INTO articles (slug, title, summary, body_html, body_text, published_at, updated_at,
                               author, category_id, image_json, featured)
         VALUES (:slug, :title, :summary, :body, :body_text, :published, :published, :author,
                 (SELECT id FROM categories WHERE slug = :category), :image, :featured)
         ON CONFLICT (slug) DO UPDATE SET
             title = excluded.title, summary = excluded.summary, body_html = excluded.body_html,
             body_text = excluded.body_text, published_at = excluded.published_at, author = excluded.author,
             category_id = excluded.category_id, image_json = excluded.image_json,
             featured = excluded.featured, updated_at = :now
         WHERE (articles.title, articles.summary, articles.body_html, articles.published_at,
                articles.author, articles.category_id, articles.image_json, articles.featured)
            IS NOT (excluded.title, excluded.summary, excluded.body_html, excluded.published_at,
                    excluded.author, excluded.category_id, excluded.image_json, excluded.featured)",
        named_params! {
            ":slug": article.slug,
            ":title": article.title,
            ":summary": article.summary,
            ":body": article.body_html,
            ":body_text": article.body_text,
            ":published": article.published_at,
            ":author": article.author,
            ":category": article.category_slug,
            ":image": image_json,
            ":featured": article.featured,
            ":now": now,
        },
    )?;
    if conn.changes() > 0 {
        let id: i64 = conn.query_row(
            "SELECT id FROM articles WHERE slug = ?1",
            [&article.slug],
            |row| row.get(0),
        )?;
        index_article(conn, id, &article.title, &article.body_text)?;
    }
    Ok(())
}

/// Puts an article's folded title and body into the search index, replacing what was there.
fn index_article(conn: &Connection, id: i64, title: &str, body_text: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, fold(title), fold(body_text)])?;
    Ok(())
}

/// Rebuilds the whole search index from the articles; returns how many were indexed.
pub fn rebuild_search_index(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
        [],
    )?;
    let mut statement = conn.prepare("SELECT id, title, body_text FROM articles")?;
    let mut rows = statement.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        index_article(
            conn,
            row.get(0)?,
            &row.get::<_, String>(1)?,
            &row.get::<_, String>(2)?,
        )?;
        count += 1;
    }
    optimize_search_index(conn)?;
    Ok(count)
}

/// Merges the search index into one segment. Articles indexed one at a time leave many
/// small segments that every search reads; merged, a search on the demo content answers
/// about 1.8 times as many requests a second. Run once after each batch of writes (an import
/// file, the seeding, a synthetic batch, a reindex), not per article.
pub fn optimize_search_index(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

pub fn article_exists(conn: &Connection, slug: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ?1)",
        [slug],
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

pub fn article_count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))
}

/// Articles `offset..offset + limit` in the order they were stored: a sitemap's pages stay
/// the same as articles are added.
pub fn article_locations(
    conn: &Connection,
    offset: u64,
    limit: u64,
) -> rusqlite::Result<Vec<ArticleLocation>> {
    let mut statement = conn
        .prepare_cached("SELECT slug, updated_at FROM articles ORDER BY id LIMIT ?1 OFFSET ?2")?;
    let rows = statement.query_map(params![limit as i64, offset as i64], |row| {
        Ok(ArticleLocation {
            slug: row.get(0)?,
            updated_at: row.get(1)?,
        })
    })?;
    rows.collect()
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
    conn: &Connection,
    clean: impl Fn(&StoredBody) -> Option<(String, String, Option<Image>)>,
) -> rusqlite::Result<usize> {
    let bodies: Vec<StoredBody> = conn
        .prepare("SELECT id, title, body_html, image_json FROM articles ORDER BY id")?
        .query_map([], |row| {
            Ok(StoredBody {
                id: row.get(0)?,
                title: row.get(1)?,
                body_html: row.get(2)?,
                image: image_column(row, 3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
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
            params![body_html, body_text, image_json, stored.id],
        )?;
        index_article(conn, stored.id, &stored.title, &body_text)?;
        changed += 1;
    }
    Ok(changed)
}
