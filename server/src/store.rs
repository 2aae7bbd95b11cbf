//! Every SQL statement the server runs lives here.

use chrono::NaiveDate;
use portal_contract::{
    fold, weekday_name, Article, ArticleSummary, Category, CategoryRef, Contacts, FeatureType,
    FeedbackInput, FeedbackReceipt, FeedbackRecord, Geometry, Highlight, Image, Link, LinkGroup,
    LinkTarget, MapTiles, PageRequest, Paged, Place, PlaceKind, PlaceLink, PlaceProperties,
    ScheduleDay, ScheduleEntry, Site, VisitStats, WeekSchedule,
};
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::search::SearchTerms;

/// The site's own settings, as `content/site.json` gives them (the menu comes from categories).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    pub name: String,
    pub short_name: String,
    pub description: String,
    #[serde(default)]
    pub logo_url: Option<String>,
    pub contacts: Contacts,
    /// Visits counted before this portal (by the old one), added to the total.
    #[serde(default)]
    pub visits_before: u64,
}

/// A category as content files declare it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySettings {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
}

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

pub fn has_content(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM categories)", [], |row| {
        row.get(0)
    })
}

pub fn save_site(conn: &Connection, settings: &SiteSettings) -> rusqlite::Result<()> {
    let json = serde_json::to_string(settings).expect("site settings serialize");
    conn.execute(
        "INSERT INTO site (id, json) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        [json],
    )?;
    Ok(())
}

pub fn save_category(
    conn: &Connection,
    category: &CategorySettings,
    position: usize,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO categories (slug, name, parent, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, parent = excluded.parent,
             position = excluded.position",
        params![
            category.slug,
            category.name,
            category.parent,
            position as i64
        ],
    )?;
    Ok(())
}

/// The site as the frame shows it; `map_tiles` is the server's own setting, not stored.
pub fn site(conn: &Connection, map_tiles: MapTiles) -> rusqlite::Result<Option<Site>> {
    let Some(settings) = site_settings(conn)? else {
        return Ok(None);
    };
    let mut statement = conn.prepare_cached(
        "SELECT slug, name FROM categories WHERE parent IS NULL ORDER BY position, id",
    )?;
    let menu = statement
        .query_map([], |row| {
            Ok(CategoryRef {
                slug: row.get(0)?,
                name: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Site {
        name: settings.name,
        short_name: settings.short_name,
        description: settings.description,
        logo_url: settings.logo_url,
        contacts: settings.contacts,
        menu,
        map_tiles,
    }))
}

pub fn categories(conn: &Connection) -> rusqlite::Result<Vec<Category>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.slug, c.name, c.parent,
                (SELECT COUNT(*) FROM articles a WHERE a.category_id = c.id)
         FROM categories c ORDER BY c.position, c.id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Category {
            slug: row.get(0)?,
            name: row.get(1)?,
            parent: row.get(2)?,
            article_count: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// The id of the category with `slug`, if there is one.
pub fn category_id(conn: &Connection, slug: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT id FROM categories WHERE slug = ?1", [slug], |row| {
        row.get(0)
    })
    .optional()
}

const SUMMARY_COLUMNS: &str = "a.slug, a.title, a.summary, a.published_at, a.author, c.slug, c.name, a.image_json, a.featured";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
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

fn time_column(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<chrono::DateTime<chrono::FixedOffset>> {
    let text: String = row.get(index)?;
    chrono::DateTime::parse_from_rfc3339(&text).map_err(|err| bad_text(index, err))
}

/// A stored text that does not parse: a corrupt row, reported as SQLite reports bad types.
fn bad_text(index: usize, err: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
}

fn image_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Image>> {
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

pub fn category_exists(conn: &Connection, slug: &str) -> rusqlite::Result<bool> {
    Ok(category_id(conn, slug)?.is_some())
}

/// One schedule entry as content files and the store keep it.
#[derive(Debug, Clone)]
pub struct NewScheduleEntry {
    pub day: NaiveDate,
    pub entry: ScheduleEntry,
}

pub fn add_schedule_entry(conn: &Connection, new: &NewScheduleEntry) -> rusqlite::Result<()> {
    let entry = &new.entry;
    conn.prepare_cached(
        "INSERT INTO schedule_entries (day, time, content, chair, participants, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        new.day.to_string(),
        entry.time,
        entry.content,
        entry.chair,
        entry.participants,
        entry.place
    ])?;
    Ok(())
}

/// The seven days from `monday`, each with its entries in time order.
pub fn week_schedule(conn: &Connection, monday: NaiveDate) -> rusqlite::Result<Vec<ScheduleDay>> {
    let days: Vec<NaiveDate> = monday.iter_days().take(7).collect();
    let mut statement = conn.prepare_cached(
        "SELECT day, time, content, chair, participants, place FROM schedule_entries
         WHERE day BETWEEN ?1 AND ?2 ORDER BY day, time, id",
    )?;
    let mut rows = statement.query(params![days[0].to_string(), days[6].to_string()])?;
    let mut schedule: Vec<ScheduleDay> = days
        .iter()
        .map(|date| ScheduleDay {
            date: *date,
            weekday: weekday_name(chrono::Datelike::weekday(date)).to_string(),
            entries: Vec::new(),
        })
        .collect();
    while let Some(row) = rows.next()? {
        let day: String = row.get(0)?;
        let entry = ScheduleEntry {
            time: row.get(1)?,
            content: row.get(2)?,
            chair: row.get(3)?,
            participants: row.get(4)?,
            place: row.get(5)?,
        };
        if let Some(slot) = schedule.iter_mut().find(|d| d.date.to_string() == day) {
            slot.entries.push(entry);
        }
    }
    Ok(schedule)
}

/// Builds the full answer for the week starting `monday`.
pub fn week(conn: &Connection, monday: NaiveDate) -> rusqlite::Result<WeekSchedule> {
    use portal_contract::iso_week_label;
    let days = week_schedule(conn, monday)?;
    Ok(WeekSchedule {
        week: iso_week_label(monday),
        starts_on: monday,
        ends_on: monday + chrono::Days::new(6),
        previous_week: iso_week_label(monday - chrono::Days::new(7)),
        next_week: iso_week_label(monday + chrono::Days::new(7)),
        days,
    })
}

/// Counts one visit on `today` and returns the statistics after it, atomically: concurrent
/// visits each add exactly one.
pub fn record_visit(conn: &mut Connection, today: NaiveDate) -> rusqlite::Result<VisitStats> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.prepare_cached(
        "INSERT INTO visit_days (day, count) VALUES (?1, 1)
         ON CONFLICT (day) DO UPDATE SET count = count + 1",
    )?
    .execute([today.to_string()])?;
    let stats = visit_stats(&tx, today)?;
    tx.commit()?;
    Ok(stats)
}

pub fn visit_stats(conn: &Connection, today: NaiveDate) -> rusqlite::Result<VisitStats> {
    let before: u64 = site_settings(conn)?.map(|s| s.visits_before).unwrap_or(0);
    let (today_count, counted): (u64, u64) = conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN day = ?1 THEN count END), 0), COALESCE(SUM(count), 0)
         FROM visit_days",
        [today.to_string()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(VisitStats {
        today: today_count,
        total: before + counted,
    })
}

