//! Demo content: loaded from `content/` the first time the server starts on an empty database
//! (the documents of `content/documents/` also into one that has none).

use std::path::Path;

use crate::db::Conn;

use crate::import::{self, ImportError};
use crate::import_documents::{self, DocumentImportError};
use chrono::{Days, NaiveDate};
use portal_contract::{week_start, LinkGroup, LinkTarget, ScheduleEntry};

mod english;
pub mod files;
mod procedures;

pub use english::seed_if_empty as seed_english_if_empty;

use crate::store::{self, map::NewPlace, schedule::NewScheduleEntry};
use files::{
    CategorySettings, PlaceFeature, PlaceFile, QuestionsFile, ScheduleTemplate, SiteSettings,
};

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {source}")]
    Import { path: String, source: ImportError },
    #[error("{path}: {source}")]
    Documents {
        path: String,
        source: DocumentImportError,
    },
    #[error("{path}, entry {index}: {message}")]
    Schedule {
        path: String,
        index: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Content { path: String, message: String },
    #[error("{path}, question {index}: {message}")]
    Question {
        path: String,
        index: usize,
        message: String,
    },
    #[error("{path}, place {index}: {message}")]
    Place {
        path: String,
        index: usize,
        message: String,
    },
    #[error(transparent)]
    Database(#[from] crate::db::Error),
}

/// What seeding did.
#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    AlreadyHadContent,
    NoContentFolder,
    Articles(usize),
}

/// Seeds the database from `content_dir` unless it already has content; the schedule is
/// dated around `today`.
pub fn seed_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<Seeded, SeedError> {
    seed_if_empty_on(conn, content_dir, crate::clock::today())
}

pub fn seed_if_empty_on(
    conn: &mut Conn,
    content_dir: &Path,
    today: NaiveDate,
) -> Result<Seeded, SeedError> {
    if store::site::has_content(conn)? {
        return Ok(Seeded::AlreadyHadContent);
    }
    if !content_dir.join("site.json").exists() {
        return Ok(Seeded::NoContentFolder);
    }
    let site: SiteSettings = read_json(&content_dir.join("site.json"))?;
    let categories: Vec<CategorySettings> = read_json(&content_dir.join("categories.json"))?;
    let mut article_files = Vec::new();
    let articles_dir = content_dir.join("articles");
    let entries = std::fs::read_dir(&articles_dir).map_err(|source| SeedError::Read {
        path: articles_dir.display().to_string(),
        source,
    })?;
    for entry in entries {
        let path = entry
            .map_err(|source| SeedError::Read {
                path: articles_dir.display().to_string(),
                source,
            })?
            .path();
        if path.extension().is_some_and(|ext| ext == "json") {
            article_files.push(path);
        }
    }
    article_files.sort();

    conn.transaction(|tx| {
        store::site::save_site(tx, &site)?;
        for (position, category) in categories.iter().enumerate() {
            store::categories::save_category(tx, category, position)?;
        }
        let mut count = 0;
        for path in &article_files {
            let records: Vec<serde_json::Value> = read_json(path)?;
            count += import::import_records(tx, &records).map_err(|source| SeedError::Import {
                path: path.display().to_string(),
                source,
            })?;
        }
        store::search::optimize(tx)?;
        let schedule_path = content_dir.join("schedule.json");
        if schedule_path.exists() {
            let templates: Vec<ScheduleTemplate> = read_json(&schedule_path)?;
            for (index, template) in templates.into_iter().enumerate() {
                let entry = resolve(template, today).map_err(|message| SeedError::Schedule {
                    path: schedule_path.display().to_string(),
                    index,
                    message,
                })?;
                store::schedule::add_schedule_entry(tx, &entry)?;
            }
        }
        let links_path = content_dir.join("links.json");
        if links_path.exists() {
            let groups: Vec<LinkGroup> = read_json(&links_path)?;
            for (position, group) in groups.iter().enumerate() {
                store::links::save_link_group(tx, group, position)?;
            }
        }
        seed_places(tx, content_dir)?;
        seed_documents(tx, content_dir)?;
        seed_questions(tx, content_dir)?;
        procedures::seed(tx, content_dir)?;
        english::seed(tx, content_dir)?;
        Ok(Seeded::Articles(count))
    })
}

/// Adds the documents of `content/documents/documents.json` (and their files, beside it) to a
/// database that has none: one seeded before documents existed gets them on its next start.
/// Returns how many were added.
pub fn seed_documents_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    if store::documents::has_documents(conn)? {
        return Ok(0);
    }
    conn.transaction(|tx| seed_documents(tx, content_dir))
}

fn seed_documents(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let folder = content_dir.join("documents");
    let path = folder.join("documents.json");
    if !path.exists() {
        return Ok(0);
    }
    let records: Vec<serde_json::Value> = read_json(&path)?;
    let count = import_documents::import_records(conn, &records, &folder).map_err(|source| {
        SeedError::Documents {
            path: path.display().to_string(),
            source,
        }
    })?;
    store::document_search::optimize(conn)?;
    Ok(count)
}

/// Adds the question fields and the answered questions of `content/questions.json` to a
/// database that has no fields (one seeded before hỏi đáp existed gets them on its next
/// start). Returns how many questions were added.
pub fn seed_questions_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    if store::questions::has_fields(conn)? {
        return Ok(0);
    }
    conn.transaction(|tx| seed_questions(tx, content_dir))
}

