//! Procedures, editorial pages and the organisation from `content/`: `procedures.json`,
//! `pages/{slug}.json` and `organization.json`. A record with a missing or wrong field stops the
//! seeding with the file, the record and the field named.

use std::path::Path;

use portal_contract::about::{validate_organization, Organization, SitePage};
use portal_contract::procedures::{LegalBasis, OnlineService, ProcedureField, ProcedureLevel, Way};
use portal_contract::text::has_visible;
use portal_contract::Lang;
use serde::Deserialize;

use super::{read_json, SeedError};
use crate::db::Conn;
use crate::store::procedures::{Details, NewProcedure, StoredRequirement};
use crate::store::{self};

/// `content/procedures.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceduresFile {
    fields: Vec<ProcedureField>,
    /// Each read on its own, so that a wrong one is reported by its place in the list.
    procedures: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcedureRecord {
    #[serde(default)]
    slug: Option<String>,
    code: String,
    name: String,
    field: String,
    level: ProcedureLevel,
    agency: String,
    steps: Vec<String>,
    ways: Vec<Way>,
    requirements: Vec<RequirementRecord>,
    processing_time: String,
    fees: String,
    result: String,
    #[serde(default)]
    legal_bases: Vec<LegalBasis>,
    online: OnlineService,
    #[serde(default)]
    service_url: Option<String>,
    #[serde(default)]
    illustrative: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementRecord {
    name: String,
    copies: String,
    #[serde(default)]
    form: Option<String>,
}

/// `content/pages/{slug}.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    title: String,
    summary: String,
    body_html: String,
}

/// Stores the procedures, pages and organisation of `content_dir` (each file when present);
/// how many procedures.
pub fn seed(conn: &mut Conn, content_dir: &Path) -> Result<usize, SeedError> {
    let now = crate::clock::now_text();
    let procedures = seed_procedures(conn, &content_dir.join("procedures.json"))?;
    seed_pages(conn, &content_dir.join("pages"), Lang::Vi, &now)?;
    seed_organization(conn, &content_dir.join("organization.json"), Lang::Vi, &now)?;
    Ok(procedures)
}

fn seed_procedures(conn: &mut Conn, path: &Path) -> Result<usize, SeedError> {
    if !path.exists() {
        return Ok(0);
    }
    let file: ProceduresFile = read_json(path)?;
    let wrong = |message: String| SeedError::Content {
        path: path.display().to_string(),
        message,
    };
    for (position, field) in file.fields.iter().enumerate() {
        if field.slug != portal_contract::slugify(&field.slug) || !has_visible(&field.name) {
            return Err(wrong(format!(
                "field {position}: needs a slug (lowercase words joined by -) and a name"
            )));
        }
        store::procedures::add_field(conn, field, position)?;
    }
    let mut slugs: Vec<String> = Vec::new();
    for (index, value) in file.procedures.iter().enumerate() {
        let record: ProcedureRecord = serde_json::from_value(value.clone())
            .map_err(|err| wrong(format!("procedure {index}: {err}")))?;
        let slug = record
            .slug
            .clone()
            .unwrap_or_else(|| portal_contract::slugify(&record.name));
        let problem = check_procedure(conn, &record, &file.fields)?;
        if let Some(problem) = problem.or_else(|| {
            slugs
                .contains(&slug)
                .then(|| format!("`slug`: {slug:?} is taken by another procedure"))
        }) {
            return Err(wrong(format!("procedure {index} ({slug}), {problem}")));
        }
        let details = Details {
            agency: record.agency,
            steps: record.steps,
            ways: record.ways,
            requirements: record
                .requirements
                .into_iter()
                .map(|requirement| StoredRequirement {
                    name: requirement.name,
                    copies: requirement.copies,
                    form: requirement.form,
                })
                .collect(),
            processing_time: record.processing_time,
            fees: record.fees,
            result: record.result,
            legal_bases: record.legal_bases,
            service_url: record.service_url,
            illustrative: record.illustrative,
        };
        let procedure = NewProcedure {
            slug: &slug,
            code: &record.code,
            name: &record.name,
            field: &record.field,
            level: record.level,
            online: record.online,
            details: &details,
        };
        store::procedures::add_procedure(conn, &procedure, index)?;
        slugs.push(slug);
    }
    Ok(slugs.len())
}