fn site_settings(conn: &Connection) -> rusqlite::Result<Option<SiteSettings>> {
    let json: Option<String> = conn
        .query_row("SELECT json FROM site WHERE id = 1", [], |row| row.get(0))
        .optional()?;
    json.map(|json| serde_json::from_str(&json).map_err(|err| bad_text(0, err)))
        .transpose()
}

pub fn save_link_group(
    conn: &Connection,
    group: &LinkGroup,
    position: usize,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO link_groups (name, position) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position",
        params![group.name, position as i64],
    )?;
    let group_id: i64 = conn.query_row(
        "SELECT id FROM link_groups WHERE name = ?1",
        [&group.name],
        |row| row.get(0),
    )?;
    conn.execute("DELETE FROM links WHERE group_id = ?1", [group_id])?;
    for (position, link) in group.links.iter().enumerate() {
        conn.execute(
            "INSERT INTO links (group_id, name, url, position) VALUES (?1, ?2, ?3, ?4)",
            params![group_id, link.name, link.url, position as i64],
        )?;
    }
    Ok(())
}

pub fn link_groups(conn: &Connection) -> rusqlite::Result<Vec<LinkGroup>> {
    let mut statement = conn.prepare_cached(
        "SELECT g.name, l.name, l.url FROM link_groups g JOIN links l ON l.group_id = g.id
         ORDER BY g.position, g.id, l.position, l.id",
    )?;
    let mut rows = statement.query([])?;
    let mut groups: Vec<LinkGroup> = Vec::new();
    while let Some(row) = rows.next()? {
        let group: String = row.get(0)?;
        let link = Link {
            name: row.get(1)?,
            url: row.get(2)?,
        };
        match groups.last_mut() {
            Some(last) if last.name == group => last.links.push(link),
            _ => groups.push(LinkGroup {
                name: group,
                links: vec![link],
            }),
        }
    }
    Ok(groups)
}

pub fn article_exists(conn: &Connection, slug: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ?1)",
        [slug],
        |row| row.get(0),
    )
}

/// Stores a submission durably (the commit reaches the disk before this returns) and gives
/// it its reference.
pub fn save_feedback(
    conn: &mut Connection,
    input: &FeedbackInput,
    held_reason: Option<&str>,
    received_at: chrono::DateTime<chrono::FixedOffset>,
) -> rusqlite::Result<FeedbackReceipt> {
    // Visits may lose their last moments in a power cut; a citizen's words may not.
    conn.pragma_update(None, "synchronous", "FULL")?;
    let result = (|| {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO feedback (received_at, name, email, phone, title, message, article, held_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                received_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                input.name.trim(),
                input.email.trim(),
                input.phone.trim(),
                input.title.trim(),
                input.message.trim(),
                input.article,
                held_reason
            ],
        )?;
        let id = tx.last_insert_rowid();
        let reference = format!("PH-{}-{id:06}", received_at.format("%Y"));
        tx.execute(
            "UPDATE feedback SET reference = ?1 WHERE id = ?2",
            params![reference, id],
        )?;
        tx.commit()?;
        Ok(FeedbackReceipt {
            reference,
            received_at,
        })
    })();
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    result
}

