//! Documents: lists with their filters, one document with its files and relations, the
//! filters' counts, and writing documents, their files (each distinct file once, by content
//! hash, in chunks) and their relations.
//!
//! A document's status is derived in SQL from its dates and relations on the day asked about
//! (`status_sql`), the same expression for the `status` filter, the counts and the answers,
//! so the three cannot disagree.

use chrono::NaiveDate;
use portal_contract::documents::{
    file_url, Document, DocumentFacets, DocumentFile, DocumentKind, DocumentRecord, DocumentRef,
    DocumentRelation, DocumentStatus, DocumentStatusInfo, DocumentSummary, DocumentTag, FacetCount,
    RelationKind, UploadedFile, UploadedFileRef, YearCount, DOCUMENT_KINDS,
};
use portal_contract::{fold, PageRequest, Paged};

use super::document_search;
use crate::db::{bad_column, Conn, Engine, Result, Row, ToParam};
use crate::documents::FileKind;
use crate::search::SearchTerms;

/// How a stored file is cut: a range or a download reads one chunk per statement, so a phone
/// resuming a 50 MB PDF near its end costs a chunk, not the file.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// A document that passed validation and sanitizing, ready to store.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub slug: String,
    pub number: String,
    pub kind: &'static DocumentKind,
    pub issuer: String,
    pub signer: String,
    pub issued_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub field: String,
    pub summary: String,
    pub body_html: Option<String>,
    /// The body without tags, for search; empty without a body.
    pub body_text: String,
    /// In order; their bytes are stored already (`save_blob`).
    pub files: Vec<NewFile>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    pub name: String,
    pub content_type: &'static str,
    /// Lowercase hex.
    pub sha256: String,
}

/// What a document says of another; the other way round ("replaced by") is the same row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    Replaces,
    Amends,
    Guides,
}

impl Link {
    fn code(self) -> &'static str {
        match self {
            Link::Replaces => "replaces",
            Link::Amends => "amends",
            Link::Guides => "guides",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [Link::Replaces, Link::Amends, Link::Guides]
            .into_iter()
            .find(|link| link.code() == code)
    }

    /// The relation as the document that says it reads it, and as its target reads it.
    fn relation(self, incoming: bool) -> RelationKind {
        match (self, incoming) {
            (Link::Replaces, false) => RelationKind::Replaces,
            (Link::Replaces, true) => RelationKind::ReplacedBy,
            (Link::Amends, false) => RelationKind::Amends,
            (Link::Amends, true) => RelationKind::AmendedBy,
            (Link::Guides, false) => RelationKind::Guides,
            (Link::Guides, true) => RelationKind::GuidedBy,
        }
    }
}

/// Which documents a list shows.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    /// A type's slug.
    pub kind: Option<String>,
    pub issuer: Option<String>,
    pub field: Option<String>,
    pub year: Option<i32>,
    pub status: Option<DocumentStatus>,
    /// Words to search for; the list is then ordered by relevance.
    pub terms: Option<SearchTerms>,
}

/// A filter's parameters: ?1 the type, ?2 the issuer, ?3 the field, ?4 and ?5 the first day of
/// the year and of the next, ?6 the status, ?7 today.
pub(super) struct FilterParams {
    kind: Option<String>,
    issuer: Option<String>,
    field: Option<String>,
    from: Option<String>,
    until: Option<String>,
    status: Option<&'static str>,
    today: String,
}

impl FilterParams {
    pub(super) fn new(filter: &DocumentFilter, today: NaiveDate) -> Self {
        Self {
            kind: filter.kind.clone(),
            issuer: filter.issuer.clone(),
            field: filter.field.clone(),
            from: filter.year.map(|year| format!("{year:04}-01-01")),
            until: filter.year.map(|year| format!("{:04}-01-01", year + 1)),
            status: filter.status.map(DocumentStatus::code),
            today: today.to_string(),
        }
    }

    /// ?1 to ?7.
    pub(super) fn params(&self) -> Vec<&dyn ToParam> {
        vec![
            &self.kind,
            &self.issuer,
            &self.field,
            &self.from,
            &self.until,
            &self.status,
            &self.today,
        ]
    }

