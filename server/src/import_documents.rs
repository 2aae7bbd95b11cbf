//! `portal-server import-documents FILE.json`: documents and their attached files from a JSON
//! array of `portal_contract::documents::DocumentInput`, idempotent by slug, all or nothing.
//!
//! Files are named by paths relative to the JSON file and must stay inside its folder: a path
//! that leads out (`../../etc/passwd`, an absolute path, a symbolic link pointing elsewhere)
//! is refused, so an import file from elsewhere cannot publish what else the machine holds.
//! A file's content must be what its extension says (`documents::FileKind::check`).
//!
//! The rules a document passes are here once, for the import and for the staff area
//! (`routes::document_admin`), which names its files by uploads instead of paths: `check`
//! takes each file through what its caller gives it, and the file checks (`kind_of`,
//! `check_file_name`, `check_content`, `save_file`) serve the uploads too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use portal_contract::documents::{
    DocumentInput, DocumentKind, DocumentRecord, DOCUMENT_BODY_MAX_BYTES, DOCUMENT_FILE_MAX_BYTES,
    DOCUMENT_FILE_NAME_MAX_CHARS, DOCUMENT_KINDS, DOCUMENT_MAX_FILES, DOCUMENT_NAME_MAX_CHARS,
    DOCUMENT_NUMBER_MAX_CHARS, DOCUMENT_SUMMARY_MAX_CHARS,
};
use portal_contract::limits::ARTICLE_SLUG_MAX_CHARS;
use portal_contract::slugify;
use sha2::{Digest, Sha256};

use crate::db::Conn;
use crate::documents::{default_slug, FileKind, FILE_KINDS};
use crate::import::{list, parse_record, FieldErrors, RecordError};
use crate::routes::query;
use crate::sanitize;
use crate::store::document_search;
use crate::store::documents::{self as store, Link, NewDocument, NewFile};

#[derive(Debug, thiserror::Error)]
pub enum DocumentImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a JSON array of documents: {source}")]
    NotJson {
        path: String,
        source: serde_json::Error,
    },
    #[error("{} invalid record(s), nothing imported:\n{}", .0.len(), list(.0))]
    Invalid(Vec<RecordError>),
    #[error(transparent)]
    Database(#[from] crate::db::Error),
}

/// Reads a JSON array of documents from `path` and imports it in one transaction; the files
/// it names are read from `path`'s folder.
pub fn import_file(conn: &mut Conn, path: &Path) -> Result<usize, DocumentImportError> {
    let read_error = |source| DocumentImportError::Read {
        path: path.display().to_string(),
        source,
    };
    let text = std::fs::read_to_string(path).map_err(read_error)?;
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|source| DocumentImportError::NotJson {
            path: path.display().to_string(),
            source,
        })?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    conn.transaction(|tx| {
        let count = import_records(tx, &records, folder)?;
        document_search::optimize(tx)?;
        Ok(count)
    })
}

/// A record that passed every check, its files stored, its relations still to resolve.
pub(crate) struct Checked {
    pub(crate) document: NewDocument,
    /// Each with its field (`replaces[0]`) for messages.
    pub(crate) links: Vec<(Link, String, String)>,
}