/// Submissions, newest first; held-back ones only when `held` asks for them.
pub fn list_feedback(
    conn: &Connection,
    held: bool,
    page: PageRequest,
) -> rusqlite::Result<Paged<FeedbackRecord>> {
    let condition = if held {
        "held_reason IS NOT NULL"
    } else {
        "held_reason IS NULL"
    };
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM feedback WHERE {condition}"),
        [],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT reference, received_at, name, email, phone, title, message, article, held_reason
         FROM feedback WHERE {condition} ORDER BY received_at DESC, id DESC LIMIT ?1 OFFSET ?2"
    ))?;
    let items = statement
        .query_map(params![page.per_page, page.offset()], |row| {
            Ok(FeedbackRecord {
                reference: row.get(0)?,
                received_at: time_column(row, 1)?,
                name: row.get(2)?,
                email: row.get(3)?,
                phone: row.get(4)?,
                title: row.get(5)?,
                message: row.get(6)?,
                article: row.get(7)?,
                held_reason: row.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(page.answer(items, total))
}

/// A checked place, ready to store; its link's title is looked up when it is read.
#[derive(Debug, Clone)]
pub struct NewPlace {
    pub id: String,
    pub kind: PlaceKind,
    pub name: String,
    pub address: Option<String>,
    pub link: Option<NewPlaceLink>,
    pub geometry: Geometry,
    pub approximate: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPlaceLink {
    pub target: LinkTarget,
    pub slug: String,
}

pub fn has_places(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM map_places)", [], |row| {
        row.get(0)
    })
}

pub fn save_place(conn: &Connection, place: &NewPlace, position: usize) -> rusqlite::Result<()> {
    let kind = serde_json::to_value(place.kind).expect("a kind serializes");
    let geometry = serde_json::to_string(&place.geometry).expect("a geometry serializes");
    let (link_target, link_slug) = match &place.link {
        Some(link) => (
            Some(link_target_code(link.target)),
            Some(link.slug.as_str()),
        ),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO map_places
             (id, position, kind, name, address, link_target, link_slug, geometry, approximate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
             name = excluded.name, address = excluded.address,
             link_target = excluded.link_target, link_slug = excluded.link_slug,
             geometry = excluded.geometry, approximate = excluded.approximate",
        params![
            place.id,
            position as i64,
            kind.as_str(),
            place.name,
            place.address,
            link_target,
            link_slug,
            geometry,
            place.approximate
        ],
    )?;
    Ok(())
}

fn link_target_code(target: LinkTarget) -> &'static str {
    match target {
        LinkTarget::Category => "category",
        LinkTarget::Article => "article",
    }
}

/// Every place in list order. A link whose article or category is gone is left out rather
/// than sent broken.
pub fn places(conn: &Connection) -> rusqlite::Result<Vec<Place>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.kind, p.name, p.address, p.link_target, p.link_slug, p.geometry,
                p.approximate,
                CASE p.link_target
                    WHEN 'category' THEN (SELECT name FROM categories WHERE slug = p.link_slug)
                    WHEN 'article' THEN (SELECT title FROM articles WHERE slug = p.link_slug)
                END
         FROM map_places p ORDER BY p.position, p.id",
    )?;
    let rows = statement.query_map([], |row| {
        let kind: String = row.get(1)?;
        let kind: PlaceKind = serde_json::from_value(serde_json::Value::String(kind))
            .map_err(|err| bad_text(1, err))?;
        let geometry: String = row.get(6)?;
        let geometry: Geometry = serde_json::from_str(&geometry).map_err(|err| bad_text(6, err))?;
        let target: Option<String> = row.get(4)?;
        let slug: Option<String> = row.get(5)?;
        let title: Option<String> = row.get(8)?;
        let link = match (target.as_deref(), slug, title) {
            (Some("category"), Some(slug), Some(title)) => Some(PlaceLink {
                target: LinkTarget::Category,
                slug,
                title,
            }),
            (Some("article"), Some(slug), Some(title)) => Some(PlaceLink {
                target: LinkTarget::Article,
                slug,
                title,
            }),
            _ => None,
        };
        Ok(Place {
            kind: FeatureType::Feature,
            id: row.get(0)?,
            geometry,
            properties: PlaceProperties {
                name: row.get(2)?,
                kind,
                address: row.get(3)?,
                link,
                approximate: row.get(7)?,
            },
        })
    })?;
    rows.collect()
}