    /// The filter's conditions on `d`. One that does not apply is `?N IS NULL` (true, and
    /// constant), not `(?N IS NULL OR d.column = ?N)`: so every statement still names every
    /// parameter, and the planner sees only the columns that a list filters by and uses their
    /// indexes (with the `OR`, a page of one type's documents of one year took 60-75 ms on
    /// 100,000 documents, counted row by row; without it, 1.1-1.5 ms).
    pub(super) fn sql(&self) -> String {
        let condition = |applies: bool, test: &str, parameter: &str| {
            if applies {
                format!("{test} {parameter}")
            } else {
                format!("{parameter} IS NULL")
            }
        };
        [
            condition(self.kind.is_some(), "d.kind =", "?1"),
            condition(self.issuer.is_some(), "d.issuer_slug =", "?2"),
            condition(self.field.is_some(), "d.field_slug =", "?3"),
            condition(self.from.is_some(), "d.issued_on >=", "?4"),
            condition(self.until.is_some(), "d.issued_on <", "?5"),
            match self.status {
                Some(_) => format!("{} = ?6", status_sql("?7")),
                // Today (?7) named all the same.
                None => "?6 IS NULL AND ?7 IS NOT NULL".into(),
            },
        ]
        .join(" AND ")
    }

    /// Whether the filter asks of a document no more than its year, which its key in the
    /// search index tells (`document_search::key_range`): no type, issuer, field or status.
    pub(super) fn asks_year_at_most(&self) -> bool {
        self.kind.is_none()
            && self.issuer.is_none()
            && self.field.is_none()
            && self.status.is_none()
    }

    /// The slugs of the type, the issuer and the field asked for.
    pub(super) fn kind_issuer_field(&self) -> [Option<&str>; 3] {
        [
            self.kind.as_deref(),
            self.issuer.as_deref(),
            self.field.as_deref(),
        ]
    }

    /// The first day of the year asked and of the next, as `YYYY-MM-DD`.
    pub(super) fn year_days(&self) -> (Option<&str>, Option<&str>) {
        (self.from.as_deref(), self.until.as_deref())
    }
}

/// A document's status on the day parameter `today` names (`?7`, say), as its code: replaced
/// when any document replaces it, else expired from its expiry date on, else not yet in
/// effect before its effective date, else in effect. (`DocumentStatus` has the same codes:
/// `tests::status_codes_are_the_contracts`.)
pub(super) fn status_sql(today: &str) -> String {
    format!(
        "CASE WHEN EXISTS (SELECT 1 FROM document_relations r
                           WHERE r.target_id = d.id AND r.kind = 'replaces') THEN 'bi-thay-the'
              WHEN d.expires_on IS NOT NULL AND d.expires_on <= {today} THEN 'het-hieu-luc'
              WHEN d.effective_on IS NOT NULL AND d.effective_on > {today} THEN 'chua-co-hieu-luc'
              ELSE 'con-hieu-luc' END"
    )
}

/// A list row's columns (read by `summary_from_row`), the status on the day parameter
/// `today` names last.
pub(super) fn summary_columns(today: &str) -> String {
    format!(
        "d.id, d.slug, d.number, d.kind, d.issuer, d.issuer_slug, d.field, d.field_slug,
         d.signer, d.issued_on, d.effective_on, d.expires_on, d.summary, {}",
        status_sql(today)
    )
}

/// The columns after `summary_columns`: where a query may add its own.
pub(super) const SUMMARY_COLUMN_COUNT: usize = 14;

/// A list row, with the document's id; `status.replaced_by` is filled by `add_replacements`.
pub(super) fn summary_from_row(row: &Row<'_>) -> Result<(i64, DocumentSummary)> {
    let kind_slug: String = row.get(3)?;
    let kind = DocumentKind::by_slug(&kind_slug)
        .ok_or_else(|| bad_column(3, format!("no document type {kind_slug:?}")))?;
    let status: String = row.get(13)?;
    let status = DocumentStatus::from_code(&status)
        .ok_or_else(|| bad_column(13, format!("no status {status:?}")))?;
    Ok((
        row.get(0)?,
        DocumentSummary {
            slug: row.get(1)?,
            number: row.get(2)?,
            kind: kind.to_ref(),
            issuer: DocumentTag {
                name: row.get(4)?,
                slug: row.get(5)?,
            },
            field: DocumentTag {
                name: row.get(6)?,
                slug: row.get(7)?,
            },
            signer: row.get(8)?,
            issued_on: date_column(row, 9)?,
            effective_on: optional_date_column(row, 10)?,
            expires_on: optional_date_column(row, 11)?,
            summary: row.get(12)?,
            status: DocumentStatusInfo::new(status, None),
            highlight: None,
        },
    ))
}

/// The columns `file_from_row` reads, of `document_files f` joined to `document_blobs b`.
const FILE_COLUMNS: &str = "f.id, f.name, f.content_type, b.size";

