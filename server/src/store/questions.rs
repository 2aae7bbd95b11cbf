//! The public questions and answers: answered feedback that its sender allowed and staff
//! published, and the fields questions are filed under.

use portal_contract::questions::{PublicQuestion, QuestionField};
use portal_contract::{PageRequest, Paged};

use super::feedback::{answer_columns, field_columns};
use super::time_column;
use super::word_match::WordQuery;
use crate::db::{Conn, Result, Row};
use crate::questions::redact_contacts;

/// Every field, in the order of the content file.
pub fn fields(conn: &mut Conn) -> Result<Vec<QuestionField>> {
    conn.query(
        "SELECT slug, name FROM question_fields ORDER BY position, slug",
        &[],
        |row| {
            Ok(QuestionField {
                slug: row.get(0)?,
                name: row.get(1)?,
            })
        },
    )
}

pub fn field_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    Ok(conn
        .query_opt(
            "SELECT 1 FROM question_fields WHERE slug = ?1",
            &[&slug],
            |row| row.get::<i64>(0),
        )?
        .is_some())
}

/// Adds a field at `position` in the list (seeding).
pub fn add_field(conn: &mut Conn, field: &QuestionField, position: usize) -> Result<()> {
    conn.execute(
        "INSERT INTO question_fields (slug, name, position) VALUES (?1, ?2, ?3)",
        &[&field.slug, &field.name, &position],
    )?;
    Ok(())
}

pub fn has_fields(conn: &mut Conn) -> Result<bool> {
    Ok(conn
        .query_opt("SELECT 1 FROM question_fields LIMIT 1", &[], |row| {
            row.get::<i64>(0)
        })?
        .is_some())
}

const PUBLIC_COLUMNS: &str = "f.reference, COALESCE(f.public_title, f.title),
    COALESCE(f.public_question, f.message), f.asker, f.field, q.name,
    f.received_at, f.answer_html, f.answered_at, f.answered_by";
const PUBLIC_FROM: &str = "feedback f LEFT JOIN question_fields q ON q.slug = f.field";
/// What the public may read: answered, allowed by the sender, published by staff. Nothing
/// else reaches a public answer, whatever the query.
const PUBLIC: &str = "f.published = 1 AND f.allow_publish = 1 AND f.status = 'answered'
    AND f.answer_html IS NOT NULL";

fn public_from_row(row: &Row<'_>) -> Result<PublicQuestion> {
    let message: String = row.get(2)?;
    Ok(PublicQuestion {
        reference: row.get(0)?,
        title: redact_contacts(&row.get::<String>(1)?),
        question: redact_contacts(&message),
        asker: row.get(3)?,
        field: field_columns(row, 4)?,
        asked_at: time_column(row, 6)?,
        answer: answer_columns(row, 7)?
            .ok_or_else(|| crate::db::bad_column(7, "a published question without an answer"))?,
    })
}

/// Published questions in `field` (any when `None`) matching `query` (all when `None`):
/// newest answer first, or with a query, those with the words as typed in the title first,
/// then those with the words as typed anywhere, then the rest.
pub fn list(
    conn: &mut Conn,
    field: Option<&str>,
    query: Option<&str>,
    page: PageRequest,
) -> Result<Paged<PublicQuestion>> {
    let words = WordQuery::parse(query);
    if words.matches_nothing() {
        return Ok(page.answer(Vec::new(), 0));
    }
    // ?1 is the field; the words follow from ?`first`.
    let condition = |first: usize| {
        format!(
            "{PUBLIC} AND (?1 IS NULL OR f.field = ?1){}",
            words.conditions("f.search_text", first)
        )
    };
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM {PUBLIC_FROM} WHERE {}", condition(2)),
        &words.with_patterns(vec![&field]),
        |row| row.get(0),
    )?;
    // ?2 the words as typed, ?3 the limit, ?4 the offset.
    let order = if words.has_words() {
        "CASE WHEN f.search_title LIKE ?2 THEN 0
              WHEN f.search_text LIKE ?2 THEN 1 ELSE 2 END,
         f.answered_at DESC, f.id DESC"
    } else {
        "f.answered_at DESC, f.id DESC"
    };
    let items = conn.query(
        &format!(
            "SELECT {PUBLIC_COLUMNS} FROM {PUBLIC_FROM} WHERE {} ORDER BY {order} LIMIT ?3 OFFSET ?4",
            condition(5)
        ),
        &words.with_patterns(vec![&field, words.phrase(), &page.per_page, &page.offset()]),
        public_from_row,
    )?;
    Ok(page.answer(items, total))
}

/// One published question.
pub fn question(conn: &mut Conn, reference: &str) -> Result<Option<PublicQuestion>> {
    conn.query_opt(
        &format!("SELECT {PUBLIC_COLUMNS} FROM {PUBLIC_FROM} WHERE {PUBLIC} AND f.reference = ?1"),
        &[&reference],
        public_from_row,
    )
}

/// How many questions are published (the sitemap lists each).
pub fn published_count(conn: &mut Conn) -> Result<u64> {
    conn.query_one(
        &format!("SELECT COUNT(*) FROM feedback f WHERE {PUBLIC}"),
        &[],
        |row| row.get(0),
    )
}

/// Published questions' references and answer times, in the order they were sent, from
/// `offset`.
pub fn published_locations(
    conn: &mut Conn,
    offset: u64,
    limit: u64,
) -> Result<Vec<(String, String)>> {
    conn.query(
        &format!(
            "SELECT f.reference, f.answered_at FROM feedback f WHERE {PUBLIC}
             ORDER BY f.id LIMIT ?1 OFFSET ?2"
        ),
        &[&limit, &offset],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}
