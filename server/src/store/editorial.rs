//! The staff's articles (`editorial_articles`) and their revisions. The workflow's rules
//! (who may do what, validating, copying into `articles` on publication) are in
//! `crate::editorial`; this module only reads and writes rows.

use portal_contract::editorial::{
    ArticleContent, ArticleStatus, Revision, RevisionSummary, StaffArticle, StaffArticleSummary,
};
use portal_contract::{fold, PageRequest, Paged};

use crate::db::{bad_column, Conn, Result, Row};

/// One article as stored: its working copy, and what citizens read while it is published.
#[derive(Debug, Clone)]
pub struct EditorialArticle {
    pub id: i64,
    pub slug: String,
    pub status: ArticleStatus,
    pub version: i64,
    pub content: ArticleContent,
    pub published: Option<ArticleContent>,
    pub publish_at: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
}

impl EditorialArticle {
    pub fn for_staff(self) -> StaffArticle {
        let unpublished_changes = self.status == ArticleStatus::Published
            && self.published.as_ref() != Some(&self.content);
        StaffArticle {
            id: self.id,
            slug: self.slug,
            status: self.status,
            version: self.version,
            content: self.content,
            publish_at: self.publish_at,
            updated_at: self.updated_at,
            updated_by: self.updated_by,
            unpublished_changes,
        }
    }
}

const COLUMNS: &str =
    "id, slug, status, version, content_json, published_json, publish_at, updated_at, updated_by";

fn from_row(row: &Row<'_>) -> Result<EditorialArticle> {
    let status: String = row.get(2)?;
    let published: Option<String> = row.get(5)?;
    Ok(EditorialArticle {
        id: row.get(0)?,
        slug: row.get(1)?,
        status: ArticleStatus::from_code(&status)
            .ok_or_else(|| bad_column(2, format!("unknown status `{status}`")))?,
        version: row.get(3)?,
        content: content_column(row, 4)?,
        published: published
            .map(|json| serde_json::from_str(&json).map_err(|err| bad_column(5, err)))
            .transpose()?,
        publish_at: row.get(6)?,
        updated_at: row.get(7)?,
        updated_by: row.get(8)?,
    })
}

fn content_column(row: &Row<'_>, index: usize) -> Result<ArticleContent> {
    let json: String = row.get(index)?;
    serde_json::from_str(&json).map_err(|err| bad_column(index, err))
}

fn to_json(content: &ArticleContent) -> String {
    serde_json::to_string(content).expect("article content serializes")
}

pub fn article(conn: &mut Conn, id: i64) -> Result<Option<EditorialArticle>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM editorial_articles WHERE id = ?1"),
        &[&id],
        from_row,
    )
}

pub fn slug_taken(conn: &mut Conn, slug: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM editorial_articles WHERE slug = ?1)
             OR EXISTS (SELECT 1 FROM articles WHERE slug = ?1)",
        &[&slug],
        |row| row.get(0),
    )
}

/// Staff's list: newest change first, of one status or all, whose title has `words`
/// (folded, so `cau treo` finds "Cầu treo").
pub fn list(
    conn: &mut Conn,
    status: Option<ArticleStatus>,
    words: Option<&str>,
    page: PageRequest,
) -> Result<Paged<StaffArticleSummary>> {
    let status = status.map(ArticleStatus::code);
    let pattern = words.map(|words| format!("%{}%", fold(words.trim()).replace(['%', '_'], "")));
    let condition = "(?1 IS NULL OR status = ?1) AND (?2 IS NULL OR title_folded LIKE ?2)";
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM editorial_articles WHERE {condition}"),
        &[&status, &pattern],
        |row| row.get(0),
    )?;
    let items = conn.query(
        &format!(
            "SELECT id, slug, title, status, content_json, publish_at, updated_at, updated_by
             FROM editorial_articles WHERE {condition}
             ORDER BY updated_at DESC, id DESC LIMIT ?3 OFFSET ?4"
        ),
        &[&status, &pattern, &page.per_page, &page.offset()],
        |row| {
            let status: String = row.get(3)?;
            Ok(StaffArticleSummary {
                id: row.get(0)?,
                slug: row.get(1)?,
                title: row.get(2)?,
                status: ArticleStatus::from_code(&status)
                    .ok_or_else(|| bad_column(3, format!("unknown status `{status}`")))?,
                category: content_column(row, 4)?.category,
                publish_at: row.get(5)?,
                updated_at: row.get(6)?,
                updated_by: row.get(7)?,
            })
        },
    )?;
    Ok(page.answer(items, total))
}

/// Who changed a row, when, and why (a revision's reason).
pub struct Change<'a> {
    pub actor: Option<&'a str>,
    pub now: &'a str,
    pub reason: &'a str,
}

