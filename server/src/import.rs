//! Validating and storing articles from import files (`portal-server import FILE.json`) and
//! from the demo content. A file is imported whole or not at all.

use std::path::Path;

use chrono::DateTime;
use portal_contract::{slugify, ArticleInput, Lang};

use crate::sanitize;
use crate::store::{self, articles::NewArticle};

/// What is wrong with one field of one record. `index` counts records from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub index: usize,
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "record {}, field `{}`: {}",
            self.index, self.field, self.message
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a JSON array of articles: {source}")]
    NotJson {
        path: String,
        source: serde_json::Error,
    },
    #[error("{} invalid record(s), nothing imported:\n{}", .0.len(), list(.0))]
    Invalid(Vec<RecordError>),
    #[error(transparent)]
    Database(#[from] crate::db::Error),
}

/// Each record's errors on a line of its own, for the command line.
pub(crate) fn list(errors: &[RecordError]) -> String {
    errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

use portal_contract::limits::{
    ARTICLE_AUTHOR_MAX_CHARS as MAX_AUTHOR_CHARS, ARTICLE_SUMMARY_MAX_CHARS as MAX_SUMMARY_CHARS,
    ARTICLE_TITLE_MAX_CHARS as MAX_TITLE_CHARS,
};
const DERIVED_SUMMARY_CHARS: usize = 240;

/// Reads a JSON array of article inputs from `path` and imports it in one transaction.
pub fn import_file(conn: &mut crate::db::Conn, path: &Path) -> Result<usize, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|source| ImportError::NotJson {
            path: path.display().to_string(),
            source,
        })?;
    conn.transaction(|tx| {
        let count = import_records(tx, &records)?;
        store::search::optimize(tx)?;
        Ok(count)
    })
}

/// Validates every record, then stores them all; stores nothing if any record is invalid.
/// The caller owns the transaction.
pub fn import_records(
    conn: &mut crate::db::Conn,
    records: &[serde_json::Value],
) -> Result<usize, ImportError> {
    let articles = check_records(records, |record| {
        parse_record(record).and_then(|input| validate(conn, &input))
    })?;
    let mut errors = Vec::new();
    // What staff took down or are still working on is theirs: a file would silently undo it.
    for (index, article) in articles.iter().enumerate() {
        if !crate::editorial::import_allowed(conn, &article.slug)? {
            errors.push(RecordError {
                index,
                field: "slug".into(),
                message: format!(
                    "`{}` is a draft, submitted, scheduled or unpublished in the staff area: change it there, or leave it out",
                    article.slug
                ),
            });
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Invalid(errors));
    }
    let now = crate::clock::now_text();
    for (index, article) in articles.iter().enumerate() {
        store::articles::upsert_article(conn, article, &now)?;
        if !crate::editorial::record_import(conn, article, &now)? {
            return Err(ImportError::Invalid(vec![RecordError {
                index,
                field: "slug".into(),
                message: "changed in the staff area during the import: run it again".into(),
            }]));
        }
    }
    Ok(articles.len())
}

/// Validates and stores English articles (`content/en/articles.json`): the import's records,
/// each with an optional `counterpart`, the slug of the Vietnamese article that reports the
/// same news. They are not given a staff copy: the staff area edits Vietnamese articles, and
/// a save there would make an English one Vietnamese. Stores nothing if any record is
/// invalid; the caller owns the transaction.
pub fn import_english_records(
    conn: &mut crate::db::Conn,
    records: &[serde_json::Value],
) -> Result<usize, ImportError> {
    let articles = check_records(records, |record| {
        let mut record = record.clone();
        let counterpart = match record.as_object_mut().and_then(|o| o.remove("counterpart")) {
            Some(serde_json::Value::String(slug)) => Some(slug),
            None | Some(serde_json::Value::Null) => None,
            Some(_) => {
                let message = "must be a Vietnamese article's slug".to_string();
                return Err(vec![("counterpart".into(), message)]);
            }
        };
        let mut article = parse_record(&record).and_then(|input| validate(conn, &input))?;
        let mut errors = FieldErrors::new();
        match store::articles::article_lang(conn, &article.slug) {
            Ok(Some(Lang::Vi)) => errors.push((
                "slug".into(),
                format!("`{}` is a Vietnamese article's slug", article.slug),
            )),
            Ok(_) => {}
            Err(err) => errors.push(("slug".into(), format!("cannot be checked: {err}"))),
        }
        if let Some(slug) = counterpart.as_deref() {
            match store::articles::article_lang(conn, slug) {
                Ok(Some(Lang::Vi)) => {}
                Ok(_) => errors.push((
                    "counterpart".into(),
                    format!("no Vietnamese article has the slug `{slug}`"),
                )),
                Err(err) => {
                    errors.push(("counterpart".into(), format!("cannot be checked: {err}")))
                }
            }
        }
        article.lang = Lang::En;
        article.counterpart = counterpart;
        if errors.is_empty() {
            Ok(article)
        } else {
            Err(errors)
        }
    })?;
    let now = crate::clock::now_text();
    for article in &articles {
        store::articles::upsert_article(conn, article, &now)?;
    }
    Ok(articles.len())
}

