//! The articles' workflow: draft → submitted → (scheduled →) published, and unpublished.
//!
//! Staff edit a working copy (`editorial_articles`); citizens read `articles`, which only
//! publication writes and unpublication empties. So a draft, or the unpublished edits of a
//! published article, cannot reach a public answer whatever query reads `articles`. Every
//! save keeps a revision. Who may do what is checked here, not in the handlers.

use chrono::{DateTime, FixedOffset};
use portal_contract::editorial::{
    ArticleContent, ArticleCreated, ArticlePreview, ArticleStatus, Change, ChangeKind, FieldDiff,
    NewDraft, RevisionDiff, StaffArticle,
};
use portal_contract::limits::ARTICLE_BODY_MAX_BYTES;
use portal_contract::staff::{StaffRole, StaffUser};
use portal_contract::{slugify, Article, ArticleInput, CategoryRef, FieldErrors, MapTiles};

use crate::db::Conn;
use crate::error::AppError;
use crate::import;
use crate::store::articles::NewArticle;
use crate::store::editorial::{self as rows, EditorialArticle, Update};
use crate::store::{self, audit};

/// Who is acting, and from where (for the audit log). `None` user: the server itself (a
/// scheduled publication, an import).
pub struct Actor<'a> {
    pub user: Option<&'a StaffUser>,
    pub address: Option<&'a str>,
}

impl Actor<'_> {
    fn name(&self) -> Option<&str> {
        self.user.map(|user| user.username.as_str())
    }

    fn require(&self, role: StaffRole) -> Result<(), AppError> {
        match self.user {
            Some(user) if user.role < role => Err(AppError::Forbidden(format!(
                "this needs the {} role",
                role.code()
            ))),
            _ => Ok(()),
        }
    }

    fn record(&self, conn: &mut Conn, action: &str, slug: &str) -> Result<(), AppError> {
        audit::record(conn, self.name(), self.address, action, slug)?;
        Ok(())
    }
}

/// A new draft; its slug comes from `draft.slug` (refused with 409 when taken) or from the
/// title (made unique with `-2`, `-3`…).
pub fn create(
    conn: &mut Conn,
    actor: &Actor<'_>,
    draft: &NewDraft,
) -> Result<ArticleCreated, AppError> {
    actor.require(StaffRole::Editor)?;
    let content = ArticleContent {
        title: draft.title.clone(),
        category: draft.category.clone(),
        author: draft.author.clone(),
        summary: draft.summary.clone().unwrap_or_default(),
        body_html: draft.body_html.clone(),
        featured: draft.featured.unwrap_or(false),
        image: draft.image.clone(),
    };
    // An earlier publication time (an old article entered late) is an approver's decision: an
    // editor's draft takes the time it is published.
    if draft.published_at.is_some() {
        actor.require(StaffRole::Approver)?;
    }
    let publish_at = match &draft.published_at {
        Some(text) => Some(crate::clock::stored_text(
            DateTime::parse_from_rfc3339(text).map_err(|_| {
                invalid(
                    "published_at",
                    "Thời gian đăng phải có dạng 2026-12-01T08:00:00+07:00.",
                )
            })?,
        )),
        None => None,
    };
    // Checked with a placeholder slug first: a title that makes no slug is a field error.
    let checked = check(
        conn,
        draft.slug.as_deref().unwrap_or("bai-viet"),
        &content,
        None,
    )?;
    let slug = match &draft.slug {
        Some(slug) => {
            if rows::slug_taken(conn, slug)? {
                return Err(AppError::Conflict(format!("the slug `{slug}` is taken")));
            }
            slug.clone()
        }
        None => free_slug(conn, &slugify(&checked.title))?,
    };
    let now = crate::clock::now_text();
    let change = rows::Change {
        actor: actor.name(),
        now: &now,
        reason: "created",
    };
    let content = stored_content(&content, &checked);
    let id = rows::create(
        conn,
        &slug,
        ArticleStatus::Draft,
        &content,
        None,
        publish_at.as_deref(),
        &change,
    )?;
    actor.record(conn, "article_created", &slug)?;
    Ok(ArticleCreated {
        id,
        slug,
        status: ArticleStatus::Draft,
    })
}

fn free_slug(conn: &mut Conn, base: &str) -> Result<String, AppError> {
    let base = if base.is_empty() { "bai-viet" } else { base };
    let base: String = base
        .chars()
        .take(180)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    let mut candidate = base.clone();
    let mut number = 2;
    while rows::slug_taken(conn, &candidate)? {
        candidate = format!("{base}-{number}");
        number += 1;
    }
    Ok(candidate)
}

