//! Citizens' feedback: stored durably, listed for staff, followed by its sender, handled and
//! answered by staff.

use portal_contract::questions::{
    public_asker, Answer, DeclineReason, FeedbackProgress, FeedbackStatus, QuestionField,
};
use portal_contract::text::trim_invisible;
use portal_contract::{FeedbackInput, FeedbackReceipt, FeedbackRecord, PageRequest, Paged};

use super::time_column;
use super::word_match::indexed_words;
use crate::db::{bad_column, Conn, Result, Row, ToParam};
use crate::questions::redact_contacts;

/// The search words of what the public would read, (the title's, everyone's): built from the
/// masked text, so that searching for a phone number or an email finds nobody's question.
fn public_words(title: &str, question: &str, answer_text: &str) -> (String, String) {
    let title = redact_contacts(title);
    let question = redact_contacts(question);
    (
        indexed_words(&title),
        indexed_words(&format!("{title} {question} {answer_text}")),
    )
}

/// Stores a submission durably (the commit reaches the disk before this returns) and gives
/// it its reference. `input.field` names a field that exists (the caller checked).
pub fn save_feedback(
    conn: &mut Conn,
    input: &FeedbackInput,
    held_reason: Option<&str>,
    received_at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<FeedbackReceipt> {
    // Visits may lose their last moments in a power cut; a citizen's words may not. On
    // PostgreSQL every commit is flushed already (synchronous_commit's default).
    if let Some(sqlite) = conn.as_sqlite() {
        sqlite.pragma_update(None, "synchronous", "FULL")?;
    }
    let title = trim_invisible(&input.title);
    let message = trim_invisible(&input.message);
    let (title_words, all_words) = public_words(title, message, "");
    let result = conn.transaction(|conn| {
        let id: i64 = conn.query_one(
            "INSERT INTO feedback (received_at, name, email, phone, title, message, article,
                                   held_reason, field, allow_publish, asker, search_title,
                                   search_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
            &[
                &crate::clock::stored_text(received_at),
                &trim_invisible(&input.name),
                &trim_invisible(&input.email),
                &trim_invisible(&input.phone),
                &title,
                &message,
                &input.article,
                &held_reason,
                &input.field,
                &input.allow_publish,
                &public_asker(&input.name),
                &title_words,
                &all_words,
            ],
            |row| row.get(0),
        )?;
        let reference = give_reference(conn, id, received_at)?;
        Ok(FeedbackReceipt {
            reference,
            received_at,
        })
    });
    if let Some(sqlite) = conn.as_sqlite() {
        sqlite.pragma_update(None, "synchronous", "NORMAL")?;
    }
    result
}

/// Which submissions staff list.
#[derive(Debug, Clone, Default)]
pub struct FeedbackFilter {
    /// The ones held back as likely spam instead of the others.
    pub held: bool,
    pub status: Option<FeedbackStatus>,
    pub field: Option<String>,
}

/// The columns `record_from_row` reads, with the field's name joined (`f` the feedback).
const RECORD_COLUMNS: &str = "f.reference, f.received_at, f.name, f.email, f.phone, f.title,
    f.message, f.article, f.held_reason, f.status, f.field, q.name, f.allow_publish, f.unit,
    f.decline_reason, f.answer_html, f.answered_at, f.answered_by, f.published, f.public_title,
    f.public_question";
const RECORD_FROM: &str = "feedback f LEFT JOIN question_fields q ON q.slug = f.field";

fn record_from_row(row: &Row<'_>) -> Result<FeedbackRecord> {
    let title: String = row.get(5)?;
    let message: String = row.get(6)?;
    let public_title: Option<String> = row.get(19)?;
    let public_question: Option<String> = row.get(20)?;
    Ok(FeedbackRecord {
        public_title: public_title.unwrap_or_else(|| redact_contacts(&title)),
        public_question: public_question.unwrap_or_else(|| redact_contacts(&message)),
        reference: row.get(0)?,
        received_at: time_column(row, 1)?,
        name: row.get(2)?,
        email: row.get(3)?,
        phone: row.get(4)?,
        title,
        message,
        article: row.get(7)?,
        held_reason: row.get(8)?,
        status: status_column(row, 9)?,
        field: field_columns(row, 10)?,
        allow_publish: row.get(12)?,
        unit: row.get(13)?,
        decline_reason: reason_column(row, 14)?,
        answer: answer_columns(row, 15)?,
        published: row.get(18)?,
    })
}

fn status_column(row: &Row<'_>, index: usize) -> Result<FeedbackStatus> {
    let code: String = row.get(index)?;
    FeedbackStatus::from_code(&code).ok_or_else(|| bad_column(index, "an unknown status"))
}

fn reason_column(row: &Row<'_>, index: usize) -> Result<Option<DeclineReason>> {
    let code: Option<String> = row.get(index)?;
    code.map(|code| {
        DeclineReason::from_code(&code).ok_or_else(|| bad_column(index, "an unknown reason"))
    })
    .transpose()
}

/// The field's slug at `index`, its name at `index + 1`.
pub(crate) fn field_columns(row: &Row<'_>, index: usize) -> Result<Option<QuestionField>> {
    let slug: Option<String> = row.get(index)?;
    let name: Option<String> = row.get(index + 1)?;
    Ok(slug
        .zip(name)
        .map(|(slug, name)| QuestionField { slug, name }))
}

/// The answer's HTML at `index`, its time and unit after it.
pub(crate) fn answer_columns(row: &Row<'_>, index: usize) -> Result<Option<Answer>> {
    let body_html: Option<String> = row.get(index)?;
    let Some(body_html) = body_html else {
        return Ok(None);
    };
    Ok(Some(Answer {
        body_html,
        answered_at: time_column(row, index + 1)?,
        unit: row.get(index + 2)?,
    }))
}

/// Submissions, newest first, as `filter` picks them.
pub fn list_feedback(
    conn: &mut Conn,
    filter: &FeedbackFilter,
    page: PageRequest,
) -> Result<Paged<FeedbackRecord>> {
    let status = filter.status.map(FeedbackStatus::code);
    // ?1 and ?2 are NULL for "any": one statement, whatever the filter.
    let condition = format!(
        "f.held_reason IS {} NULL AND (?1 IS NULL OR f.status = ?1) AND (?2 IS NULL OR f.field = ?2)",
        if filter.held { "NOT" } else { "" }
    );
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM {RECORD_FROM} WHERE {condition}"),
        &[&status, &filter.field],
        |row| row.get(0),
    )?;
    let items = conn.query(
        &format!(
            "SELECT {RECORD_COLUMNS} FROM {RECORD_FROM} WHERE {condition}
             ORDER BY f.received_at DESC, f.id DESC LIMIT ?3 OFFSET ?4"
        ),
        &[&status, &filter.field, &page.per_page, &page.offset()],
        record_from_row,
    )?;
    Ok(page.answer(items, total))
}

