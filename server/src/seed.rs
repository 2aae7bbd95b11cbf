//! Demo content: loaded from `content/` the first time the server starts on an empty database.

use std::path::Path;

use rusqlite::Connection;

use crate::import::{self, ImportError};
use crate::store::{self, CategorySettings, SiteSettings};

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
    #[error(transparent)]
    Database(#[from] rusqlite::Error),
}

/// What seeding did.
#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    AlreadyHadContent,
    NoContentFolder,
    Articles(usize),
}

/// Seeds the database from `content_dir` unless it already has content.
pub fn seed_if_empty(conn: &mut Connection, content_dir: &Path) -> Result<Seeded, SeedError> {
    if store::has_content(conn)? {
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

    let tx = conn.transaction()?;
    store::save_site(&tx, &site)?;
    for (position, category) in categories.iter().enumerate() {
        store::save_category(&tx, category, position)?;
    }
    let mut count = 0;
    for path in &article_files {
        let records: Vec<serde_json::Value> = read_json(path)?;
        count += import::import_records(&tx, &records).map_err(|source| SeedError::Import {
            path: path.display().to_string(),
            source,
        })?;
    }
    tx.commit()?;
    Ok(Seeded::Articles(count))
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