pub fn article(conn: &mut Conn, id: i64) -> Result<EditorialArticle, AppError> {
    rows::article(conn, id)?
        .ok_or_else(|| AppError::NotFound(format!("no article has the id {id}")))
}

/// Saves a new working copy, unless the article changed since `version` (409: the caller
/// keeps their text and is told). An editor's save takes a scheduled article back to
/// "submitted": what an approver scheduled is what appears.
pub fn save(
    conn: &mut Conn,
    actor: &Actor<'_>,
    id: i64,
    version: i64,
    content: &ArticleContent,
) -> Result<StaffArticle, AppError> {
    actor.require(StaffRole::Editor)?;
    let current = article(conn, id)?;
    ensure_version(&current, Some(version))?;
    let checked = check(conn, &current.slug, content, None)?;
    let content = stored_content(content, &checked);
    if content == current.content {
        return Ok(current.for_staff());
    }
    let status = match (current.status, actor.user.map(|user| user.role)) {
        (ArticleStatus::Scheduled, Some(StaffRole::Editor)) => ArticleStatus::Submitted,
        (status, _) => status,
    };
    let now = crate::clock::now_text();
    let change = rows::Change {
        actor: actor.name(),
        now: &now,
        reason: "saved",
    };
    let update = Update {
        status,
        content: Some(&content),
        published: None,
        publish_at: None,
    };
    if !rows::update(conn, id, version, &update, &change)? {
        return Err(changed_since());
    }
    actor.record(conn, "article_saved", &current.slug)?;
    Ok(article(conn, id)?.for_staff())
}

/// A change of state asked for by staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Submit,
    Publish,
    /// Publish by itself at this time.
    Schedule(DateTime<FixedOffset>),
    Unpublish,
}

pub fn transition(
    conn: &mut Conn,
    actor: &Actor<'_>,
    id: i64,
    version: Option<i64>,
    transition: Transition,
) -> Result<StaffArticle, AppError> {
    use ArticleStatus::*;
    actor.require(match transition {
        Transition::Submit => StaffRole::Editor,
        _ => StaffRole::Approver,
    })?;
    let current = article(conn, id)?;
    ensure_version(&current, version)?;
    let now = chrono::Utc::now();
    let now_text = crate::clock::stored_text(now);
    let refuse = |what: &str| {
        Err(AppError::Conflict(format!(
            "a {} article cannot be {what}",
            current.status.code()
        )))
    };
    let (action, update) = match transition {
        Transition::Submit => match current.status {
            Draft | Unpublished => ("article_submitted", state_only(Submitted)),
            _ => return refuse("submitted"),
        },
        Transition::Publish => {
            return publish(conn, actor, current, &now_text);
        }
        Transition::Schedule(at) => {
            if at <= now {
                return Err(invalid(
                    "publish_at",
                    "Thời gian hẹn đăng phải ở tương lai.",
                ));
            }
            match current.status {
                Draft | Submitted | Scheduled | Unpublished => {}
                Published => return refuse("scheduled (unpublish it first)"),
            }
            check(conn, &current.slug, &current.content, None)?;
            let at = crate::clock::stored_text(at);
            let change = rows::Change {
                actor: actor.name(),
                now: &now_text,
                reason: "scheduled",
            };
            let update = Update {
                status: Scheduled,
                content: None,
                published: None,
                publish_at: Some(Some(&at)),
            };
            if !rows::update(conn, id, current.version, &update, &change)? {
                return Err(changed_since());
            }
            actor.record(conn, "article_scheduled", &current.slug)?;
            return Ok(article(conn, id)?.for_staff());
        }
        Transition::Unpublish => match current.status {
            Published => (
                "article_unpublished",
                Update {
                    status: Unpublished,
                    content: None,
                    published: Some(None),
                    publish_at: None,
                },
            ),
            // Taking back a schedule leaves the article approved-for-nothing: submitted, and
            // its time forgotten (published later, it takes the time it is published).
            Scheduled => (
                "article_unscheduled",
                Update {
                    status: Submitted,
                    content: None,
                    published: None,
                    publish_at: Some(None),
                },
            ),
            _ => return refuse("unpublished"),
        },
    };
    let change = rows::Change {
        actor: actor.name(),
        now: &now_text,
        reason: "state",
    };
    // The staff's row first, as publishing does: two approvers acting at once wait on the
    // same row, in the same order, and the second is told the article changed.
    if !rows::update(conn, id, current.version, &update, &change)? {
        return Err(changed_since());
    }
    if action == "article_unpublished" {
        store::articles::remove_article(conn, &current.slug)?;
    }
    actor.record(conn, action, &current.slug)?;
    Ok(article(conn, id)?.for_staff())
}

