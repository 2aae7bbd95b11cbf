//! The documents library from the staff area: `/admin/documents` and `/admin/document-files`,
//! for approvers and admins signed in, and scripts with the bearer token.
//!
//! A document is written from the import's record shape (`DocumentRecord`), its files named by
//! the id of a file uploaded before instead of a path, and checked by the import's own rules
//! (`import_documents::check`); what those rules refuse is told here in Vietnamese, field by
//! field. A save names the `version` it edited (a digest of the document as it was read), so
//! that an edit made meanwhile, by staff or by an import, is never overwritten: 409.

use std::cell::RefCell;

use axum::body::{to_bytes, Body};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use portal_contract::documents::{
    DocumentRecord, DocumentSummary, StaffDocument, StaffDocumentSave, UploadedFile,
    UploadedFileRef, DOCUMENT_BODY_MAX_BYTES, DOCUMENT_FILE_MAX_BYTES,
    DOCUMENT_FILE_NAME_MAX_CHARS, DOCUMENT_MAX_FILES, DOCUMENT_NAME_MAX_CHARS,
    DOCUMENT_NUMBER_MAX_CHARS, DOCUMENT_SUMMARY_MAX_CHARS,
};
use portal_contract::limits::ARTICLE_SLUG_MAX_CHARS;
use portal_contract::staff::StaffRole;
use portal_contract::{slugify, ApiError, FieldErrors, Paged};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::json::{ApiJson, HtmlSafeJson};
use super::query::{self, ApiQuery};
use super::staff_auth::StaffMember;
use crate::db::Conn;
use crate::documents::{FileKind, FILE_KINDS};
use crate::error::{json_error, AppError};
use crate::import_documents::{
    self as rules, check_content, check_file_name, Checked, ContentProblem, FileProblem,
};
use crate::search::SearchTerms;
use crate::state::AppState;
use crate::store::audit;
use crate::store::documents::{self as store, DocumentFilter, NewFile};

/// The body in the OpenAPI document: bytes, not JSON (schemathesis then sends bytes), never
/// built.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct DocumentFileBytes(Vec<u8>);

/// The query of `GET /admin/documents`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffDocumentQuery {
    /// Page number, from 1.
    page: Option<u32>,
    /// Documents per page (default 10).
    per_page: Option<u32>,
    /// The number or words of the abstract or the body, as the public search takes them.
    q: Option<String>,
}

/// The documents, newest issued first, or the search's hits by relevance.
#[utoipa::path(get, path = "/api/v1/admin/documents", tag = "staff", params(StaffDocumentQuery),
    responses((status = 200, description = "A page of documents", body = Paged<DocumentSummary>),
              (status = 400, description = "A parameter is malformed", body = ApiError),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "An editor: documents are for approvers and admins", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_documents(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiQuery(query): ApiQuery<StaffDocumentQuery>,
) -> Result<HtmlSafeJson<Paged<DocumentSummary>>, AppError> {
    staff.require(StaffRole::Approver)?;
    let page = query::page(query.page, query.per_page)?;
    let text = query::search_text(query.q.as_deref())?;
    let terms = match text.map(SearchTerms::parse) {
        // Only punctuation: nothing can match it.
        Some(None) => return Ok(HtmlSafeJson(page.answer(Vec::new(), 0))),
        terms => terms.flatten(),
    };
    let filter = DocumentFilter {
        terms,
        ..Default::default()
    };
    let today = crate::clock::today();
    state
        .db(move |conn| Ok(HtmlSafeJson(store::list(conn, &filter, page, today)?)))
        .await
}

/// A new document, from the import's record shape, its files uploaded first.
#[utoipa::path(post, path = "/api/v1/admin/documents", tag = "staff",
    request_body = DocumentRecord<UploadedFileRef>,
    params(("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 201, description = "The document, as staff edit it", body = StaffDocument),
              (status = 400, description = "The body is not JSON, or its text holds a NUL character", body = ApiError),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 409, description = "A document has the slug already (given, or made from the number and the abstract)", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is not allowed (a file not uploaded, a relation to no document...); `error.fields` says which, in Vietnamese", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn create_document(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(input): ApiJson<DocumentRecord<UploadedFileRef>>,
) -> Result<(StatusCode, HtmlSafeJson<StaffDocument>), AppError> {
    staff.require(StaffRole::Approver)?;
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                store::lock_for_writing(tx)?;
                let checked = checked(tx, &input)?;
                let slug = checked.document.slug.clone();
                if store::document_id(tx, &slug)?.is_some() {
                    return Err(AppError::Conflict(format!(
                        "a document has the slug `{slug}` already: give another, or edit that one"
                    )));
                }
                let now = crate::clock::now_text();
                let (id, _) = store::upsert_document(tx, &checked.document, &now)?;
                rules::store_links(tx, id, &checked, |_| None, &now)?;
                record(tx, &staff, "document_created", &slug)?;
                Ok((
                    StatusCode::CREATED,
                    HtmlSafeJson(staff_document(tx, &slug)?),
                ))
            })
        })
        .await
}