/// Validates every record, storing the files as it goes, then stores the documents and their
/// relations; answers how many documents. Any invalid record fails the whole import: the
/// caller owns the transaction and rolls it back, files included.
pub fn import_records(
    conn: &mut Conn,
    records: &[serde_json::Value],
    folder: &Path,
) -> Result<usize, DocumentImportError> {
    let folder = folder
        .canonicalize()
        .map_err(|source| DocumentImportError::Read {
            path: folder.display().to_string(),
            source,
        })?;
    store::lock_for_writing(conn)?;
    let now = crate::clock::now_text();
    let mut checked: Vec<(usize, Checked)> = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    let mut slugs: HashMap<String, usize> = HashMap::new();
    for (index, record) in records.iter().enumerate() {
        let result = parse_record::<DocumentInput>(record).and_then(|input| {
            check(conn, &input, |conn, file| {
                store_file(conn, &folder, &file.path, file.name.as_deref(), &now)
            })
        });
        let fail = |field: String, message: String| RecordError {
            index,
            field,
            message,
        };
        match result {
            Ok(record) => {
                if let Some(first) = slugs.insert(record.document.slug.clone(), index) {
                    errors.push(fail(
                        "slug".into(),
                        format!(
                            "`{}` is also the slug of record {first}",
                            record.document.slug
                        ),
                    ));
                }
                checked.push((index, record));
            }
            Err(field_errors) => errors.extend(
                field_errors
                    .into_iter()
                    .map(|(field, message)| fail(field, message)),
            ),
        }
    }
    // Relations name documents of this file or already stored, never the document itself.
    for (index, record) in &checked {
        let in_file = |target: &str| slugs.contains_key(target);
        for (field, message) in link_problems(conn, record, in_file)? {
            errors.push(RecordError {
                index: *index,
                field,
                message,
            });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|error| error.index);
        return Err(DocumentImportError::Invalid(errors));
    }
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for (_, record) in &checked {
        let (id, _) = store::upsert_document(conn, &record.document, &now)?;
        ids.insert(&record.document.slug, id);
    }
    for (_, record) in &checked {
        let id = ids[record.document.slug.as_str()];
        store_links(conn, id, record, |target| ids.get(target).copied(), &now)?;
    }
    store::remove_unused_blobs(conn)?;
    Ok(checked.len())
}

/// What is wrong with the relations of `record`, by field: each must name a document stored
/// or one that `elsewhere` knows of (the same import file), and not the document itself.
pub(crate) fn link_problems(
    conn: &mut Conn,
    record: &Checked,
    elsewhere: impl Fn(&str) -> bool,
) -> crate::db::Result<FieldErrors> {
    let mut problems = Vec::new();
    for (_, target, field) in &record.links {
        let problem = if *target == record.document.slug {
            Some("a document cannot relate to itself".to_string())
        } else if elsewhere(target) || store::document_id(conn, target)?.is_some() {
            None
        } else {
            Some(format!(
                "no document has the slug `{target}` (in this file or stored)"
            ))
        };
        if let Some(message) = problem {
            problems.push((field.clone(), message));
        }
    }
    Ok(problems)
}

/// Makes what document `id` says of others the relations of `record` (checked already by
/// `link_problems`), their targets' ids from `known` or else the store; answers whether
/// anything changed.
pub(crate) fn store_links(
    conn: &mut Conn,
    id: i64,
    record: &Checked,
    known: impl Fn(&str) -> Option<i64>,
    now: &str,
) -> crate::db::Result<bool> {
    let mut links = Vec::with_capacity(record.links.len());
    for (link, target, _) in &record.links {
        let target_id = match known(target) {
            Some(id) => id,
            None => store::document_id(conn, target)?.ok_or(crate::db::Error::NoRow)?,
        };
        links.push((*link, target_id));
    }
    store::set_links(conn, id, &links, now)
}