fn state_only(status: ArticleStatus) -> Update<'static> {
    Update {
        status,
        content: None,
        published: None,
        publish_at: None,
    }
}

/// Copies the working copy into `articles`. The publication time: the one already set when it
/// is past (a republished edit keeps its place; a scheduled article takes its time), else now.
fn publish(
    conn: &mut Conn,
    actor: &Actor<'_>,
    current: EditorialArticle,
    now: &str,
) -> Result<StaffArticle, AppError> {
    let published_at = current
        .publish_at
        .clone()
        .filter(|at| at.as_str() <= now)
        .unwrap_or_else(|| now.to_string());
    let checked = check(conn, &current.slug, &current.content, Some(&published_at))?;
    let change = rows::Change {
        actor: actor.name(),
        now,
        reason: "state",
    };
    let update = Update {
        status: ArticleStatus::Published,
        content: None,
        published: Some(Some(&current.content)),
        publish_at: Some(Some(&published_at)),
    };
    // The staff's row first: of two replicas publishing the same scheduled article, the
    // second waits on this row's lock, then finds the version moved and stops here.
    if !rows::update(conn, current.id, current.version, &update, &change)? {
        return Err(changed_since());
    }
    store::articles::upsert_article(conn, &checked, now)?;
    actor.record(conn, "article_published", &current.slug)?;
    Ok(article(conn, current.id)?.for_staff())
}

/// Publishes the scheduled articles whose time has come; answers how many. Each goes in its
/// own transaction, conditional on the version it was read at: when several replicas run
/// this at once, each article is published by exactly one of them.
pub fn publish_due(conn: &mut Conn) -> Result<usize, AppError> {
    let now = crate::clock::now_text();
    let due = rows::due(conn, &now)?;
    let mut published = 0;
    for (id, version) in due {
        let done = conn.transaction(|tx| -> Result<bool, AppError> {
            let Some(current) = rows::article(tx, id)? else {
                return Ok(false);
            };
            if current.version != version || current.status != ArticleStatus::Scheduled {
                return Ok(false);
            }
            let server = Actor {
                user: None,
                address: None,
            };
            match publish(tx, &server, current, &now) {
                Ok(_) => Ok(true),
                // Another replica got there first.
                Err(AppError::Conflict(_)) => Ok(false),
                Err(err) => Err(err),
            }
        });
        match done {
            Ok(true) => published += 1,
            Ok(false) => {}
            Err(err) => tracing::warn!(id, ?err, "a scheduled article could not be published"),
        }
    }
    Ok(published)
}

/// How often each replica looks for scheduled articles whose time has come: an article
/// appears at most this long after its time.
pub const SCHEDULE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

/// Publishes scheduled articles as their time comes, for as long as the server runs.
pub async fn publish_when_due(state: crate::state::AppState) {
    let mut ticks = tokio::time::interval(SCHEDULE_CHECK_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match state.db(publish_due).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "scheduled articles published"),
            // The database is away (a restart): the next tick tries again.
            Err(err) => tracing::warn!(?err, "looking for scheduled articles"),
        }
    }
}

/// Makes revision `number`'s content the working copy again, as a new revision.
pub fn restore(
    conn: &mut Conn,
    actor: &Actor<'_>,
    id: i64,
    number: i64,
    version: Option<i64>,
) -> Result<StaffArticle, AppError> {
    actor.require(StaffRole::Approver)?;
    let current = article(conn, id)?;
    ensure_version(&current, version)?;
    let revision = rows::revision(conn, id, number)?
        .ok_or_else(|| AppError::NotFound(format!("article {id} has no revision {number}")))?;
    let now = crate::clock::now_text();
    let change = rows::Change {
        actor: actor.name(),
        now: &now,
        reason: "restored",
    };
    let update = Update {
        status: current.status,
        content: Some(&revision.content),
        published: None,
        publish_at: None,
    };
    if !rows::update(conn, id, current.version, &update, &change)? {
        return Err(changed_since());
    }
    actor.record(conn, "article_restored", &current.slug)?;
    Ok(article(conn, id)?.for_staff())
}