/// What is wrong with `record`, as "`field`: why"; `None` when it may be stored.
fn check_procedure(
    conn: &mut Conn,
    record: &ProcedureRecord,
    fields: &[ProcedureField],
) -> Result<Option<String>, SeedError> {
    let texts = [
        ("code", &record.code),
        ("name", &record.name),
        ("agency", &record.agency),
        ("processing_time", &record.processing_time),
        ("fees", &record.fees),
        ("result", &record.result),
    ];
    if let Some((name, _)) = texts.iter().find(|(_, text)| !has_visible(text)) {
        return Ok(Some(format!("`{name}`: must not be empty")));
    }
    if !fields.iter().any(|field| field.slug == record.field) {
        return Ok(Some(format!(
            "`field`: no field of the file has the slug {:?}",
            record.field
        )));
    }
    if record.steps.is_empty() || record.steps.iter().any(|step| !has_visible(step)) {
        return Ok(Some("`steps`: needs at least one step, none empty".into()));
    }
    if record.ways.is_empty() {
        return Ok(Some("`ways`: needs at least one way to do it".into()));
    }
    if record.requirements.is_empty() {
        return Ok(Some("`requirements`: needs at least one paper".into()));
    }
    for (index, requirement) in record.requirements.iter().enumerate() {
        if !has_visible(&requirement.name) || !has_visible(&requirement.copies) {
            return Ok(Some(format!(
                "`requirements[{index}]`: needs a name and its copies"
            )));
        }
        if let Some(form) = &requirement.form {
            if store::documents::first_file(conn, form)?.is_none() {
                return Ok(Some(format!(
                    "`requirements[{index}].form`: no document with a file has the slug {form:?}"
                )));
            }
        }
    }
    for (index, basis) in record.legal_bases.iter().enumerate() {
        if let Some(document) = &basis.document {
            if store::documents::document_id(conn, document)?.is_none() {
                return Ok(Some(format!(
                    "`legal_bases[{index}].document`: no document has the slug {document:?}"
                )));
            }
        }
    }
    let online = record.online != OnlineService::None;
    match &record.service_url {
        Some(url) if !online => {
            return Ok(Some(format!(
                "`service_url`: {url:?} given for a procedure that is not online"
            )))
        }
        Some(url) if !url.starts_with("https://") => {
            return Ok(Some(format!(
                "`service_url`: {url:?} is not an https:// address"
            )))
        }
        None if online => {
            return Ok(Some(
                "`service_url`: an online procedure needs the address of its service".into(),
            ))
        }
        _ => {}
    }
    Ok(None)
}

/// Stores the editorial pages of `folder` (`{slug}.json` each) in `lang`, if it exists.
pub(super) fn seed_pages(
    conn: &mut Conn,
    folder: &Path,
    lang: Lang,
    now: &str,
) -> Result<(), SeedError> {
    if !folder.is_dir() {
        return Ok(());
    }
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map_err(|source| SeedError::Read {
            path: folder.display().to_string(),
            source,
        })?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    for path in files {
        seed_page(conn, &path, lang, now)?;
    }
    Ok(())
}

/// Stores the organisation tree of `path` in `lang`, if the file exists.
pub(super) fn seed_organization(
    conn: &mut Conn,
    path: &Path,
    lang: Lang,
    now: &str,
) -> Result<(), SeedError> {
    if !path.exists() {
        return Ok(());
    }
    let tree: Organization = read_json(path)?;
    if let Some((field, message)) = validate_organization(&tree).into_iter().next() {
        return Err(SeedError::Content {
            path: path.display().to_string(),
            message: format!("`{field}`: {message}"),
        });
    }
    store::about::save_organization(conn, &tree, lang, now)?;
    Ok(())
}

fn seed_page(conn: &mut Conn, path: &Path, lang: Lang, now: &str) -> Result<(), SeedError> {
    let file: PageFile = read_json(path)?;
    let wrong = |message: String| SeedError::Content {
        path: path.display().to_string(),
        message,
    };
    let slug = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default()
        .to_string();
    if slug != portal_contract::slugify(&slug) {
        return Err(wrong("the file's name must be the page's slug".into()));
    }
    let body_html = crate::sanitize::article_html(&file.body_html);
    for (name, text) in [
        ("title", &file.title),
        ("summary", &file.summary),
        ("body_html", &crate::sanitize::plain_text(&body_html)),
    ] {
        if !has_visible(text) {
            return Err(wrong(format!("`{name}`: must not be empty")));
        }
    }
    let page = SitePage {
        slug,
        title: file.title,
        summary: file.summary,
        body_html,
    };
    store::about::save_page(conn, &page, lang, now)?;
    Ok(())
}