/// Checks one record, whichever way it arrived: every field by the same rules, then its
/// files, which `attach` checks and stores (an import reads them beside its file, the staff
/// area finds them among the uploads). What is wrong, by field, otherwise; a file's problems
/// under `files[i].` and the field `attach` names.
pub(crate) fn check<F>(
    conn: &mut Conn,
    input: &DocumentRecord<F>,
    mut attach: impl FnMut(&mut Conn, &F) -> Result<NewFile, FileProblem>,
) -> Result<Checked, FieldErrors> {
    let mut errors: FieldErrors = Vec::new();
    let mut fail = |field: &str, message: String| errors.push((field.to_string(), message));

    let number = input.number.trim();
    check_text(&mut fail, "number", number, DOCUMENT_NUMBER_MAX_CHARS);
    let summary = input.summary.trim();
    check_text(&mut fail, "summary", summary, DOCUMENT_SUMMARY_MAX_CHARS);
    let signer = input.signer.trim();
    check_text(&mut fail, "signer", signer, DOCUMENT_NAME_MAX_CHARS);
    let issuer = input.issuer.trim();
    let field = input.field.trim();
    for (name, value) in [("issuer", issuer), ("field", field)] {
        check_text(&mut fail, name, value, DOCUMENT_NAME_MAX_CHARS);
        if !value.is_empty() && slugify(value).is_empty() {
            // Its filter's value is its slug: it must have one.
            fail(name, "must have a letter or a digit".into());
        }
    }

    let kind = DocumentKind::by_name(&input.kind);
    if kind.is_none() {
        let names: Vec<&str> = DOCUMENT_KINDS.iter().map(|kind| kind.name).collect();
        fail(
            "type",
            format!(
                "`{}` is not a document type; one of: {}",
                input.kind,
                names.join(", ")
            ),
        );
    }

    let slug = match &input.slug {
        Some(slug)
            if slug.is_empty() || slugify(slug) != *slug || slug.len() > ARTICLE_SLUG_MAX_CHARS =>
        {
            fail(
                "slug",
                format!("must be at most {ARTICLE_SLUG_MAX_CHARS} lowercase ASCII letters and digits joined by `-`"),
            );
            String::new()
        }
        Some(slug) => slug.clone(),
        None => {
            let slug = default_slug(number, summary);
            if slug.is_empty() && !number.is_empty() {
                fail(
                    "slug",
                    "cannot be made from the number and summary; give one".into(),
                );
            }
            slug
        }
    };

    let mut day = |name: &str, value: &str| {
        let day = query::day(value);
        if day.is_none() {
            fail(name, query::date_message(name, value));
        }
        day
    };
    let issued_on = day("issued_on", &input.issued_on);
    let effective_on = input
        .effective_on
        .as_deref()
        .map(|value| day("effective_on", value));
    let expires_on = input
        .expires_on
        .as_deref()
        .map(|value| day("expires_on", value));
    let starts = effective_on.flatten().or(issued_on);
    if let (Some(Some(expires)), Some(starts)) = (expires_on, starts) {
        if expires <= starts {
            fail(
                "expires_on",
                "must be after the day it takes effect (effective_on, or issued_on)".into(),
            );
        }
    }

    let body_html = match input.body_html.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(html) if html.len() > DOCUMENT_BODY_MAX_BYTES => {
            fail(
                "body_html",
                format!("must be at most {} KB", DOCUMENT_BODY_MAX_BYTES / 1024),
            );
            None
        }
        Some(html) => {
            let clean = sanitize::article_html(html);
            if sanitize::plain_text(&clean).is_empty() {
                fail("body_html", "has no text once sanitized".into());
            }
            Some(clean)
        }
    };
    let body_text = body_html
        .as_deref()
        .map(sanitize::plain_text)
        .unwrap_or_default();

    let mut links = Vec::new();
    for (link, name, targets) in [
        (Link::Replaces, "replaces", &input.replaces),
        (Link::Amends, "amends", &input.amends),
        (Link::Guides, "guides", &input.guides),
    ] {
        for (at, target) in targets.iter().enumerate() {
            let field = format!("{name}[{at}]");
            if target.is_empty() || slugify(target) != *target {
                fail(&field, format!("`{target}` is not a slug"));
            } else {
                links.push((link, target.clone(), field));
            }
        }
    }

    if input.files.is_empty() {
        fail("files", "must list at least one file".into());
    } else if input.files.len() > DOCUMENT_MAX_FILES {
        fail(
            "files",
            format!("must list at most {DOCUMENT_MAX_FILES} files"),
        );
    }
    // The files are read and stored only once everything else is right: a record that is
    // wrong anyway costs no reading.
    let mut files = Vec::new();
    if errors.is_empty() {
        for (at, file) in input.files.iter().enumerate() {
            match attach(conn, file) {
                Ok(stored) => files.push(stored),
                Err(FileProblem::Field(field, message)) => {
                    errors.push((format!("files[{at}].{field}"), message))
                }
                Err(FileProblem::Database(err)) => {
                    errors.push((format!("files[{at}]"), format!("cannot be stored: {err}")))
                }
            }
        }
    }

    match (kind, issued_on) {
        (Some(kind), Some(issued_on)) if errors.is_empty() => Ok(Checked {
            document: NewDocument {
                slug,
                number: number.to_string(),
                kind,
                issuer: issuer.to_string(),
                signer: signer.to_string(),
                issued_on,
                effective_on: effective_on.flatten(),
                expires_on: expires_on.flatten(),
                field: field.to_string(),
                summary: summary.to_string(),
                body_html,
                body_text,
                files,
            },
            links,
        }),
        _ => Err(errors),
    }
}