fn seed_questions(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let path = content_dir.join("questions.json");
    if !path.exists() {
        return Ok(0);
    }
    let file: QuestionsFile = read_json(&path)?;
    let wrong = |index: usize, message: String| SeedError::Question {
        path: path.display().to_string(),
        index,
        message,
    };
    for (position, field) in file.fields.iter().enumerate() {
        if field.slug != portal_contract::slugify(&field.slug) || field.name.trim().is_empty() {
            return Err(wrong(
                position,
                format!("field {:?} needs a slug and a name", field.slug),
            ));
        }
        store::questions::add_field(conn, field, position)?;
    }
    for (index, question) in file.questions.iter().enumerate() {
        if !file.fields.iter().any(|field| field.slug == question.field) {
            return Err(wrong(
                index,
                format!("`field`: no field has the slug {:?}", question.field),
            ));
        }
        let answer_html = crate::sanitize::article_html(&question.answer_html);
        if crate::sanitize::plain_text(&answer_html).trim().is_empty() {
            return Err(wrong(index, "`answer_html` has no text".into()));
        }
        store::feedback::add_answered(conn, question, &answer_html)?;
    }
    Ok(file.questions.len())
}

/// Adds the procedures, the editorial pages and the organisation of `content/` to a database
/// that has none (one seeded before they existed gets them on its next start). Returns how
/// many procedures were added.
pub fn seed_procedures_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    if store::procedures::has_procedures(conn)? || store::about::has_pages(conn)? {
        return Ok(0);
    }
    conn.transaction(|tx| procedures::seed(tx, content_dir))
}

/// Adds the map's places from `content/map.geojson` to a database that has none (one seeded
/// before the map existed gets them on its next start). Returns how many were added.
pub fn seed_map_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    if store::map::has_places(conn)? {
        return Ok(0);
    }
    conn.transaction(|tx| seed_places(tx, content_dir))
}

fn seed_places(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let path = content_dir.join("map.geojson");
    if !path.exists() {
        return Ok(0);
    }
    let file: PlaceFile = read_json(&path)?;
    let mut seen = std::collections::HashSet::new();
    for (index, feature) in file.features.into_iter().enumerate() {
        let place = check_place(conn, feature, &mut seen).map_err(|message| match message {
            PlaceProblem::Invalid(message) => SeedError::Place {
                path: path.display().to_string(),
                index,
                message,
            },
            PlaceProblem::Database(err) => SeedError::Database(err),
        })?;
        store::map::save_place(conn, &place, index)?;
    }
    Ok(seen.len())
}

enum PlaceProblem {
    Invalid(String),
    Database(crate::db::Error),
}

impl From<crate::db::Error> for PlaceProblem {
    fn from(err: crate::db::Error) -> Self {
        PlaceProblem::Database(err)
    }
}

/// A place is stored only whole: a URL-safe unique id, a valid shape, a link that leads
/// somewhere.
fn check_place(
    conn: &mut Conn,
    feature: PlaceFeature,
    seen: &mut std::collections::HashSet<String>,
) -> Result<NewPlace, PlaceProblem> {
    let id_is_slug = !feature.id.is_empty()
        && feature
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_is_slug {
        return Err(PlaceProblem::Invalid(format!(
            "id must be lowercase ASCII letters, digits and '-', got {:?}",
            feature.id
        )));
    }
    if !seen.insert(feature.id.clone()) {
        return Err(PlaceProblem::Invalid(format!(
            "id {:?} is used twice",
            feature.id
        )));
    }
    if let Some(problem) = feature.geometry.problem() {
        return Err(PlaceProblem::Invalid(problem));
    }
    let properties = feature.properties;
    if properties.name.trim().is_empty() {
        return Err(PlaceProblem::Invalid("name is empty".into()));
    }
    if let Some(link) = &properties.link {
        let exists = match link.target {
            LinkTarget::Category => store::categories::category_exists(conn, &link.slug)?,
            LinkTarget::Article => store::articles::article_exists(conn, &link.slug)?,
        };
        if !exists {
            return Err(PlaceProblem::Invalid(format!(
                "link to a {:?} that does not exist: {:?}",
                link.target, link.slug
            )));
        }
    }
    Ok(NewPlace {
        id: feature.id,
        kind: properties.kind,
        name: properties.name,
        address: properties.address,
        link: properties.link,
        geometry: feature.geometry,
        approximate: properties.approximate,
    })
}

fn resolve(template: ScheduleTemplate, today: NaiveDate) -> Result<NewScheduleEntry, String> {
    if !(1..=7).contains(&template.weekday) {
        return Err(format!(
            "weekday must be 1 (Monday) to 7 (Sunday), got {}",
            template.weekday
        ));
    }
    let valid_time = chrono::NaiveTime::parse_from_str(&template.time, "%H:%M").is_ok()
        && template.time.len() == 5;
    if !valid_time {
        return Err(format!("time must be HH:MM, got {:?}", template.time));
    }
    let monday = week_start(today);
    let offset_days = template.week_offset * 7 + template.weekday as i64 - 1;
    let day = if offset_days >= 0 {
        monday.checked_add_days(Days::new(offset_days as u64))
    } else {
        monday.checked_sub_days(Days::new(offset_days.unsigned_abs()))
    }
    .ok_or("week_offset is out of range")?;
    Ok(NewScheduleEntry {
        day,
        entry: ScheduleEntry {
            time: template.time,
            content: template.content,
            chair: template.chair,
            participants: template.participants,
            place: template.place,
        },
    })
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, SeedError> {
    let text = std::fs::read_to_string(path).map_err(|source| SeedError::Read {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| SeedError::Json {
        path: path.display().to_string(),
        source,
    })
}