/// One document as staff edit it, with its version.
#[utoipa::path(get, path = "/api/v1/admin/documents/{slug}", tag = "staff",
    params(("slug" = String, Path, description = "The document's slug")),
    responses((status = 200, description = "The document", body = StaffDocument),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "An editor: documents are for approvers and admins", body = ApiError),
              (status = 404, description = "No such document", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_document(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(slug): Path<String>,
) -> Result<HtmlSafeJson<StaffDocument>, AppError> {
    staff.require(StaffRole::Approver)?;
    known_slug(&slug)?;
    state
        .db(move |conn| Ok(HtmlSafeJson(staff_document(conn, &slug)?)))
        .await
}

/// Saves the document as sent, unless it changed since `version`: files, relations and all.
/// The slug stays.
#[utoipa::path(put, path = "/api/v1/admin/documents/{slug}", tag = "staff",
    request_body = StaffDocumentSave,
    params(("slug" = String, Path, description = "The document's slug"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "Saved (or unchanged)", body = StaffDocument),
              (status = 400, description = "The body is not JSON, or its text holds a NUL character", body = ApiError),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such document", body = ApiError),
              (status = 409, description = "Someone changed the document since `version`: nothing was overwritten", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is not allowed, or `slug` is another; `error.fields` says which, in Vietnamese", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn save_document(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(slug): Path<String>,
    ApiJson(save): ApiJson<StaffDocumentSave>,
) -> Result<HtmlSafeJson<StaffDocument>, AppError> {
    staff.require(StaffRole::Approver)?;
    known_slug(&slug)?;
    let StaffDocumentSave {
        version,
        document: mut input,
    } = save;
    match &input.slug {
        Some(given) if *given != slug => {
            return Err(invalid(
                "slug",
                "Không đổi được đường dẫn của văn bản đã có.".into(),
            ))
        }
        // The slug stays: it is not made again from a changed number or abstract.
        _ => input.slug = Some(slug.clone()),
    }
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                store::lock_for_writing(tx)?;
                let current = staff_document(tx, &slug)?;
                if current.version != version {
                    return Err(AppError::Conflict(
                        "the document changed since it was opened: reload it, and keep your changes to reapply"
                            .into(),
                    ));
                }
                let checked = checked(tx, &input)?;
                let now = crate::clock::now_text();
                let (id, changed) = store::upsert_document(tx, &checked.document, &now)?;
                let relinked = rules::store_links(tx, id, &checked, |_| None, &now)?;
                if changed || relinked {
                    store::remove_unused_blobs(tx)?;
                    record(tx, &staff, "document_saved", &slug)?;
                }
                Ok(HtmlSafeJson(staff_document(tx, &slug)?))
            })
        })
        .await
}

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    name: Option<String>,
}