/// A text field: not empty once trimmed, and at most `max` characters.
fn check_text(fail: &mut impl FnMut(&str, String), name: &str, value: &str, max: usize) {
    if value.is_empty() {
        fail(name, "must not be empty".into());
    } else if value.chars().count() > max {
        fail(name, format!("must be at most {max} characters"));
    }
}

/// Why a record's file cannot be attached.
pub(crate) enum FileProblem {
    /// What is wrong with one of the file's fields (`path`, `name`, `id`).
    Field(&'static str, String),
    Database(crate::db::Error),
}

impl From<crate::db::Error> for FileProblem {
    fn from(err: crate::db::Error) -> Self {
        FileProblem::Database(err)
    }
}

/// Why a file's bytes cannot be attached as the kind its name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentProblem {
    Empty,
    /// Over `DOCUMENT_FILE_MAX_BYTES`.
    TooLarge,
    /// Not what its extension says; `FileKind::check`'s account of why.
    NotItsKind(String),
}

impl ContentProblem {
    /// Said of the file called `what`, as the import reports it.
    pub fn describe(&self, what: &str) -> String {
        match self {
            ContentProblem::Empty => format!("`{what}` is empty"),
            ContentProblem::TooLarge => format!(
                "`{what}` is over {} MB",
                DOCUMENT_FILE_MAX_BYTES / 1024 / 1024
            ),
            ContentProblem::NotItsKind(problem) => format!("`{what}` {problem}"),
        }
    }
}

/// A file of `size` bytes may be attached: not empty, at most `DOCUMENT_FILE_MAX_BYTES`.
pub fn check_size(size: u64) -> Result<(), ContentProblem> {
    if size == 0 {
        Err(ContentProblem::Empty)
    } else if size > DOCUMENT_FILE_MAX_BYTES {
        Err(ContentProblem::TooLarge)
    } else {
        Ok(())
    }
}

/// `bytes` may be attached as a file of `kind`: their size, and their content proved to be
/// what the kind says (`FileKind::check`). The import and the staff's uploads both ask here.
pub fn check_content(kind: FileKind, bytes: &[u8]) -> Result<(), ContentProblem> {
    check_size(bytes.len() as u64)?;
    kind.check(bytes).map_err(ContentProblem::NotItsKind)
}

/// The kind of file a name's extension says, or which extensions it may end in.
pub fn kind_of(name: &str) -> Result<FileKind, String> {
    FileKind::from_name(name).ok_or_else(|| {
        let extensions: Vec<String> = FILE_KINDS
            .iter()
            .map(|kind| format!(".{}", kind.extension()))
            .collect();
        format!("`{name}` must end in one of {}", extensions.join(", "))
    })
}

/// Stores checked bytes once, under their SHA-256 (lowercase hex), which is their id;
/// answers it.
pub fn save_file(conn: &mut Conn, bytes: &[u8], now: &str) -> crate::db::Result<String> {
    let sha256: String = Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    store::save_blob(conn, &sha256, bytes, now)?;
    Ok(sha256)
}