/// The article's working copy as citizens will see it: the reading view the server sends
/// them, in the app's markup.
pub fn preview(conn: &mut Conn, id: i64, map_tiles: MapTiles) -> Result<ArticlePreview, AppError> {
    let current = article(conn, id)?;
    let now = crate::clock::now_text();
    let published_at = current.publish_at.clone().unwrap_or_else(|| now.clone());
    let checked = check(conn, &current.slug, &current.content, Some(&published_at))?;
    let category_name = store::categories::category_name(conn, &checked.category_slug)?
        .unwrap_or_else(|| checked.category_slug.clone());
    let time = |text: &str| {
        DateTime::parse_from_rfc3339(text).map_err(|err| AppError::Internal(err.to_string()))
    };
    let article = Article {
        slug: checked.slug,
        title: checked.title,
        summary: checked.summary,
        body_html: checked.body_html,
        published_at: time(&published_at)?,
        updated_at: time(&now)?,
        author: checked.author,
        category: CategoryRef {
            slug: checked.category_slug,
            name: category_name,
        },
        image: checked.image,
        featured: checked.featured,
        lang: checked.lang,
        counterpart: None,
        related: Vec::new(),
    };
    let site = store::site::site(conn, map_tiles)?;
    Ok(ArticlePreview {
        html: crate::reading_view::render_article(site.as_ref(), &article),
    })
}

/// What changed from revision `from` to revision `to`, field by field.
pub fn diff(conn: &mut Conn, id: i64, from: i64, to: i64) -> Result<RevisionDiff, AppError> {
    article(conn, id)?;
    let load = |conn: &mut Conn, number: i64| {
        rows::revision(conn, id, number)?
            .ok_or_else(|| AppError::NotFound(format!("article {id} has no revision {number}")))
    };
    let (old, new) = (load(conn, from)?.content, load(conn, to)?.content);
    let fields = field_texts(&old)
        .into_iter()
        .zip(field_texts(&new))
        .filter(|((_, before), (_, after))| before != after)
        .map(|((field, before), (_, after))| FieldDiff {
            field: field.to_string(),
            changes: line_changes(&before, &after),
        })
        .collect();
    Ok(RevisionDiff { from, to, fields })
}

/// Each field as lines of text to compare; the body a line per block (paragraph, heading,
/// list item, table row), without tags.
fn field_texts(content: &ArticleContent) -> [(&'static str, String); 7] {
    [
        ("title", content.title.clone()),
        ("summary", content.summary.clone()),
        ("body", body_lines(&content.body_html)),
        ("category", content.category.clone()),
        ("author", content.author.clone()),
        ("featured", content.featured.to_string()),
        (
            "image",
            content
                .image
                .as_ref()
                .map(|image| format!("{}\n{}", image.url, image.alt))
                .unwrap_or_default(),
        ),
    ]
}

fn body_lines(html: &str) -> String {
    let mut marked = html.to_string();
    for end in [
        "</p>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</li>",
        "</tr>",
        "</figcaption>",
        "</blockquote>",
        "<br>",
        "<br/>",
        "<br />",
    ] {
        marked = marked.replace(end, &format!("{end}\u{1}"));
    }
    marked
        .split('\u{1}')
        .map(crate::sanitize::plain_text)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn line_changes(before: &str, after: &str) -> Vec<Change> {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut changes: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => ChangeKind::Same,
            similar::ChangeTag::Delete => ChangeKind::Removed,
            similar::ChangeTag::Insert => ChangeKind::Added,
        };
        let line = change.value().trim_end_matches('\n');
        match changes.last_mut() {
            Some(last) if last.kind == kind => {
                last.text.push('\n');
                last.text.push_str(line);
            }
            _ => changes.push(Change {
                kind,
                text: line.to_string(),
            }),
        }
    }
    changes
}

/// Keeps the article an import just stored in step with the staff's copy: a new article
/// becomes a published one staff can edit; a changed one gets a revision. Answers false when
/// staff changed it meanwhile (the import is then undone).
pub fn record_import(conn: &mut Conn, article: &NewArticle, now: &str) -> crate::db::Result<bool> {
    let content = content_of(article);
    let change = rows::Change {
        actor: None,
        now,
        reason: "imported",
    };
    match rows::id_by_slug(conn, &article.slug)? {
        None => {
            rows::create(
                conn,
                &article.slug,
                ArticleStatus::Published,
                &content,
                Some(&content),
                Some(&article.published_at),
                &change,
            )?;
        }
        Some((id, version)) => {
            let unchanged = rows::article(conn, id)?.is_some_and(|current| {
                current.content == content && current.status == ArticleStatus::Published
            });
            if unchanged {
                return Ok(true);
            }
            // `import_allowed` kept out what staff took down or are still working on.
            let update = Update {
                status: ArticleStatus::Published,
                content: Some(&content),
                published: Some(Some(&content)),
                publish_at: Some(Some(&article.published_at)),
            };
            return rows::update(conn, id, version, &update, &change);
        }
    }
    Ok(true)
}