fn file_from_row(row: &Row<'_>) -> Result<DocumentFile> {
    let (id, name, content_type): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let format = FileKind::from_content_type(&content_type)
        .map_or_else(|| "FILE".to_string(), FileKind::format);
    Ok(DocumentFile {
        id,
        url: file_url(id, &name),
        name,
        size: row.get(3)?,
        content_type,
        format,
    })
}

/// The first file of the document `slug` (a procedure's blank form), if it has one.
pub fn first_file(conn: &mut Conn, slug: &str) -> Result<Option<DocumentFile>> {
    conn.query_opt(
        &format!(
            "SELECT {FILE_COLUMNS} FROM documents d
             JOIN document_files f ON f.document_id = d.id
             JOIN document_blobs b ON b.sha256 = f.sha256
             WHERE d.slug = ?1 ORDER BY f.position LIMIT 1"
        ),
        &[&slug],
        file_from_row,
    )
}

fn date_column(row: &Row<'_>, index: usize) -> Result<NaiveDate> {
    let text: String = row.get(index)?;
    text.parse().map_err(|err| bad_column(index, err))
}

fn optional_date_column(row: &Row<'_>, index: usize) -> Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|text| text.parse().map_err(|err| bad_column(index, err)))
        .transpose()
}

/// Names the replacement of every replaced document among `items`.
pub(super) fn add_replacements(
    conn: &mut Conn,
    items: &mut [(i64, DocumentSummary)],
) -> Result<()> {
    for (id, summary) in items.iter_mut() {
        if summary.status.code == DocumentStatus::BiThayThe {
            summary.status.replaced_by = replacement(conn, *id)?;
        }
    }
    Ok(())
}

/// The newest document that replaces document `id`.
fn replacement(conn: &mut Conn, id: i64) -> Result<Option<DocumentRef>> {
    conn.query_opt(
        "SELECT n.slug, n.number, n.summary FROM document_relations r
         JOIN documents n ON n.id = r.document_id
         WHERE r.target_id = ?1 AND r.kind = 'replaces'
         ORDER BY n.issued_on DESC, n.id DESC LIMIT 1",
        &[&id],
        |row| {
            Ok(DocumentRef {
                slug: row.get(0)?,
                number: row.get(1)?,
                summary: row.get(2)?,
            })
        },
    )
}

/// A page of documents, newest first (or by relevance when the filter has words), with their
/// status on `today`.
pub fn list(
    conn: &mut Conn,
    filter: &DocumentFilter,
    page: PageRequest,
    today: NaiveDate,
) -> Result<Paged<DocumentSummary>> {
    let params = FilterParams::new(filter, today);
    if let Some(terms) = &filter.terms {
        return document_search::search(conn, &params, terms, page);
    }
    let filter = params.sql();
    let total: u64 = conn.query_one(
        &format!("SELECT COUNT(*) FROM documents d WHERE {filter}"),
        &params.params(),
        |row| row.get(0),
    )?;
    let (limit, offset) = (page.per_page, page.offset());
    let mut bound = params.params();
    bound.extend([&limit as &dyn ToParam, &offset]);
    let mut items = conn.query(
        &format!(
            "SELECT {} FROM documents d WHERE {filter}
             ORDER BY d.issued_on DESC, d.id DESC LIMIT ?8 OFFSET ?9",
            summary_columns("?7")
        ),
        &bound,
        summary_from_row,
    )?;
    add_replacements(conn, &mut items)?;
    Ok(page.answer(items.into_iter().map(|(_, item)| item).collect(), total))
}

/// The whole document with this slug, its status on `today`.
pub fn document(conn: &mut Conn, slug: &str, today: NaiveDate) -> Result<Option<Document>> {
    let today = today.to_string();
    let found = conn.query_opt(
        &format!(
            "SELECT {}, d.body_html FROM documents d WHERE d.slug = ?1",
            summary_columns("?2")
        ),
        &[&slug, &today],
        |row| {
            Ok((
                summary_from_row(row)?,
                row.get::<Option<String>>(SUMMARY_COLUMN_COUNT)?,
            ))
        },
    )?;
    let Some(((id, summary), body_html)) = found else {
        return Ok(None);
    };
    let files = conn.query(
        &format!(
            "SELECT {FILE_COLUMNS} FROM document_files f
             JOIN document_blobs b ON b.sha256 = f.sha256
             WHERE f.document_id = ?1 ORDER BY f.position"
        ),
        &[&id],
        file_from_row,
    )?;
    let relations = relations(conn, id)?;
    let replaced_by = relations
        .iter()
        .find(|relation| relation.kind == RelationKind::ReplacedBy)
        .map(|relation| DocumentRef {
            slug: relation.slug.clone(),
            number: relation.number.clone(),
            summary: relation.summary.clone(),
        });
    let DocumentSummary {
        slug,
        number,
        kind,
        issuer,
        field,
        signer,
        issued_on,
        effective_on,
        expires_on,
        summary,
        status,
        highlight: _,
    } = summary;
    Ok(Some(Document {
        slug,
        number,
        kind,
        issuer,
        field,
        signer,
        issued_on,
        effective_on,
        expires_on,
        summary,
        status: DocumentStatusInfo::new(status.code, replaced_by),
        body_html,
        files,
        relations,
    }))
}