/// Reads the file at `path` (relative to `folder`, which is canonical), checks it, and stores
/// its bytes by their hash.
fn store_file(
    conn: &mut Conn,
    folder: &Path,
    path: &str,
    name: Option<&str>,
    now: &str,
) -> Result<NewFile, FileProblem> {
    let path_problem = |message: String| FileProblem::Field("path", message);
    let resolved = resolve(folder, path).map_err(path_problem)?;
    let kind = kind_of(path).map_err(path_problem)?;
    let name = match name {
        Some(name) => name.trim().to_string(),
        None => Path::new(path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    check_file_name(&name, kind).map_err(|message| FileProblem::Field("name", message))?;

    let content_problem = |problem: ContentProblem| path_problem(problem.describe(path));
    let size = std::fs::metadata(&resolved)
        .map_err(|err| path_problem(format!("`{path}` cannot be read: {err}")))?
        .len();
    // Refused before a byte is read.
    check_size(size).map_err(content_problem)?;
    let bytes = std::fs::read(&resolved)
        .map_err(|err| path_problem(format!("`{path}` cannot be read: {err}")))?;
    // It may have changed since its size was read.
    check_content(kind, &bytes).map_err(content_problem)?;
    let sha256 = save_file(conn, &bytes, now)?;
    Ok(NewFile {
        name,
        content_type: kind.content_type(),
        sha256,
    })
}

/// `path` inside `folder`, every link followed: refused when it is absolute, missing, not a
/// regular file, or leads out of the folder.
fn resolve(folder: &Path, path: &str) -> Result<PathBuf, String> {
    if path.trim().is_empty() {
        return Err("must not be empty".into());
    }
    if Path::new(path).is_absolute() {
        return Err(format!("`{path}` must be relative to the import file"));
    }
    // Refused as written, before the file system is asked: whether a file exists outside the
    // folder is none of the import's business.
    let mut depth: i64 = 0;
    for component in Path::new(path).components() {
        match component {
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return Err(outside(path));
        }
    }
    let resolved = folder.join(path).canonicalize().map_err(|err| {
        if err.kind() == std::io::ErrorKind::NotFound {
            format!("`{path}`: no such file")
        } else {
            format!("`{path}` cannot be read: {err}")
        }
    })?;
    // A symbolic link may still lead out.
    if !resolved.starts_with(folder) {
        return Err(outside(path));
    }
    if !resolved.is_file() {
        return Err(format!("`{path}` is not a file"));
    }
    Ok(resolved)
}

fn outside(path: &str) -> String {
    format!("`{path}` is outside the import file's folder; files must be in it or below it")
}

/// A name a file is served and downloaded under: one path segment of visible characters,
/// ending in the file's own extension, so what it says is what it is.
pub fn check_file_name(name: &str, kind: FileKind) -> Result<(), String> {
    let problem = if name.is_empty() {
        Some("must not be empty".to_string())
    } else if name.chars().count() > DOCUMENT_FILE_NAME_MAX_CHARS {
        Some(format!(
            "must be at most {DOCUMENT_FILE_NAME_MAX_CHARS} characters"
        ))
    } else if name.starts_with('.')
        // Invisible characters (a right-to-left override, a zero-width space) could make a
        // download's name read as another than it is.
        || name
            .chars()
            .any(|c| c == '/' || c == '\\' || (c != ' ' && portal_contract::text::is_invisible(c)))
    {
        Some(
            "must be a file name: no `/`, `\\`, control or invisible characters, not starting with `.`"
                .into(),
        )
    } else if FileKind::from_name(name) != Some(kind) {
        Some(format!("must end in .{} like the file", kind.extension()))
    } else {
        None
    };
    match problem {
        Some(message) => Err(format!("`{name}` {message}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("import");
        std::fs::create_dir_all(folder.join("files")).unwrap();
        std::fs::write(folder.join("files/a.pdf"), b"%PDF-1.4").unwrap();
        std::fs::write(dir.path().join("secret.pdf"), b"%PDF-1.4").unwrap();
        let folder = folder.canonicalize().unwrap();
        assert!(resolve(&folder, "files/a.pdf").is_ok());
        assert!(resolve(&folder, "./files/../files/a.pdf").is_ok());
        for outside in ["../secret.pdf", "files/../../secret.pdf", "/etc/passwd"] {
            assert!(resolve(&folder, outside).is_err(), "{outside}");
        }
        // Outside, whether or not such a file exists there.
        let refused = resolve(&folder, "../../../../etc/no-such-file").unwrap_err();
        assert!(refused.contains("outside"), "{refused}");
        std::os::unix::fs::symlink(dir.path().join("secret.pdf"), folder.join("link.pdf")).unwrap();
        let refused = resolve(&folder, "link.pdf").unwrap_err();
        assert!(refused.contains("outside"), "{refused}");
        assert!(resolve(&folder, "files")
            .unwrap_err()
            .contains("not a file"));
        assert!(resolve(&folder, "files/none.pdf")
            .unwrap_err()
            .contains("no such file"));
    }

    #[test]
    fn file_names_are_one_segment_with_the_files_extension() {
        assert!(check_file_name("Quyết định 125-QĐ-UBND.pdf", FileKind::Pdf).is_ok());
        for bad in [
            "",
            "a/b.pdf",
            "..pdf",
            ".pdf",
            "a.docx",
            "a\u{7}.pdf",
            "a\\b.pdf",
        ] {
            assert!(check_file_name(bad, FileKind::Pdf).is_err(), "{bad:?}");
        }
    }
}