/// Uploads a file to attach to documents: PDF, DOC, DOCX, XLS, XLSX or ODT, at most 50 MB,
/// its content proved to be what its name's extension says, as the import checks files.
/// Stored once by its SHA-256, which is its id. A file no document takes within a day is
/// removed.
#[utoipa::path(post, path = "/api/v1/admin/document-files", tag = "staff",
    request_body(description = "The file's bytes, whatever type is declared (the staff app sends the file's own, `application/pdf`...): its kind is its name's extension, proved by its content",
        content((inline(DocumentFileBytes) = "application/octet-stream"))),
    params(("name" = String, Query, min_length = 1, max_length = 200,
                description = "The name it downloads as, ending in .pdf, .doc, .docx, .xls, .xlsx or .odt (at most 200 characters)"),
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 201, description = "Stored (or already stored: the same file answers the same id)", body = UploadedFile),
              (status = 400, description = "A malformed query string", body = ApiError),
              (status = 401, description = "Not signed in, or a wrong bearer token", body = ApiError),
              (status = 403, description = "An editor, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is over 50 MB", body = ApiError),
              (status = 422, description = "No `name`, a name that is no file name of an allowed kind, an empty body, or content that is not what the extension says; `error.fields` says which, in Vietnamese", body = ApiError),
              (status = 429, description = "Too many wrong bearer tokens from this address", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn upload_file(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiQuery(query): ApiQuery<UploadQuery>,
    // Not `Bytes`: that extractor stops at axum's default limit of 2 MB. The body is already
    // read and bounded by `read_body_first`.
    body: Body,
) -> Result<(StatusCode, HtmlSafeJson<UploadedFile>), Response> {
    staff
        .require(StaffRole::Approver)
        .map_err(IntoResponse::into_response)?;
    let name = query.name.as_deref().unwrap_or("").trim().to_string();
    let kind = file_kind(&name).map_err(|message| invalid("name", message).into_response())?;
    let too_large = || {
        json_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {DOCUMENT_FILE_MAX_BYTES} bytes, or was cut off"),
        )
    };
    let bytes = to_bytes(body, DOCUMENT_FILE_MAX_BYTES as usize)
        .await
        .map_err(|_| too_large())?;
    match check_content(kind, &bytes) {
        Ok(()) => {}
        Err(ContentProblem::TooLarge) => return Err(too_large()),
        Err(problem) => {
            return Err(invalid("file", content_message(kind, &problem)).into_response())
        }
    }
    let size = bytes.len() as u64;
    let id = state
        .db(move |conn| {
            conn.transaction(|tx| {
                store::lock_for_writing(tx)?;
                let id = rules::save_file(tx, &bytes, &crate::clock::now_text())?;
                // The log's line is also what keeps the file while no document has it.
                record(tx, &staff, store::FILE_UPLOADED, &id)?;
                store::remove_unused_blobs(tx)?;
                Ok::<_, AppError>(id)
            })
        })
        .await
        .map_err(IntoResponse::into_response)?;
    let answer = UploadedFile {
        id,
        name,
        size,
        content_type: kind.content_type().to_string(),
        format: kind.format(),
    };
    Ok((StatusCode::CREATED, HtmlSafeJson(answer)))
}

/// No document's slug holds a NUL character, which the database would refuse to compare (a
/// 400) where the answer is that there is no such document.
fn known_slug(slug: &str) -> Result<(), AppError> {
    if slug.contains('\0') {
        Err(AppError::NotFound("no such document".into()))
    } else {
        Ok(())
    }
}

fn record(
    conn: &mut Conn,
    staff: &StaffMember,
    action: &str,
    subject: &str,
) -> Result<(), AppError> {
    audit::record(
        conn,
        Some(staff.name()),
        staff.address.as_deref(),
        action,
        subject,
    )?;
    Ok(())
}

/// The document with this slug as staff edit it, with its version.
fn staff_document(conn: &mut Conn, slug: &str) -> Result<StaffDocument, AppError> {
    let row = store::staff_document(conn, slug)?
        .ok_or_else(|| AppError::NotFound(format!("no document has the slug {slug:?}")))?;
    Ok(StaffDocument {
        version: version(&row.record),
        updated_at: row.updated_at,
        document: row.record,
        files: row.files,
    })
}

