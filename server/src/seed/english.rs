//! The English pages' content, from `content/en/`: `site.json` (the site's English name,
//! contacts and facts at a glance), `articles.json` (the English news, each maybe naming its
//! Vietnamese counterpart), `pages/{slug}.json` and `organization.json`. Every file is
//! optional; a wrong record stops the seeding with the file and the record named.

use std::path::Path;

use portal_contract::Lang;

use super::files::EnglishSiteSettings;
use super::{procedures, read_json, SeedError};
use crate::db::Conn;
use crate::{import, store};

/// The folder of the English content, under the content folder.
const FOLDER: &str = "en";

/// Stores the English content of `content_dir`; how many English articles.
pub fn seed(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let folder = content_dir.join(FOLDER);
    if !folder.is_dir() {
        return Ok(0);
    }
    let now = crate::clock::now_text();
    let site_path = folder.join("site.json");
    if site_path.exists() {
        let english: EnglishSiteSettings = read_json(&site_path)?;
        let Some(mut settings) = store::site::site_settings(conn)? else {
            return Err(SeedError::Content {
                path: site_path.display().to_string(),
                message: "the Vietnamese settings (site.json) must be stored first".into(),
            });
        };
        settings.english = Some(english);
        store::site::save_site(conn, &settings)?;
    }
    let articles_path = folder.join("articles.json");
    let mut count = 0;
    if articles_path.exists() {
        let records: Vec<serde_json::Value> = read_json(&articles_path)?;
        count =
            import::import_english_records(conn, &records).map_err(|source| SeedError::Import {
                path: articles_path.display().to_string(),
                source,
            })?;
        store::search::optimize(conn)?;
    }
    procedures::seed_pages(conn, &folder.join("pages"), Lang::En, &now)?;
    procedures::seed_organization(conn, &folder.join("organization.json"), Lang::En, &now)?;
    Ok(count)
}

/// Adds the English content to a database that has none (one seeded before the English pages
/// existed gets it on its next start). Returns how many English articles were added.
pub fn seed_if_empty(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let has_english = conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE lang = 'en')
             OR EXISTS (SELECT 1 FROM site_pages WHERE lang = 'en')
             OR EXISTS (SELECT 1 FROM organization WHERE lang = 'en')",
        &[],
        |row| row.get::<bool>(0),
    )?;
    if has_english || !store::site::has_content(conn)? {
        return Ok(0);
    }
    conn.transaction(|tx| seed(tx, content_dir))
}