/// Every document related to document `id`, either way: by kind (replaces, replaced by,
/// amends, amended by, guides, guided by), newest first within a kind.
fn relations(conn: &mut Conn, id: i64) -> Result<Vec<DocumentRelation>> {
    let mut found = conn.query(
        "SELECT r.kind, 0, o.slug, o.number, o.summary, o.issued_on, o.id
         FROM document_relations r JOIN documents o ON o.id = r.target_id
         WHERE r.document_id = ?1
         UNION ALL
         SELECT r.kind, 1, o.slug, o.number, o.summary, o.issued_on, o.id
         FROM document_relations r JOIN documents o ON o.id = r.document_id
         WHERE r.target_id = ?1",
        &[&id],
        |row| {
            let code: String = row.get(0)?;
            let link = Link::from_code(&code)
                .ok_or_else(|| bad_column(0, format!("no relation {code:?}")))?;
            let kind = link.relation(row.get::<i64>(1)? == 1);
            let sort = (kind, row.get::<String>(5)?, row.get::<i64>(6)?);
            let relation = DocumentRelation {
                kind,
                label: kind.label().into(),
                slug: row.get(2)?,
                number: row.get(3)?,
                summary: row.get(4)?,
            };
            Ok((sort, relation))
        },
    )?;
    found.sort_by(|(a, _), (b, _)| {
        relation_order(a.0)
            .cmp(&relation_order(b.0))
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| b.2.cmp(&a.2))
    });
    Ok(found.into_iter().map(|(_, relation)| relation).collect())
}

fn relation_order(kind: RelationKind) -> u8 {
    match kind {
        RelationKind::Replaces => 0,
        RelationKind::ReplacedBy => 1,
        RelationKind::Amends => 2,
        RelationKind::AmendedBy => 3,
        RelationKind::Guides => 4,
        RelationKind::GuidedBy => 5,
    }
}

/// The values each filter can take, with their counts; statuses on `today`.
pub fn facets(conn: &mut Conn, today: NaiveDate) -> Result<DocumentFacets> {
    let kinds: Vec<(String, u64)> = conn.query(
        "SELECT kind, COUNT(*) FROM documents GROUP BY kind",
        &[],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let types = DOCUMENT_KINDS
        .iter()
        .filter_map(|kind| {
            let (_, count) = kinds.iter().find(|(slug, _)| slug == kind.slug)?;
            Some(FacetCount {
                slug: kind.slug.into(),
                name: kind.name.into(),
                count: *count,
            })
        })
        .collect();
    let years = conn.query(
        "SELECT substr(issued_on, 1, 4), COUNT(*) FROM documents GROUP BY 1 ORDER BY 1 DESC",
        &[],
        |row| {
            let year: String = row.get(0)?;
            Ok(YearCount {
                year: year.parse().map_err(|err| bad_column(0, err))?,
                count: row.get(1)?,
            })
        },
    )?;
    let today = today.to_string();
    let counted: Vec<(String, u64)> = conn.query(
        &format!(
            "SELECT {}, COUNT(*) FROM documents d GROUP BY 1",
            status_sql("?1")
        ),
        &[&today],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let statuses = DocumentStatus::ALL
        .into_iter()
        .filter_map(|status| {
            let (_, count) = counted.iter().find(|(code, _)| code == status.code())?;
            Some(FacetCount {
                slug: status.code().into(),
                name: status.label().into(),
                count: *count,
            })
        })
        .collect();
    Ok(DocumentFacets {
        types,
        issuers: named_counts(conn, "issuer")?,
        fields: named_counts(conn, "field")?,
        years,
        statuses,
    })
}

/// The issuers' or the fields' slugs and names with their counts, by name (folded, so `Đ`
/// sorts with `D`).
fn named_counts(conn: &mut Conn, column: &'static str) -> Result<Vec<FacetCount>> {
    let mut counts = conn.query(
        &format!(
            "SELECT {column}_slug, MIN({column}), COUNT(*) FROM documents GROUP BY {column}_slug"
        ),
        &[],
        |row| {
            Ok(FacetCount {
                slug: row.get(0)?,
                name: row.get(1)?,
                count: row.get(2)?,
            })
        },
    )?;
    counts.sort_by_cached_key(|facet| (fold(&facet.name), facet.slug.clone()));
    Ok(counts)
}

/// Whether some document has this issuer's slug.
pub fn issuer_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE issuer_slug = ?1)",
        &[&slug],
        |row| row.get(0),
    )
}

