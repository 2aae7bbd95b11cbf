//! Administrative procedures: stored from the content files, listed by field and level,
//! searched without tone marks, and read whole with their forms' files.

use portal_contract::procedures::{
    LegalBasis, OnlineService, Procedure, ProcedureField, ProcedureForm, ProcedureLevel,
    ProcedureSummary, Requirement, Way,
};
use portal_contract::{PageRequest, Paged};
use serde::{Deserialize, Serialize};

use super::word_match::{indexed_words, WordQuery};
use crate::db::{bad_column, Conn, Result, Row, ToParam};

/// What a procedure holds beyond what lists show: one JSON document in `details_json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Details {
    pub agency: String,
    pub steps: Vec<String>,
    pub ways: Vec<Way>,
    pub requirements: Vec<StoredRequirement>,
    pub processing_time: String,
    pub fees: String,
    pub result: String,
    pub legal_bases: Vec<LegalBasis>,
    pub service_url: Option<String>,
    pub illustrative: bool,
}

/// A requirement as stored: its form by the slug of the document that publishes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredRequirement {
    pub name: String,
    pub copies: String,
    pub form: Option<String>,
}

/// A procedure to store.
pub struct NewProcedure<'a> {
    pub slug: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub field: &'a str,
    pub level: ProcedureLevel,
    pub online: OnlineService,
    pub details: &'a Details,
}

pub fn add_field(conn: &mut Conn, field: &ProcedureField, position: usize) -> Result<()> {
    conn.execute(
        "INSERT INTO procedure_fields (slug, name, position) VALUES (?1, ?2, ?3)",
        &[&field.slug, &field.name, &position],
    )?;
    Ok(())
}

pub fn add_procedure(conn: &mut Conn, procedure: &NewProcedure<'_>, position: usize) -> Result<()> {
    let details = serde_json::to_string(procedure.details).map_err(|err| bad_column(0, err))?;
    let steps = procedure.details.steps.join(" ");
    let requirements: Vec<&str> = procedure
        .details
        .requirements
        .iter()
        .map(|requirement| requirement.name.as_str())
        .collect();
    let text = format!(
        "{} {} {} {steps} {}",
        procedure.name,
        procedure.code,
        procedure.details.agency,
        requirements.join(" ")
    );
    let params: [&dyn ToParam; 10] = [
        &procedure.slug,
        &procedure.code,
        &procedure.name,
        &procedure.field,
        &procedure.level.slug(),
        &online_code(procedure.online),
        &details,
        &indexed_words(procedure.name),
        &indexed_words(&text),
        &position,
    ];
    conn.execute(
        "INSERT INTO procedures (slug, code, name, field, level, online, details_json,
                                 search_title, search_text, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &params,
    )?;
    Ok(())
}

fn online_code(online: OnlineService) -> &'static str {
    match online {
        OnlineService::Full => "full",
        OnlineService::Partial => "partial",
        OnlineService::None => "none",
    }
}

fn online_column(row: &Row<'_>, index: usize) -> Result<OnlineService> {
    match row.get::<String>(index)?.as_str() {
        "full" => Ok(OnlineService::Full),
        "partial" => Ok(OnlineService::Partial),
        "none" => Ok(OnlineService::None),
        _ => Err(bad_column(index, "an unknown online service")),
    }
}

fn level_column(row: &Row<'_>, index: usize) -> Result<ProcedureLevel> {
    ProcedureLevel::from_slug(&row.get::<String>(index)?)
        .ok_or_else(|| bad_column(index, "an unknown level"))
}

pub fn has_procedures(conn: &mut Conn) -> Result<bool> {
    Ok(conn
        .query_opt("SELECT 1 FROM procedure_fields LIMIT 1", &[], |row| {
            row.get::<i64>(0)
        })?
        .is_some())
}

pub fn fields(conn: &mut Conn) -> Result<Vec<ProcedureField>> {
    conn.query(
        "SELECT slug, name FROM procedure_fields ORDER BY position, slug",
        &[],
        |row| {
            Ok(ProcedureField {
                slug: row.get(0)?,
                name: row.get(1)?,
            })
        },
    )
}

pub fn field_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    Ok(conn
        .query_opt(
            "SELECT 1 FROM procedure_fields WHERE slug = ?1",
            &[&slug],
            |row| row.get::<i64>(0),
        )?
        .is_some())
}

