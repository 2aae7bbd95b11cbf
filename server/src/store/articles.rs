//! Articles: lists, search, one article, and writing them with their search index.

use portal_contract::{Article, ArticleSummary, CategoryRef, Image, Lang, PageRequest, Paged};

use super::search::{self, search_key};
use super::time_column;
use crate::db::{bad_column, Conn, Result, Row};
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
    pub lang: Lang,
    /// The slug of the same news in the other language (on an English article).
    pub counterpart: Option<String>,
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
    /// Only the articles written in this language.
    pub lang: Lang,
}

/// The condition that keeps a list to one language's articles. A literal rather than a
/// parameter: the statements' parameters are numbered, and the language is one of two.
pub(super) fn lang_condition(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "a.lang = 'vi'",
        Lang::En => "a.lang = 'en'",
    }
}

pub(crate) fn lang_column(row: &Row<'_>, index: usize) -> Result<Lang> {
    let code: String = row.get(index)?;
    Lang::from_code(&code).ok_or_else(|| bad_column(index, format!("unknown language {code:?}")))
}

pub(super) const SUMMARY_COLUMNS: &str = "a.slug, a.title, a.summary, a.published_at, a.author, c.slug, c.name, a.image_json, a.featured";

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
        return super::search::search_articles(conn, filter, terms, page);
    }
    let lang = lang_condition(filter.lang);
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM articles a WHERE {lang} AND {FILTER_CONDITION}"),
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
             WHERE {lang} AND {FILTER_CONDITION}
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
pub(super) const FILTER_CONDITION: &str = "(?1 IS NULL OR a.category_id = ?1)
    AND (?2 IS NULL OR a.featured = ?2)
    AND (?3 IS NULL OR a.published_at >= ?3)
    AND (?4 IS NULL OR a.published_at < ?4)";

/// How many related articles an article page shows.
const RELATED_COUNT: u32 = 5;

pub fn article(conn: &mut Conn, slug: &str) -> Result<Option<Article>> {
    let found = conn.query_opt(
        "SELECT a.id, a.category_id, a.slug, a.title, a.summary, a.body_html, a.published_at,
                a.updated_at, a.author, c.slug, c.name, a.image_json, a.featured, a.lang,
                a.counterpart
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
                lang: lang_column(row, 13)?,
                counterpart: row.get(14)?,
                related: Vec::new(),
            };
            Ok((id, category_id, article))
        },
    )?;
    let Some((id, category_id, mut article)) = found else {
        return Ok(None);
    };
    // The English news is too little to split by category: all of it is related.
    let lang = lang_condition(article.lang);
    let same_category = match article.lang {
        Lang::Vi => "a.category_id = ?1",
        Lang::En => "?1 IS NOT NULL",
    };
    article.related = conn.query(
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
             WHERE {same_category} AND {lang} AND a.id <> ?2
             ORDER BY a.published_at DESC, a.id DESC LIMIT ?3"
        ),
        &[&category_id, &id, &RELATED_COUNT],
        summary_from_row,
    )?;
    // An English article names its Vietnamese counterpart; a Vietnamese one is named.
    if article.counterpart.is_none() {
        article.counterpart = conn.query_opt(
            "SELECT slug FROM articles WHERE counterpart = ?1 AND lang <> ?2 ORDER BY id LIMIT 1",
            &[&article.slug, &article.lang.code()],
            |row| row.get(0),
        )?;
    }
    Ok(Some(article))
}

/// Inserts `article`, or updates the article with the same slug. An unchanged article keeps
/// its `updated_at`, so importing the same file twice changes nothing.
pub fn upsert_article(conn: &mut Conn, article: &NewArticle, now: &str) -> Result<()> {
    let image_json = article
        .image
        .as_ref()
        .map(|image| serde_json::to_string(image).expect("image serializes"));
    let before: Option<(i64, String, Lang)> = conn.query_opt(
        "SELECT id, published_at, lang FROM articles WHERE slug = ?1",
        &[&article.slug],
        |row| Ok((row.get(0)?, row.get(1)?, lang_column(row, 2)?)),
    )?;
    // RETURNING answers a row only when one was inserted or changed.
    let changed: Option<i64> = conn.query_opt(
        "INSERT INTO articles (slug, title, summary, body_html, body_text, published_at, updated_at,
                               author, category_id, image_json, featured, lang, counterpart)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, (SELECT id FROM categories WHERE slug = ?8), ?9, ?10,
                 ?12, ?13)
         ON CONFLICT (slug) DO UPDATE SET
             title = excluded.title, summary = excluded.summary, body_html = excluded.body_html,
             body_text = excluded.body_text, published_at = excluded.published_at, author = excluded.author,
             category_id = excluded.category_id, image_json = excluded.image_json,
             featured = excluded.featured, lang = excluded.lang, counterpart = excluded.counterpart,
             updated_at = ?11
         WHERE (articles.title, articles.summary, articles.body_html, articles.published_at,
                articles.author, articles.category_id, articles.image_json, articles.featured,
                articles.lang, articles.counterpart)
            IS DISTINCT FROM (excluded.title, excluded.summary, excluded.body_html, excluded.published_at,
                    excluded.author, excluded.category_id, excluded.image_json, excluded.featured,
                    excluded.lang, excluded.counterpart)
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
            &article.lang.code(),
            &article.counterpart,
        ],
        |row| row.get(0),
    )?;
    if let Some(id) = changed {
        let key = search_key(&article.published_at, id, article.lang);
        let old_key = before
            .map(|(id, published_at, lang)| search_key(&published_at, id, lang))
            .filter(|old| *old != key);
        let text = search::ArticleText {
            title: &article.title,
            summary: &article.summary,
            body: &article.body_text,
        };
        search::index_article(conn, id, key, old_key, &text)?;
    }
    Ok(())
}