/// A digest of everything staff see of a document (a file's id is its content's hash, so its
/// size and kind come with it): any change to it, by anyone, is another version, and the same
/// document always reads as the same one.
fn version(document: &DocumentRecord<UploadedFileRef>) -> String {
    let json = serde_json::to_vec(document).expect("a document serializes");
    Sha256::digest(&json)[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `input` through the import's rules, its files found among the uploads; what they refuse as
/// a 422 with a Vietnamese message for each field, relations to no stored document included.
fn checked(conn: &mut Conn, input: &DocumentRecord<UploadedFileRef>) -> Result<Checked, AppError> {
    // The database failing while a file is looked up is no fault of the form's (the import
    // reports it by field): kept aside, and answered as what it is.
    let failure = RefCell::new(None);
    let result = rules::check(conn, input, |conn, file| match attach_upload(conn, file) {
        Err(FileProblem::Database(err)) => {
            failure.replace(Some(err));
            Err(FileProblem::Field("id", String::new()))
        }
        other => other,
    });
    if let Some(err) = failure.into_inner() {
        return Err(err.into());
    }
    let refused = |problems: Vec<(String, String)>| {
        AppError::Invalid(
            problems
                .into_iter()
                .map(|(field, message)| {
                    let shown = field_message(input, &field).unwrap_or(message);
                    (field, shown)
                })
                .collect::<FieldErrors>(),
        )
    };
    let checked = result.map_err(refused)?;
    let problems = rules::link_problems(conn, &checked, |_| false)?;
    if !problems.is_empty() {
        return Err(refused(problems));
    }
    Ok(checked)
}

/// An uploaded file named by `file.id`, attached under `file.name`. Its content was proved at
/// its upload to be of the kind that upload's name said; a name of another kind has it proved
/// again (the bytes read back), unless a document has it as that kind already.
fn attach_upload(conn: &mut Conn, file: &UploadedFileRef) -> Result<NewFile, FileProblem> {
    let id = file.id.as_str();
    let is_hash = id.len() == 64 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !is_hash {
        return Err(FileProblem::Field(
            "id",
            "Mã tệp không đúng: hãy tải tệp lên lại.".into(),
        ));
    }
    let name = file.name.trim();
    let kind = file_kind(name).map_err(|message| FileProblem::Field("name", message))?;
    if !store::blob_attached_as(conn, id, kind.content_type())? {
        let Some(bytes) = store::blob_bytes(conn, id)? else {
            return Err(FileProblem::Field(
                "id",
                "Không còn tệp này trên máy chủ (tệp tải lên quá một ngày mà chưa gắn vào văn bản nào thì bị xóa): hãy tải tệp lên lại."
                    .into(),
            ));
        };
        check_content(kind, &bytes)
            .map_err(|problem| FileProblem::Field("id", content_message(kind, &problem)))?;
    }
    Ok(NewFile {
        name: name.to_string(),
        content_type: kind.content_type(),
        sha256: id.to_string(),
    })
}

/// The kind a file's name says, by the import's rules for names; what is wrong otherwise.
fn file_kind(name: &str) -> Result<FileKind, String> {
    let kind = rules::kind_of(name).map_err(|_| {
        let extensions: Vec<String> = FILE_KINDS
            .iter()
            .map(|kind| format!(".{}", kind.extension()))
            .collect();
        if name.is_empty() {
            "Vui lòng cho biết tên tệp.".to_string()
        } else {
            format!(
                "Tên tệp phải có đuôi là một trong {}.",
                extensions.join(", ")
            )
        }
    })?;
    check_file_name(name, kind).map_err(|_| {
        format!(
            "Tên tệp dài tối đa {DOCUMENT_FILE_NAME_MAX_CHARS} ký tự, không có “/”, “\\” hay ký tự điều khiển và không bắt đầu bằng dấu chấm."
        )
    })?;
    Ok(kind)
}

fn content_message(kind: FileKind, problem: &ContentProblem) -> String {
    match problem {
        ContentProblem::Empty => "Tệp trống: không có nội dung.".into(),
        ContentProblem::TooLarge => format!(
            "Tệp lớn hơn {} MB.",
            DOCUMENT_FILE_MAX_BYTES / 1024 / 1024
        ),
        ContentProblem::NotItsKind(_) => format!(
            "Nội dung tệp không phải là tệp {} như đuôi tên tệp cho biết: tệp có thể bị hỏng, hoặc đã bị đổi đuôi.",
            kind.format()
        ),
    }
}

/// What staff read for a field the import's rules refused; `None` keeps the rule's own words.
fn field_message(input: &DocumentRecord<UploadedFileRef>, field: &str) -> Option<String> {
    let names =
        format!("tối đa {DOCUMENT_NAME_MAX_CHARS} ký tự, có ít nhất một chữ cái hoặc chữ số");
    Some(match field {
        "number" => format!("Vui lòng nhập số ký hiệu (tối đa {DOCUMENT_NUMBER_MAX_CHARS} ký tự)."),
        "type" => "Vui lòng chọn một loại văn bản trong danh sách.".into(),
        "issuer" => format!("Vui lòng nhập cơ quan ban hành ({names})."),
        "field" => format!("Vui lòng nhập lĩnh vực ({names})."),
        "signer" => format!("Vui lòng nhập người ký (tối đa {DOCUMENT_NAME_MAX_CHARS} ký tự)."),
        "summary" => format!("Vui lòng nhập trích yếu (tối đa {DOCUMENT_SUMMARY_MAX_CHARS} ký tự)."),
        "slug" if input.slug.is_some() => format!(
            "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa {ARTICLE_SLUG_MAX_CHARS} ký tự)."
        ),
        "slug" => "Không tạo được đường dẫn từ số ký hiệu và trích yếu: vui lòng nhập đường dẫn.".into(),
        "issued_on" => "Ngày ban hành phải là một ngày có thật, dạng 2025-03-14.".into(),
        "effective_on" => {
            "Ngày có hiệu lực phải là một ngày có thật, dạng 2025-03-14, hoặc để trống.".into()
        }
        "expires_on" => "Ngày hết hiệu lực phải là một ngày có thật, dạng 2025-03-14, sau ngày văn bản có hiệu lực; hoặc để trống.".into(),
        "body_html" => format!(
            "Nội dung phải có chữ và dài tối đa {} KB; văn bản chỉ có tệp đính kèm thì để trống ô này.",
            DOCUMENT_BODY_MAX_BYTES / 1024
        ),
        "files" => format!("Vui lòng đính kèm từ 1 đến {DOCUMENT_MAX_FILES} tệp."),
        other => return relation_message(input, other),
    })
}

/// `replaces[2]` and the like: what is wrong with the slug at that place.
fn relation_message(input: &DocumentRecord<UploadedFileRef>, field: &str) -> Option<String> {
    let (list, at) = field.strip_suffix(']')?.split_once('[')?;
    let targets = match list {
        "replaces" => &input.replaces,
        "amends" => &input.amends,
        "guides" => &input.guides,
        _ => return None,
    };
    let target = targets.get(at.parse::<usize>().ok()?)?;
    Some(if input.slug.as_deref() == Some(target.as_str()) {
        "Văn bản không thể liên quan tới chính nó.".into()
    } else if target.is_empty() || slugify(target) != *target {
        format!("“{target}” không phải là đường dẫn của một văn bản.")
    } else {
        format!("Không có văn bản nào có đường dẫn “{target}”.")
    })
}

fn invalid(field: &str, message: String) -> AppError {
    AppError::Invalid(FieldErrors::from([(field.to_string(), message)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_states_the_name_bounds() {
        let document: serde_json::Value = serde_json::from_str(crate::openapi::json()).unwrap();
        let operation = &document["paths"]["/api/v1/admin/document-files"]["post"];
        let name = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|parameter| parameter["name"] == "name")
            .unwrap();
        assert_eq!(name["required"], true);
        assert_eq!(name["schema"]["maxLength"], DOCUMENT_FILE_NAME_MAX_CHARS);
        // Bytes, not JSON.
        let media = &operation["requestBody"]["content"]["application/octet-stream"];
        assert_eq!(media["schema"]["type"], "string", "{media}");
        assert_eq!(media["schema"]["format"], "binary", "{media}");
    }

    #[test]
    fn names_say_the_kind_in_vietnamese_when_wrong() {
        assert_eq!(file_kind("Quyết định 125.PDF").unwrap(), FileKind::Pdf);
        assert!(file_kind("").unwrap_err().contains("tên tệp"));
        assert!(file_kind("ghi-chu.txt").unwrap_err().contains(".pdf"));
        assert!(file_kind("a/b.pdf").unwrap_err().contains("“/”"));
    }

    #[test]
    fn a_version_is_the_document_as_read() {
        let mut document = DocumentRecord::<UploadedFileRef> {
            slug: Some("a".into()),
            number: "1/QĐ-UBND".into(),
            kind: "quyet-dinh".into(),
            issuer: "UBND".into(),
            signer: "Chủ tịch".into(),
            issued_on: "2025-01-01".into(),
            effective_on: None,
            expires_on: None,
            field: "Nội vụ".into(),
            summary: "Về việc".into(),
            body_html: None,
            files: Vec::new(),
            replaces: Vec::new(),
            amends: Vec::new(),
            guides: Vec::new(),
        };
        let first = version(&document);
        assert_eq!(first, version(&document.clone()));
        assert_eq!(first.len(), 32);
        document.guides.push("b".into());
        assert_ne!(first, version(&document));
    }
}