const SUMMARY_COLUMNS: &str = "p.slug, p.code, p.name, p.field, f.name, p.level, p.online";
const FROM: &str = "procedures p JOIN procedure_fields f ON f.slug = p.field";

fn summary_from_row(row: &Row<'_>) -> Result<ProcedureSummary> {
    Ok(ProcedureSummary {
        slug: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        field: ProcedureField {
            slug: row.get(3)?,
            name: row.get(4)?,
        },
        level: level_column(row, 5)?,
        online: online_column(row, 6)?,
    })
}

/// Procedures in `field` and at `level` (any when `None`) with `query`'s words (all when
/// `None`): in the content's order, or with a query those named with the words as typed first,
/// then those with the words as typed anywhere, then the rest.
pub fn list(
    conn: &mut Conn,
    field: Option<&str>,
    level: Option<ProcedureLevel>,
    query: Option<&str>,
    page: PageRequest,
) -> Result<Paged<ProcedureSummary>> {
    let words = WordQuery::parse(query);
    if words.matches_nothing() {
        return Ok(page.answer(Vec::new(), 0));
    }
    let level = level.map(ProcedureLevel::slug);
    // ?1 the field, ?2 the level; the words from ?`first`.
    let condition = |first: usize| {
        format!(
            "(?1 IS NULL OR p.field = ?1) AND (?2 IS NULL OR p.level = ?2){}",
            words.conditions("p.search_text", first)
        )
    };
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM {FROM} WHERE {}", condition(3)),
        &words.with_patterns(vec![&field, &level]),
        |row| row.get(0),
    )?;
    // ?3 the words as typed, ?4 the limit, ?5 the offset.
    let order = if words.has_words() {
        "CASE WHEN p.search_title LIKE ?3 THEN 0 WHEN p.search_text LIKE ?3 THEN 1 ELSE 2 END,
         p.position, p.id"
    } else {
        "p.position, p.id"
    };
    let items = conn.query(
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM {FROM} WHERE {} ORDER BY {order} LIMIT ?4 OFFSET ?5",
            condition(6)
        ),
        &words.with_patterns(vec![
            &field,
            &level,
            words.phrase(),
            &page.per_page,
            &page.offset(),
        ]),
        summary_from_row,
    )?;
    Ok(page.answer(items, total))
}

/// One procedure whole, each form with the file its document holds now.
pub fn procedure(conn: &mut Conn, slug: &str) -> Result<Option<Procedure>> {
    let found = conn.query_opt(
        &format!("SELECT {SUMMARY_COLUMNS}, p.details_json FROM {FROM} WHERE p.slug = ?1"),
        &[&slug],
        |row| {
            let details: String = row.get(7)?;
            let details: Details =
                serde_json::from_str(&details).map_err(|err| bad_column(7, err))?;
            Ok((summary_from_row(row)?, details))
        },
    )?;
    let Some((summary, details)) = found else {
        return Ok(None);
    };
    let mut requirements = Vec::with_capacity(details.requirements.len());
    for stored in details.requirements {
        // A form whose document was taken down since is left out, not a broken link.
        let form = match &stored.form {
            Some(document) => {
                super::documents::first_file(conn, document)?.map(|file| ProcedureForm {
                    document: document.clone(),
                    file,
                })
            }
            None => None,
        };
        requirements.push(Requirement {
            name: stored.name,
            copies: stored.copies,
            form,
        });
    }
    Ok(Some(Procedure {
        slug: summary.slug,
        code: summary.code,
        name: summary.name,
        field: summary.field,
        level: summary.level,
        agency: details.agency,
        steps: details.steps,
        ways: details.ways,
        requirements,
        processing_time: details.processing_time,
        fees: details.fees,
        result: details.result,
        legal_bases: details.legal_bases,
        online: summary.online,
        service_url: details.service_url,
        illustrative: details.illustrative,
    }))
}

/// Every procedure's slug, in the content's order (the sitemap).
pub fn slugs(conn: &mut Conn) -> Result<Vec<String>> {
    conn.query(
        "SELECT slug FROM procedures ORDER BY position, id",
        &[],
        |row| row.get(0),
    )
}