/// One submission as staff see it.
pub fn feedback_record(conn: &mut Conn, reference: &str) -> Result<Option<FeedbackRecord>> {
    conn.query_opt(
        &format!("SELECT {RECORD_COLUMNS} FROM {RECORD_FROM} WHERE f.reference = ?1"),
        &[&reference],
        record_from_row,
    )
}

/// A submission's progress and the contact details it was sent with, for a look-up.
pub fn progress(
    conn: &mut Conn,
    reference: &str,
) -> Result<Option<(FeedbackProgress, String, String)>> {
    conn.query_opt(
        &format!("SELECT {RECORD_COLUMNS} FROM {RECORD_FROM} WHERE f.reference = ?1"),
        &[&reference],
        |row| {
            let record = record_from_row(row)?;
            Ok((
                FeedbackProgress {
                    reference: record.reference,
                    status: record.status,
                    received_at: record.received_at,
                    title: record.title,
                    field: record.field,
                    unit: record.unit,
                    decline_reason: record.decline_reason,
                    answer: record.answer,
                    published: record.published,
                },
                record.email,
                record.phone,
            ))
        },
    )
}

/// Gives the submission to `unit`: it is being handled. Not for one answered already.
pub fn assign(conn: &mut Conn, reference: &str, unit: &str) -> Result<u64> {
    conn.execute(
        "UPDATE feedback SET status = 'in_progress', unit = ?2, decline_reason = NULL,
                             closed_at = NULL
         WHERE reference = ?1 AND status <> 'answered'",
        &[&reference, &unit],
    )
}

/// Closes the submission unhandled, for `reason`. Not for one answered already.
pub fn decline(conn: &mut Conn, reference: &str, reason: DeclineReason, now: &str) -> Result<u64> {
    conn.execute(
        "UPDATE feedback SET status = 'declined', decline_reason = ?2, closed_at = ?3
         WHERE reference = ?1 AND status <> 'answered'",
        &[&reference, &reason.code(), &now],
    )
}

/// What an answer stores.
pub struct AnswerChange<'a> {
    pub body_html: &'a str,
    pub unit: &'a str,
    pub publish: bool,
    /// Staff's wording for the public, when they reworded the citizen's.
    pub public_title: Option<&'a str>,
    pub public_question: Option<&'a str>,
    pub now: &'a str,
}

