//! `portal-server migrate`: a SQLite portal copied whole into an empty PostgreSQL database.

use super::{Conn, Error, Param, Result, ToParam};

/// A column's kind, which says how it is read from SQLite and bound for PostgreSQL.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Blob,
}
use Kind::{Blob, Int, Text};

/// Every table a portal keeps, in an order that has each row's references copied before it,
/// with every column (`tests/migrate.rs` fails when a table is missing here). The search
/// indexes (articles' and documents') are not copied: they are rebuilt in PostgreSQL's form.
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    ("site", &[("id", Int), ("json", Text)]),
    (
        "categories",
        &[
            ("id", Int),
            ("slug", Text),
            ("name", Text),
            ("parent", Text),
            ("position", Int),
        ],
    ),
    (
        "articles",
        &[
            ("id", Int),
            ("slug", Text),
            ("title", Text),
            ("summary", Text),
            ("body_html", Text),
            ("body_text", Text),
            ("published_at", Text),
            ("updated_at", Text),
            ("author", Text),
            ("category_id", Int),
            ("image_json", Text),
            ("featured", Int),
            ("lang", Text),
            ("counterpart", Text),
        ],
    ),
    (
        "schedule_entries",
        &[
            ("id", Int),
            ("day", Text),
            ("time", Text),
            ("content", Text),
            ("chair", Text),
            ("participants", Text),
            ("place", Text),
        ],
    ),
    ("visit_days", &[("day", Text), ("count", Int)]),
    (
        "link_groups",
        &[("id", Int), ("name", Text), ("position", Int)],
    ),
    (
        "links",
        &[
            ("id", Int),
            ("group_id", Int),
            ("name", Text),
            ("url", Text),
            ("position", Int),
        ],
    ),
    (
        "question_fields",
        &[("slug", Text), ("name", Text), ("position", Int)],
    ),
    (
        "feedback",
        &[
            ("id", Int),
            ("reference", Text),
            ("received_at", Text),
            ("name", Text),
            ("email", Text),
            ("phone", Text),
            ("title", Text),
            ("message", Text),
            ("article", Text),
            ("held_reason", Text),
            ("field", Text),
            ("allow_publish", Int),
            ("status", Text),
            ("unit", Text),
            ("decline_reason", Text),
            ("answer_html", Text),
            ("answered_at", Text),
            ("answered_by", Text),
            ("published", Int),
            ("closed_at", Text),
            ("asker", Text),
            ("public_title", Text),
            ("public_question", Text),
            ("search_title", Text),
            ("search_text", Text),
        ],
    ),
    (
        "map_places",
        &[
            ("id", Text),
            ("position", Int),
            ("kind", Text),
            ("name", Text),
            ("address", Text),
            ("link_target", Text),
            ("link_slug", Text),
            ("geometry", Text),
            ("approximate", Int),
        ],
    ),
    ("server_settings", &[("name", Text), ("value", Text)]),
    (
        "ratings",
        &[
            ("id", Int),
            ("page", Text),
            ("useful", Int),
            ("comment", Text),
            ("received_at", Text),
        ],
    ),
    (
        "staff_users",
        &[
            ("id", Int),
            ("username", Text),
            ("role", Text),
            ("password_hash", Text),
            ("disabled", Int),
            ("created_at", Text),
        ],
    ),
    (
        "staff_sessions",
        &[
            ("token_hash", Text),
            ("user_id", Int),
            ("csrf_token", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("idle_until", Int),
        ],
    ),
    (
        "audit_log",
        &[
            ("id", Int),
            ("at", Text),
            ("actor", Text),
            ("address", Text),
            ("action", Text),
            ("subject", Text),
            ("detail", Text),
        ],
    ),
    (
        "editorial_articles",
        &[
            ("id", Int),
            ("slug", Text),
            ("status", Text),
            ("version", Int),
            ("title", Text),
            ("title_folded", Text),
            ("content_json", Text),
            ("published_json", Text),
            ("publish_at", Text),
            ("created_at", Text),
            ("created_by", Text),
            ("updated_at", Text),
            ("updated_by", Text),
        ],
    ),
    (
        "article_revisions",
        &[
            ("article_id", Int),
            ("number", Int),
            ("saved_at", Text),
            ("saved_by", Text),
            ("reason", Text),
            ("content_json", Text),
        ],
    ),
    (
        "media_files",
        &[
            ("name", Text),
            ("content_type", Text),
            ("bytes", Blob),
            ("created_at", Text),
        ],
    ),
    (
        "documents",
        &[
            ("id", Int),
            ("slug", Text),
            ("number", Text),
            ("kind", Text),
            ("issuer", Text),
            ("issuer_slug", Text),
            ("signer", Text),
            ("issued_on", Text),
            ("effective_on", Text),
            ("expires_on", Text),
            ("field", Text),
            ("field_slug", Text),
            ("summary", Text),
            ("body_html", Text),
            ("body_text", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "document_blobs",
        &[("sha256", Text), ("size", Int), ("created_at", Text)],
    ),
    (
        "document_blob_chunks",
        &[("sha256", Text), ("position", Int), ("bytes", Blob)],
    ),
    (
        "document_files",
        &[
            ("id", Int),
            ("document_id", Int),
            ("position", Int),
            ("name", Text),
            ("content_type", Text),
            ("sha256", Text),
        ],
    ),
    (
        "document_relations",
        &[("document_id", Int), ("kind", Text), ("target_id", Int)],
    ),
    (
        "procedure_fields",
        &[("slug", Text), ("name", Text), ("position", Int)],
    ),
    (
        "procedures",
        &[
            ("id", Int),
            ("slug", Text),
            ("code", Text),
            ("name", Text),
            ("field", Text),
            ("level", Text),
            ("online", Text),
            ("details_json", Text),
            ("search_title", Text),
            ("search_text", Text),
            ("position", Int),
        ],
    ),
    (
        "site_pages",
        &[
            ("slug", Text),
            ("lang", Text),
            ("title", Text),
            ("summary", Text),
            ("body_html", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "organization",
        &[("lang", Text), ("json", Text), ("updated_at", Text)],
    ),
];

/// The tables `copy_all` copies, in order.
pub fn copied_tables() -> Vec<&'static str> {
    TABLES.iter().map(|(table, _)| *table).collect()
}

/// Tables whose `id` PostgreSQL numbers itself: its counter must start after the copied ids.
const NUMBERED: &[&str] = &[
    "categories",
    "articles",
    "schedule_entries",
    "link_groups",
    "links",
    "feedback",
    "ratings",
    "staff_users",
    "audit_log",
    "editorial_articles",
    "documents",
    "document_files",
    "procedures",
];

/// Rows copied in one statement's batch; bounded so a large portal streams through.
const BATCH: usize = 500;
/// The same for tables with files in them: a photo or a document's chunk is up to 256 KB, and
/// 500 of them would hold 128 MB at once.
const BLOB_BATCH: usize = 16;

/// One value as read from the source.
enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Blob(Option<Vec<u8>>),
}

impl ToParam for Value {
    fn to_param(&self) -> Param<'_> {
        match self {
            Value::Int(value) => Param::Int(*value),
            Value::Text(value) => Param::Text(value.as_deref()),
            Value::Blob(value) => Param::Blob(value.as_deref()),
        }
    }
}

/// How many rows of each table the copy holds, checked against the source.
pub type Counts = Vec<(&'static str, u64)>;

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Database(#[from] Error),
    #[error("the target database already has content ({0} articles); copy only into an empty one")]
    TargetNotEmpty(u64),
    #[error("{table}: {source_rows} rows in the source, {target_rows} in the target")]
    CountMismatch {
        table: &'static str,
        source_rows: u64,
        target_rows: u64,
    },
}

/// Copies every table of `source` into `target` in one transaction, rebuilds the target's
/// search index, and checks that each table holds as many rows on both sides.
pub fn copy_all(source: &mut Conn, target: &mut Conn) -> Result<Counts, CopyError> {
    let articles = count(target, "articles")?;
    if articles + count(target, "categories")? > 0 {
        return Err(CopyError::TargetNotEmpty(articles));
    }
    target.transaction(|target| -> Result<(), CopyError> {
        for &(table, columns) in TABLES {
            copy_table(source, target, table, columns)?;
        }
        if target.engine() == super::Engine::Postgres {
            for table in NUMBERED {
                target.query_one(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                                       COALESCE(MAX(id), 0) + 1, false) FROM {table}"
                    ),
                    &[],
                    |_| Ok(()),
                )?;
            }
        }
        crate::store::search::rebuild(target)?;
        crate::store::document_search::rebuild(target)?;
        Ok(())
    })?;
    let mut counts = Vec::new();
    for &(table, _) in TABLES {
        let (source_rows, target_rows) = (count(source, table)?, count(target, table)?);
        if source_rows != target_rows {
            return Err(CopyError::CountMismatch {
                table,
                source_rows,
                target_rows,
            });
        }
        counts.push((table, target_rows));
    }
    Ok(counts)
}