/// Whether an import may (re)publish the article with this slug: not when staff have it as a
/// draft, submitted, scheduled or taken down, which an import file would silently undo.
pub fn import_allowed(conn: &mut Conn, slug: &str) -> crate::db::Result<bool> {
    Ok(match rows::id_by_slug(conn, slug)? {
        None => true,
        Some((id, _)) => rows::article(conn, id)?
            .is_none_or(|current| current.status == ArticleStatus::Published),
    })
}

/// Gives every article already public when the staff area arrived a staff copy, once (a
/// database from before it). Articles added afterwards without the import (the synthetic
/// benchmark articles) stay outside the staff's list.
pub fn adopt_published_once(conn: &mut Conn) -> crate::db::Result<usize> {
    const DONE: &str = "editorial_adopted";
    if store::settings::get(conn, DONE)?.is_some() {
        return Ok(0);
    }
    let missing = store::articles::articles_without_staff_copy(conn)?;
    let now = crate::clock::now_text();
    for article in &missing {
        record_import(conn, article, &now)?;
    }
    store::settings::set(conn, DONE, &now)?;
    Ok(missing.len())
}

fn content_of(article: &NewArticle) -> ArticleContent {
    ArticleContent {
        title: article.title.clone(),
        category: article.category_slug.clone(),
        author: article.author.clone(),
        summary: article.summary.clone(),
        body_html: article.body_html.clone(),
        featured: article.featured,
        image: article.image.clone(),
    }
}

/// The content as stored: fields trimmed and the body sanitized (what `check` made of it),
/// but an empty summary left empty, so that it follows the body.
fn stored_content(typed: &ArticleContent, checked: &NewArticle) -> ArticleContent {
    ArticleContent {
        summary: typed.summary.trim().to_string(),
        ..content_of(checked)
    }
}

/// Validates and sanitizes `content` with the import's rules; a 422 with a Vietnamese message
/// for each field that fails.
fn check(
    conn: &mut Conn,
    slug: &str,
    content: &ArticleContent,
    published_at: Option<&str>,
) -> Result<NewArticle, AppError> {
    if content.body_html.len() > ARTICLE_BODY_MAX_BYTES {
        return Err(invalid("body_html", "Nội dung quá dài (tối đa 512 KB)."));
    }
    let input = ArticleInput {
        slug: Some(slug.to_string()),
        title: content.title.clone(),
        category: content.category.clone(),
        published_at: Some(
            published_at
                .map(str::to_string)
                .unwrap_or_else(crate::clock::now_text),
        ),
        author: content.author.clone(),
        summary: Some(content.summary.clone()),
        body_html: content.body_html.clone(),
        featured: Some(content.featured),
        image: content.image.clone(),
    };
    import::validate(conn, &input).map_err(|errors| {
        AppError::Invalid(
            errors
                .into_iter()
                .map(|(field, message)| {
                    let shown = field_message(&field).map_or(message, str::to_string);
                    (field, shown)
                })
                .collect::<FieldErrors>(),
        )
    })
}

/// What staff read for a field the import's rules refused.
fn field_message(field: &str) -> Option<&'static str> {
    Some(match field {
        "title" => "Hãy nhập tiêu đề (tối đa 300 ký tự).",
        "slug" => "Tiêu đề cần có chữ cái hoặc chữ số để làm đường dẫn.",
        "category" => "Hãy chọn một chuyên mục có trong danh sách.",
        "author" => "Hãy nhập tác giả (tối đa 200 ký tự).",
        "summary" => "Tóm tắt dài tối đa 1000 ký tự.",
        "body_html" => "Nội dung chưa có chữ nào.",
        "image.url" => "Ảnh phải là ảnh đã tải lên cổng thông tin.",
        "image.alt" => "Hãy mô tả ảnh cho người không xem được ảnh.",
        _ => return None,
    })
}

fn invalid(field: &str, message: &str) -> AppError {
    AppError::Invalid(FieldErrors::from([(
        field.to_string(),
        message.to_string(),
    )]))
}

fn ensure_version(current: &EditorialArticle, version: Option<i64>) -> Result<(), AppError> {
    match version {
        Some(version) if version != current.version => Err(changed_since()),
        _ => Ok(()),
    }
}

fn changed_since() -> AppError {
    AppError::Conflict(
        "the article changed since it was opened: reload it, and keep your text to reapply".into(),
    )
}