/// Every record turned into an article by `check`, and no two with one slug; or every
/// record's errors, by field.
fn check_records(
    records: &[serde_json::Value],
    mut check: impl FnMut(&serde_json::Value) -> Result<NewArticle, FieldErrors>,
) -> Result<Vec<NewArticle>, ImportError> {
    let mut articles = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    let mut seen_slugs = std::collections::HashMap::new();
    for (index, record) in records.iter().enumerate() {
        match check(record) {
            Ok(article) => {
                if let Some(first) = seen_slugs.insert(article.slug.clone(), index) {
                    errors.push(RecordError {
                        index,
                        field: "slug".into(),
                        message: format!("`{}` is also the slug of record {first}", article.slug),
                    });
                }
                articles.push(article);
            }
            Err(field_errors) => {
                errors.extend(
                    field_errors
                        .into_iter()
                        .map(|(field, message)| RecordError {
                            index,
                            field,
                            message,
                        }),
                )
            }
        }
    }
    if errors.is_empty() {
        Ok(articles)
    } else {
        Err(ImportError::Invalid(errors))
    }
}

/// What is wrong with a record: (field, message) pairs.
pub(crate) type FieldErrors = Vec<(String, String)>;

/// A record read as a `T`, or what is wrong with it, by field.
pub(crate) fn parse_record<T: serde::de::DeserializeOwned>(
    record: &serde_json::Value,
) -> Result<T, FieldErrors> {
    serde_path_to_error::deserialize(record).map_err(|err| {
        let path = err.path().to_string();
        let message = err.inner().to_string();
        // A missing or unknown field is reported at the record itself; name the field anyway.
        let field = if path == "." {
            message.split('`').nth(1).unwrap_or("(record)").to_string()
        } else {
            path
        };
        vec![(field, message)]
    })
}

/// Checks one article input and turns it into an article ready to store.
pub fn validate(
    conn: &mut crate::db::Conn,
    input: &ArticleInput,
) -> Result<NewArticle, FieldErrors> {
    let mut errors: FieldErrors = Vec::new();
    let mut fail = |field: &str, message: String| errors.push((field.to_string(), message));

    let title = input.title.trim();
    if title.is_empty() {
        fail("title", "must not be empty".into());
    } else if title.chars().count() > MAX_TITLE_CHARS {
        fail(
            "title",
            format!("must be at most {MAX_TITLE_CHARS} characters"),
        );
    }

    let slug = match &input.slug {
        Some(slug) if slug.is_empty() || slugify(slug) != *slug => {
            fail(
                "slug",
                "must be lowercase ASCII letters and digits joined by `-`".into(),
            );
            String::new()
        }
        Some(slug) => slug.clone(),
        None => {
            let slug = slugify(title);
            if slug.is_empty() && !title.is_empty() {
                fail("slug", "cannot be derived from the title; give one".into());
            }
            slug
        }
    };

    if !slug.is_empty() {
        match store::articles::article_lang(conn, &slug) {
            Ok(Some(Lang::En)) => fail("slug", format!("`{slug}` is an English article's slug")),
            Ok(_) => {}
            Err(err) => fail("slug", format!("cannot be checked: {err}")),
        }
    }

    match store::categories::category_exists(conn, &input.category) {
        Ok(true) => {}
        Ok(false) => fail(
            "category",
            format!("no category has the slug `{}`", input.category),
        ),
        Err(err) => fail("category", format!("cannot be checked: {err}")),
    }

    let published_at = match input
        .published_at
        .as_deref()
        .map(DateTime::parse_from_rfc3339)
    {
        Some(Ok(time)) => crate::clock::stored_text(time),
        Some(Err(err)) => {
            fail("published_at", format!("must be an RFC 3339 time ({err})"));
            String::new()
        }
        None => {
            fail("published_at", "is missing: an RFC 3339 time".into());
            String::new()
        }
    };

    let author = input.author.trim();
    if author.is_empty() {
        fail("author", "must not be empty".into());
    } else if author.chars().count() > MAX_AUTHOR_CHARS {
        fail(
            "author",
            format!("must be at most {MAX_AUTHOR_CHARS} characters"),
        );
    }

    let body_html = sanitize::article_html(&input.body_html);
    let body_text = sanitize::plain_text(&body_html);
    if body_text.is_empty() {
        fail("body_html", "has no text once sanitized".into());
    }

    let summary = match input.summary.as_deref().map(str::trim) {
        Some(summary) if summary.chars().count() > MAX_SUMMARY_CHARS => {
            fail(
                "summary",
                format!("must be at most {MAX_SUMMARY_CHARS} characters"),
            );
            String::new()
        }
        Some(summary) if !summary.is_empty() => summary.to_string(),
        _ => shorten(&body_text, DERIVED_SUMMARY_CHARS),
    };

    if let Some(image) = &input.image {
        if image.url.trim().is_empty() {
            fail("image.url", "must not be empty".into());
        } else if !sanitize::image_url_allowed(&image.url, &sanitize::allowed_image_hosts()) {
            fail(
                "image.url",
                "must be a path on this site or an https address on an allowed image host (--allowed-image-hosts)".into(),
            );
        }
        let srcset_allowed = image.srcset.as_deref().is_none_or(|srcset| {
            portal_contract::srcset_urls(srcset).is_some_and(|urls| {
                urls.iter()
                    .all(|url| sanitize::image_url_allowed(url, &sanitize::allowed_image_hosts()))
            })
        });
        if !srcset_allowed {
            fail(
                "image.srcset",
                "must be `URL 640w` candidates, each URL allowed as image.url is".into(),
            );
        }
        if image.alt.trim().is_empty() {
            fail("image.alt", "must describe the image".into());
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewArticle {
        slug,
        title: title.to_string(),
        summary,
        body_html,
        body_text,
        published_at,
        author: author.to_string(),
        category_slug: input.category.clone(),
        image: input.image.clone(),
        featured: input.featured.unwrap_or(false),
        lang: Lang::Vi,
        counterpart: None,
    })
}

/// The first words of `text`, at most `max` characters, ending with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("một hai ba", 20), "một hai ba");
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
    }
}