fn count(conn: &mut Conn, table: &str) -> Result<u64> {
    conn.query_one(&format!("SELECT COUNT(*) FROM {table}"), &[], |row| {
        row.get(0)
    })
}

fn copy_table(
    source: &mut Conn,
    target: &mut Conn,
    table: &str,
    columns: &[(&str, Kind)],
) -> Result<()> {
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let list = names.join(", ");
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let insert = format!(
        "INSERT INTO {table} ({list}) VALUES ({})",
        placeholders.join(", ")
    );
    // Parents before children: a category's parent is named by slug.
    let order = match table {
        "categories" => "parent IS NOT NULL, id",
        "article_revisions" => "article_id, number",
        "document_blob_chunks" => "sha256, position",
        "document_relations" => "document_id, kind, target_id",
        _ => names[0],
    };
    let batch = if columns.iter().any(|(_, kind)| matches!(kind, Blob)) {
        BLOB_BATCH
    } else {
        BATCH
    };
    let mut offset = 0usize;
    loop {
        let rows: Vec<Vec<Value>> = source.query(
            &format!("SELECT {list} FROM {table} ORDER BY {order} LIMIT ?1 OFFSET ?2"),
            &[&batch, &offset],
            |row| {
                columns
                    .iter()
                    .enumerate()
                    .map(|(index, (_, kind))| {
                        Ok(match kind {
                            Int => Value::Int(row.get(index)?),
                            Text => Value::Text(row.get(index)?),
                            Blob => Value::Blob(row.get(index)?),
                        })
                    })
                    .collect()
            },
        )?;
        for row in &rows {
            let params: Vec<&dyn ToParam> = row.iter().map(|value| value as &dyn ToParam).collect();
            target.execute(&insert, &params)?;
        }
        if rows.len() < batch {
            return Ok(());
        }
        offset += batch;
    }
}