/// Whether some document has this field's slug.
pub fn field_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE field_slug = ?1)",
        &[&slug],
        |row| row.get(0),
    )
}

/// The id of the document with this slug.
pub fn document_id(conn: &mut Conn, slug: &str) -> Result<Option<i64>> {
    conn.query_opt(
        "SELECT id FROM documents WHERE slug = ?1",
        &[&slug],
        |row| row.get(0),
    )
}

pub fn document_count(conn: &mut Conn) -> Result<u64> {
    conn.query_one("SELECT COUNT(*) FROM documents", &[], |row| row.get(0))
}

/// One document's slug and when it last changed (RFC 3339 in +07:00), for the sitemap.
#[derive(Debug, Clone)]
pub struct DocumentLocation {
    pub slug: String,
    pub updated_at: String,
}

/// Documents `offset..offset + limit` in the order they were stored: a sitemap's pages stay
/// the same as documents are added.
pub fn document_locations(
    conn: &mut Conn,
    offset: u64,
    limit: u64,
) -> Result<Vec<DocumentLocation>> {
    conn.query(
        "SELECT slug, updated_at FROM documents ORDER BY id LIMIT ?1 OFFSET ?2",
        &[&limit, &offset],
        |row| {
            Ok(DocumentLocation {
                slug: row.get(0)?,
                updated_at: row.get(1)?,
            })
        },
    )
}

/// When a document last changed, if there is one.
pub fn last_change(conn: &mut Conn) -> Result<Option<String>> {
    conn.query_one("SELECT MAX(updated_at) FROM documents", &[], |row| {
        row.get(0)
    })
}

pub fn has_documents(conn: &mut Conn) -> Result<bool> {
    conn.query_one("SELECT EXISTS (SELECT 1 FROM documents)", &[], |row| {
        row.get(0)
    })
}

/// Stores a file's bytes under their SHA-256 (lowercase hex), cut into chunks; a file stored
/// already is left as it is. Answers whether it was new.
pub fn save_blob(conn: &mut Conn, sha256: &str, bytes: &[u8], now: &str) -> Result<bool> {
    let size = bytes.len() as u64;
    let inserted: Option<String> = conn.query_opt(
        "INSERT INTO document_blobs (sha256, size, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
        &[&sha256, &size, &now],
        |row| row.get(0),
    )?;
    if inserted.is_none() {
        return Ok(false);
    }
    for (position, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
        conn.execute(
            "INSERT INTO document_blob_chunks (sha256, position, bytes) VALUES (?1, ?2, ?3)",
            &[&sha256, &position, &chunk],
        )?;
    }
    Ok(true)
}

/// What the audit log calls a file staff uploaded (its subject: the file's SHA-256). A file
/// uploaded within `UPLOAD_KEPT_FOR` is kept though no document has it yet: it is on its way
/// into one, and another writer's clean-up must not take it from under the form.
pub const FILE_UPLOADED: &str = "document_file_uploaded";
pub const UPLOAD_KEPT_FOR: chrono::Duration = chrono::Duration::hours(24);

/// Deletes the stored files no document has any more (but those uploaded lately, above);
/// answers how many.
pub fn remove_unused_blobs(conn: &mut Conn) -> Result<u64> {
    let kept_since = crate::clock::stored_text(chrono::Utc::now() - UPLOAD_KEPT_FOR);
    conn.execute(
        "DELETE FROM document_blobs WHERE NOT EXISTS
             (SELECT 1 FROM document_files f WHERE f.sha256 = document_blobs.sha256)
         AND NOT EXISTS
             (SELECT 1 FROM audit_log a
              WHERE a.action = ?1 AND a.subject = document_blobs.sha256 AND a.at >= ?2)",
        &[&FILE_UPLOADED, &kept_since],
    )
}