/// A new article with its first revision; answers its id.
pub fn create(
    conn: &mut Conn,
    slug: &str,
    status: ArticleStatus,
    content: &ArticleContent,
    published: Option<&ArticleContent>,
    publish_at: Option<&str>,
    change: &Change<'_>,
) -> Result<i64> {
    let published = published.map(to_json);
    let id: i64 = conn.query_one(
        "INSERT INTO editorial_articles (slug, status, version, title, title_folded, content_json,
             published_json, publish_at, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9) RETURNING id",
        &[
            &slug,
            &status.code(),
            &content.title,
            &fold(&content.title),
            &to_json(content),
            &published,
            &publish_at,
            &change.now,
            &change.actor,
        ],
        |row| row.get(0),
    )?;
    add_revision(conn, id, content, change)?;
    Ok(id)
}

/// What an update sets besides the version, the time and the author of the change.
pub struct Update<'a> {
    pub status: ArticleStatus,
    /// A new working copy, kept as a revision; `None` leaves it.
    pub content: Option<&'a ArticleContent>,
    /// What citizens read: `Some(None)` clears it, `None` leaves it.
    pub published: Option<Option<&'a ArticleContent>>,
    pub publish_at: Option<Option<&'a str>>,
}

/// Applies `update` if the article is still at `version`; answers whether it was (a save
/// from an older version changes nothing).
pub fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    update: &Update<'_>,
    change: &Change<'_>,
) -> Result<bool> {
    let content = update.content.map(to_json);
    let title = update.content.map(|content| content.title.clone());
    let folded = title.as_deref().map(fold);
    let published = update.published.map(|published| published.map(to_json));
    // ?7/?9 say whether to set the column at all, so that NULL can also be set.
    let updated = conn.execute(
        "UPDATE editorial_articles SET
             status = ?1, version = version + 1, updated_at = ?2, updated_by = ?3,
             content_json = COALESCE(?4, content_json), title = COALESCE(?5, title),
             title_folded = COALESCE(?6, title_folded),
             published_json = CASE WHEN ?7 = 1 THEN ?8 ELSE published_json END,
             publish_at = CASE WHEN ?9 = 1 THEN ?10 ELSE publish_at END
         WHERE id = ?11 AND version = ?12",
        &[
            &update.status.code(),
            &change.now,
            &change.actor,
            &content,
            &title,
            &folded,
            &published.is_some(),
            &published.flatten(),
            &update.publish_at.is_some(),
            &update.publish_at.flatten(),
            &id,
            &version,
        ],
    )?;
    if updated == 0 {
        return Ok(false);
    }
    if let Some(content) = update.content {
        add_revision(conn, id, content, change)?;
    }
    Ok(true)
}

fn add_revision(
    conn: &mut Conn,
    id: i64,
    content: &ArticleContent,
    change: &Change<'_>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO article_revisions (article_id, number, saved_at, saved_by, reason, content_json)
         VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM article_revisions WHERE article_id = ?1),
                 ?2, ?3, ?4, ?5)",
        &[&id, &change.now, &change.actor, &change.reason, &to_json(content)],
    )?;
    Ok(())
}

pub fn revisions(conn: &mut Conn, id: i64) -> Result<Vec<RevisionSummary>> {
    conn.query(
        "SELECT number, saved_at, saved_by, reason FROM article_revisions
         WHERE article_id = ?1 ORDER BY number DESC",
        &[&id],
        revision_summary,
    )
}

fn revision_summary(row: &Row<'_>) -> Result<RevisionSummary> {
    Ok(RevisionSummary {
        number: row.get(0)?,
        saved_at: row.get(1)?,
        saved_by: row.get(2)?,
        reason: row.get(3)?,
    })
}

pub fn revision(conn: &mut Conn, id: i64, number: i64) -> Result<Option<Revision>> {
    conn.query_opt(
        "SELECT number, saved_at, saved_by, reason, content_json FROM article_revisions
         WHERE article_id = ?1 AND number = ?2",
        &[&id, &number],
        |row| {
            Ok(Revision {
                summary: revision_summary(row)?,
                content: content_column(row, 4)?,
            })
        },
    )
}

/// Scheduled articles whose time has come (`now` as stored text).
pub fn due(conn: &mut Conn, now: &str) -> Result<Vec<(i64, i64)>> {
    conn.query(
        "SELECT id, version FROM editorial_articles
         WHERE status = 'scheduled' AND publish_at <= ?1 ORDER BY publish_at, id",
        &[&now],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

pub fn id_by_slug(conn: &mut Conn, slug: &str) -> Result<Option<(i64, i64)>> {
    conn.query_opt(
        "SELECT id, version FROM editorial_articles WHERE slug = ?1",
        &[&slug],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}