/// Takes an article out of what citizens read (and out of the search index); answers whether
/// there was one.
pub fn remove_article(conn: &mut Conn, slug: &str) -> Result<bool> {
    let found: Option<(i64, String, Lang)> = conn.query_opt(
        "SELECT id, published_at, lang FROM articles WHERE slug = ?1",
        &[&slug],
        |row| Ok((row.get(0)?, row.get(1)?, lang_column(row, 2)?)),
    )?;
    let Some((id, published_at, lang)) = found else {
        return Ok(false);
    };
    search::unindex_article(conn, search_key(&published_at, id, lang))?;
    conn.execute("DELETE FROM articles WHERE id = ?1", &[&id])?;
    Ok(true)
}

/// Public Vietnamese articles that staff have no copy of (`editorial_articles`), as they are
/// stored. The English news is imported, not edited in the staff area.
pub fn articles_without_staff_copy(conn: &mut Conn) -> Result<Vec<NewArticle>> {
    conn.query(
        "SELECT a.slug, a.title, a.summary, a.body_html, a.body_text, a.published_at, a.author,
                c.slug, a.image_json, a.featured
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE a.lang = 'vi' AND NOT EXISTS (SELECT 1 FROM editorial_articles e WHERE e.slug = a.slug)
         ORDER BY a.id",
        &[],
        |row| {
            Ok(NewArticle {
                slug: row.get(0)?,
                title: row.get(1)?,
                summary: row.get(2)?,
                body_html: row.get(3)?,
                body_text: row.get(4)?,
                published_at: row.get(5)?,
                author: row.get(6)?,
                category_slug: row.get(7)?,
                image: image_column(row, 8)?,
                featured: row.get(9)?,
                lang: Lang::Vi,
                counterpart: None,
            })
        },
    )
}

/// The language of the article with this slug, if there is one.
pub fn article_lang(conn: &mut Conn, slug: &str) -> Result<Option<Lang>> {
    conn.query_opt(
        "SELECT lang FROM articles WHERE slug = ?1",
        &[&slug],
        |row| lang_column(row, 0),
    )
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
    pub lang: Lang,
    /// RFC 3339 in +07:00.
    pub updated_at: String,
}

pub fn article_count(conn: &mut Conn) -> Result<u64> {
    conn.query_one("SELECT COUNT(*) FROM articles", &[], |row| row.get(0))
}

/// When an article last changed, if there is one.
pub fn last_change(conn: &mut Conn) -> Result<Option<String>> {
    conn.query_one("SELECT MAX(updated_at) FROM articles", &[], |row| {
        row.get(0)
    })
}

/// Articles `offset..offset + limit` in the order they were stored: a sitemap's pages stay
/// the same as articles are added.
pub fn article_locations(conn: &mut Conn, offset: u64, limit: u64) -> Result<Vec<ArticleLocation>> {
    conn.query(
        "SELECT slug, updated_at, lang FROM articles ORDER BY id LIMIT ?1 OFFSET ?2",
        &[&limit, &offset],
        |row| {
            Ok(ArticleLocation {
                slug: row.get(0)?,
                updated_at: row.get(1)?,
                lang: lang_column(row, 2)?,
            })
        },
    )
}

/// One stored article's body and lead image, as `reclean` reads and writes them.
pub struct StoredBody {
    pub id: i64,
    pub lang: Lang,
    pub published_at: String,
    pub title: String,
    pub summary: String,
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
        "SELECT id, published_at, title, body_html, image_json, lang, summary
         FROM articles ORDER BY id",
        &[],
        |row| {
            Ok(StoredBody {
                id: row.get(0)?,
                lang: lang_column(row, 5)?,
                published_at: row.get(1)?,
                title: row.get(2)?,
                summary: row.get(6)?,
                body_html: row.get(3)?,
                image: image_column(row, 4)?,
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
        let key = search_key(&stored.published_at, stored.id, stored.lang);
        let text = search::ArticleText {
            title: &stored.title,
            summary: &stored.summary,
            body: &body_text,
        };
        search::index_article(conn, stored.id, key, None, &text)?;
        changed += 1;
    }
    Ok(changed)
}