/// Makes writers of documents take turns, to the end of their transaction: on PostgreSQL two
/// saves of one document would otherwise both pass the version check, two creations both
/// find a slug free, and a clean-up remove a file being attached. (SQLite's write
/// transactions take turns already: `Conn::transaction` begins them `IMMEDIATE`.)
pub fn lock_for_writing(conn: &mut Conn) -> Result<()> {
    match conn.engine() {
        Engine::Sqlite => Ok(()),
        // The two-key form: its keys never meet the one-key locks others take.
        Engine::Postgres => conn.query_one(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(18, hashtext('documents'))) AS locked",
            &[],
            |_| Ok(()),
        ),
    }
}

/// Whether the stored file with this hash is attached somewhere as `content_type`: its
/// content was proved to be of that kind when it was.
pub fn blob_attached_as(conn: &mut Conn, sha256: &str, content_type: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM document_files WHERE sha256 = ?1 AND content_type = ?2)",
        &[&sha256, &content_type],
        |row| row.get(0),
    )
}

/// The whole stored file with this hash, if there is one.
pub fn blob_bytes(conn: &mut Conn, sha256: &str) -> Result<Option<Vec<u8>>> {
    let size: Option<u64> = conn.query_opt(
        "SELECT size FROM document_blobs WHERE sha256 = ?1",
        &[&sha256],
        |row| row.get(0),
    )?;
    let Some(size) = size else {
        return Ok(None);
    };
    let chunks: Vec<Vec<u8>> = conn.query(
        "SELECT bytes FROM document_blob_chunks WHERE sha256 = ?1 ORDER BY position",
        &[&sha256],
        |row| row.get(0),
    )?;
    let bytes = chunks.concat();
    if bytes.len() as u64 != size {
        return Err(bad_column(0, format!("file {sha256} is missing chunks")));
    }
    Ok(Some(bytes))
}

/// A document as staff edit it (`staff_document`).
pub struct StaffDocumentRow {
    pub record: DocumentRecord<UploadedFileRef>,
    /// What each of `record.files` is, in the same order.
    pub files: Vec<UploadedFile>,
    pub updated_at: String,
}