/// Answers the submission (again: the answer is replaced, and it keeps the time it was first
/// answered). `record` is the submission as it stands; the search words then hold the public
/// wording and the answer.
pub fn answer(conn: &mut Conn, record: &FeedbackRecord, change: &AnswerChange<'_>) -> Result<u64> {
    let answer_text = crate::sanitize::plain_text(change.body_html);
    let title = change.public_title.unwrap_or(&record.title);
    let question = change.public_question.unwrap_or(&record.message);
    let (title_words, all_words) = public_words(title, question, &answer_text);
    let params: [&dyn ToParam; 9] = [
        &record.reference,
        &change.body_html,
        &change.now,
        &change.unit,
        &change.publish,
        &all_words,
        &title_words,
        &change.public_title,
        &change.public_question,
    ];
    conn.execute(
        "UPDATE feedback SET status = 'answered', decline_reason = NULL, answer_html = ?2,
                             answered_at = COALESCE(answered_at, ?3), answered_by = ?4,
                             published = ?5, closed_at = COALESCE(closed_at, ?3),
                             search_text = ?6, search_title = ?7, public_title = ?8,
                             public_question = ?9
         WHERE reference = ?1",
        &params,
    )
}

/// Removes the name, email and phone from every submission answered or declined before
/// `closed_before` (an RFC 3339 text), and from every one held back as likely spam that was
/// received before it; masks the email addresses and phone numbers typed into their title and
/// text. How many were cleared. A published question keeps its asker's given name (`asker`,
/// taken when it was sent).
pub fn purge_contacts(conn: &mut Conn, closed_before: &str) -> Result<u64> {
    type Due = (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let due: Vec<Due> = conn.query(
        "SELECT id, title, message, public_title, public_question, answer_html FROM feedback
         WHERE (name <> '' OR email <> '' OR phone <> '')
           AND ((closed_at IS NOT NULL AND closed_at < ?1)
                OR (held_reason IS NOT NULL AND received_at < ?1))",
        &[&closed_before],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        },
    )?;
    for (id, title, message, public_title, public_question, answer_html) in &due {
        let (title, message) = (redact_contacts(title), redact_contacts(message));
        let public_title = public_title.as_deref().map(redact_contacts);
        let public_question = public_question.as_deref().map(redact_contacts);
        let answer_text = answer_html
            .as_deref()
            .map(crate::sanitize::plain_text)
            .unwrap_or_default();
        let (title_words, all_words) = public_words(
            public_title.as_deref().unwrap_or(&title),
            public_question.as_deref().unwrap_or(&message),
            &answer_text,
        );
        let params: [&dyn ToParam; 7] = [
            id,
            &title,
            &message,
            &public_title,
            &public_question,
            &title_words,
            &all_words,
        ];
        conn.execute(
            "UPDATE feedback SET name = '', email = '', phone = '', title = ?2, message = ?3,
                                 public_title = ?4, public_question = ?5, search_title = ?6,
                                 search_text = ?7
             WHERE id = ?1",
            &params,
        )?;
    }
    Ok(due.len() as u64)
}

/// Adds a question answered and published already, without contact details (demo content).
pub fn add_answered(
    conn: &mut Conn,
    question: &crate::seed::files::AnsweredQuestion,
    answer_html: &str,
) -> Result<String> {
    let answer_text = crate::sanitize::plain_text(answer_html);
    let (title_words, all_words) = public_words(&question.title, &question.message, &answer_text);
    let id: i64 = conn.query_one(
        "INSERT INTO feedback (received_at, name, email, phone, title, message, field,
                               allow_publish, status, answer_html, answered_at, answered_by,
                               published, closed_at, asker, search_title, search_text)
         VALUES (?1, ?2, '', '', ?3, ?4, ?5, 1, 'answered', ?6, ?7, ?8, 1, ?7, ?9, ?10, ?11)
         RETURNING id",
        &[
            &crate::clock::stored_text(question.asked_at),
            &question.name,
            &question.title,
            &question.message,
            &question.field,
            &answer_html,
            &crate::clock::stored_text(question.answered_at),
            &question.unit,
            &public_asker(&question.name),
            &title_words,
            &all_words,
        ],
        |row| row.get(0),
    )?;
    give_reference(conn, id, question.asked_at)
}

/// Sets the reference of the submission `id`, received at `received_at`: PH-YYYY-NNNNNN.
fn give_reference(
    conn: &mut Conn,
    id: i64,
    received_at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<String> {
    let reference = format!("PH-{}-{id:06}", received_at.format("%Y"));
    conn.execute(
        "UPDATE feedback SET reference = ?1 WHERE id = ?2",
        &[&reference, &id],
    )?;
    Ok(reference)
}