/// The document with this slug as staff edit it: the fields as stored, its files by their
/// hashes, its relations by slug (sorted, so that the same document reads the same), and
/// when it last changed.
pub fn staff_document(conn: &mut Conn, slug: &str) -> Result<Option<StaffDocumentRow>> {
    let found = conn.query_opt(
        "SELECT id, number, kind, issuer, signer, issued_on, effective_on, expires_on, field,
                summary, body_html, updated_at
         FROM documents WHERE slug = ?1",
        &[&slug],
        |row| {
            let id: i64 = row.get(0)?;
            let record = DocumentRecord {
                slug: Some(slug.to_string()),
                number: row.get(1)?,
                kind: row.get(2)?,
                issuer: row.get(3)?,
                signer: row.get(4)?,
                issued_on: row.get(5)?,
                effective_on: row.get(6)?,
                expires_on: row.get(7)?,
                field: row.get(8)?,
                summary: row.get(9)?,
                body_html: row.get(10)?,
                files: Vec::new(),
                replaces: Vec::new(),
                amends: Vec::new(),
                guides: Vec::new(),
            };
            Ok((id, record, row.get::<String>(11)?))
        },
    )?;
    let Some((id, mut record, updated_at)) = found else {
        return Ok(None);
    };
    let files: Vec<UploadedFile> = conn.query(
        "SELECT f.sha256, f.name, f.content_type, b.size FROM document_files f
         JOIN document_blobs b ON b.sha256 = f.sha256
         WHERE f.document_id = ?1 ORDER BY f.position",
        &[&id],
        |row| {
            let content_type: String = row.get(2)?;
            Ok(UploadedFile {
                id: row.get(0)?,
                name: row.get(1)?,
                size: row.get(3)?,
                format: FileKind::from_content_type(&content_type)
                    .map_or_else(|| "FILE".to_string(), FileKind::format),
                content_type,
            })
        },
    )?;
    let links: Vec<(String, String)> = conn.query(
        "SELECT r.kind, t.slug FROM document_relations r JOIN documents t ON t.id = r.target_id
         WHERE r.document_id = ?1 ORDER BY r.kind, t.slug",
        &[&id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    record.files = files.iter().map(UploadedFileRef::from).collect();
    for (code, target) in links {
        match Link::from_code(&code) {
            Some(Link::Replaces) => record.replaces.push(target),
            Some(Link::Amends) => record.amends.push(target),
            Some(Link::Guides) => record.guides.push(target),
            None => return Err(bad_column(0, format!("no relation {code:?}"))),
        }
    }
    Ok(Some(StaffDocumentRow {
        record,
        files,
        updated_at,
    }))
}

/// Inserts `document`, or updates the document with the same slug, with its files; answers
/// its id and whether anything changed. An unchanged document keeps its `updated_at`, so
/// importing the same file twice changes nothing.
pub fn upsert_document(conn: &mut Conn, document: &NewDocument, now: &str) -> Result<(i64, bool)> {
    let before: Option<(i64, String)> = conn.query_opt(
        "SELECT id, issued_on FROM documents WHERE slug = ?1",
        &[&document.slug],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let issued_on = document.issued_on.to_string();
    let effective_on = document.effective_on.map(|day| day.to_string());
    let expires_on = document.expires_on.map(|day| day.to_string());
    let issuer_slug = portal_contract::slugify(&document.issuer);
    let field_slug = portal_contract::slugify(&document.field);
    // RETURNING answers a row only when one was inserted or changed.
    let changed: Option<i64> = conn.query_opt(
        "INSERT INTO documents (slug, number, kind, issuer, issuer_slug, signer, issued_on,
                                effective_on, expires_on, field, field_slug, summary, body_html,
                                body_text, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (slug) DO UPDATE SET
             number = excluded.number, kind = excluded.kind, issuer = excluded.issuer,
             issuer_slug = excluded.issuer_slug, signer = excluded.signer,
             issued_on = excluded.issued_on, effective_on = excluded.effective_on,
             expires_on = excluded.expires_on, field = excluded.field,
             field_slug = excluded.field_slug, summary = excluded.summary,
             body_html = excluded.body_html, body_text = excluded.body_text,
             updated_at = excluded.updated_at
         WHERE (documents.number, documents.kind, documents.issuer, documents.signer,
                documents.issued_on, documents.effective_on, documents.expires_on,
                documents.field, documents.summary, documents.body_html)
            IS DISTINCT FROM (excluded.number, excluded.kind, excluded.issuer, excluded.signer,
                excluded.issued_on, excluded.effective_on, excluded.expires_on,
                excluded.field, excluded.summary, excluded.body_html)
         RETURNING id",
        &[
            &document.slug,
            &document.number,
            &document.kind.slug,
            &document.issuer,
            &issuer_slug,
            &document.signer,
            &issued_on,
            &effective_on,
            &expires_on,
            &document.field,
            &field_slug,
            &document.summary,
            &document.body_html,
            &document.body_text,
            &now,
        ],
        |row| row.get(0),
    )?;
    // A new row is always returned; an unchanged one was there before.
    let id = match (changed, &before) {
        (Some(id), _) => id,
        (None, Some((id, _))) => *id,
        (None, None) => return Err(crate::db::Error::NoRow),
    };
    if changed.is_some() {
        let key = document_search::document_key(&issued_on, id);
        let old_key = before
            .map(|(id, issued_on)| document_search::document_key(&issued_on, id))
            .filter(|old| *old != key);
        document_search::index_document(conn, id, key, old_key, document)?;
    }
    let files_changed = save_files(conn, id, &document.files)?;
    if files_changed && changed.is_none() {
        touch(conn, id, now)?;
    }
    Ok((id, changed.is_some() || files_changed))
}

/// Makes document `id`'s files `files`, in order. A file whose name and content are unchanged
/// keeps its row and id; any other gets a new row, never an old id, because what an id and
/// name served stays cached for a year. Answers whether anything changed.
fn save_files(conn: &mut Conn, id: i64, files: &[NewFile]) -> Result<bool> {
    let existing: Vec<(usize, NewFile)> = conn.query(
        "SELECT position, name, content_type, sha256 FROM document_files
         WHERE document_id = ?1 ORDER BY position",
        &[&id],
        |row| {
            let content_type: String = row.get(2)?;
            Ok((
                row.get(0)?,
                NewFile {
                    name: row.get(1)?,
                    content_type: FileKind::from_content_type(&content_type)
                        .map_or("application/octet-stream", FileKind::content_type),
                    sha256: row.get(3)?,
                },
            ))
        },
    )?;
    let mut changed = false;
    for (position, file) in files.iter().enumerate() {
        let kept = existing
            .iter()
            .any(|(at, stored)| *at == position && stored == file);
        if kept {
            continue;
        }
        changed = true;
        conn.execute(
            "DELETE FROM document_files WHERE document_id = ?1 AND position = ?2",
            &[&id, &position],
        )?;
        conn.execute(
            "INSERT INTO document_files (document_id, position, name, content_type, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            &[&id, &position, &file.name, &file.content_type, &file.sha256],
        )?;
    }
    let removed = conn.execute(
        "DELETE FROM document_files WHERE document_id = ?1 AND position >= ?2",
        &[&id, &files.len()],
    )?;
    Ok(changed || removed > 0)
}

/// Makes what document `id` says of others exactly `links` (targets by id); answers whether
/// anything changed, and marks the document changed at `now` if so.
pub fn set_links(conn: &mut Conn, id: i64, links: &[(Link, i64)], now: &str) -> Result<bool> {
    let mut existing: Vec<(Link, i64)> = conn.query(
        "SELECT kind, target_id FROM document_relations WHERE document_id = ?1",
        &[&id],
        |row| {
            let code: String = row.get(0)?;
            let link = Link::from_code(&code)
                .ok_or_else(|| bad_column(0, format!("no relation {code:?}")))?;
            Ok((link, row.get(1)?))
        },
    )?;
    let mut wanted = links.to_vec();
    existing.sort();
    wanted.sort();
    wanted.dedup();
    if existing == wanted {
        return Ok(false);
    }
    conn.execute(
        "DELETE FROM document_relations WHERE document_id = ?1",
        &[&id],
    )?;
    for (link, target) in &wanted {
        conn.execute(
            "INSERT INTO document_relations (document_id, kind, target_id) VALUES (?1, ?2, ?3)",
            &[&id, &link.code(), target],
        )?;
    }
    touch(conn, id, now)?;
    Ok(true)
}

fn touch(conn: &mut Conn, id: i64, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE documents SET updated_at = ?1 WHERE id = ?2",
        &[&now, &id],
    )?;
    Ok(())
}

/// An attached file as `/files/{id}/{name}` serves it.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub name: String,
    pub content_type: String,
    pub sha256: String,
    pub size: u64,
}

/// The attached file with this id.
pub fn file(conn: &mut Conn, id: i64) -> Result<Option<StoredFile>> {
    conn.query_opt(
        "SELECT f.name, f.content_type, f.sha256, b.size FROM document_files f
         JOIN document_blobs b ON b.sha256 = f.sha256 WHERE f.id = ?1",
        &[&id],
        |row| {
            Ok(StoredFile {
                name: row.get(0)?,
                content_type: row.get(1)?,
                sha256: row.get(2)?,
                size: row.get(3)?,
            })
        },
    )
}

/// Chunk `position` of the stored file with this hash.
pub fn chunk(conn: &mut Conn, sha256: &str, position: u64) -> Result<Option<Vec<u8>>> {
    conn.query_opt(
        "SELECT bytes FROM document_blob_chunks WHERE sha256 = ?1 AND position = ?2",
        &[&sha256, &position],
        |row| row.get(0),
    )
}

/// A stored body, as `reclean` hands it to be cleaned.
pub struct StoredBody {
    pub id: i64,
    pub body_html: String,
}

/// Cleans every stored body again with `clean` (new HTML and its text, or `None` when it
/// stays), and indexes the changed documents again; answers how many changed.
pub fn reclean(
    conn: &mut Conn,
    clean: impl Fn(&StoredBody) -> Option<(String, String)>,
) -> Result<usize> {
    let bodies: Vec<StoredBody> = conn.query(
        "SELECT id, body_html FROM documents WHERE body_html IS NOT NULL ORDER BY id",
        &[],
        |row| {
            Ok(StoredBody {
                id: row.get(0)?,
                body_html: row.get(1)?,
            })
        },
    )?;
    let mut changed = 0;
    for stored in &bodies {
        let Some((body_html, body_text)) = clean(stored) else {
            continue;
        };
        conn.execute(
            "UPDATE documents SET body_html = ?1, body_text = ?2 WHERE id = ?3",
            &[&body_html, &body_text, &stored.id],
        )?;
        document_search::reindex_document(conn, stored.id)?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::status_sql;
    use portal_contract::documents::DocumentStatus;

    #[test]
    fn status_codes_are_the_contracts() {
        let sql = status_sql("?1");
        for status in DocumentStatus::ALL {
            assert!(sql.contains(&format!("'{}'", status.code())), "{status:?}");
        }
    }
}
