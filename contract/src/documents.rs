//! Documents (văn bản): what `/api/v1/documents`, `/api/v1/documents/{slug}` and
//! `/api/v1/document-facets` answer, the import format, the document types and the bounds.
//!
//! A document's status (còn hiệu lực, chưa có hiệu lực, hết hiệu lực, bị thay thế) is never
//! stored or typed: the server derives it from the dates and the relations when it answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::api::Segment;
use crate::text::fold;

/// The documents library, `/van-ban`; one document's page is `document_path`.
pub const DOCUMENTS_PAGE_PATH: &str = "/van-ban";

/// One document's page.
pub fn document_path(slug: &str) -> String {
    format!("{DOCUMENTS_PAGE_PATH}/{slug}")
}

/// Which documents a reader looks for; every field may be empty. Filters hold the slugs
/// `/document-facets` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentCriteria {
    pub text: String,
    pub kind: String,
    pub issuer: String,
    pub field: String,
    pub year: String,
    pub status: String,
}

impl DocumentCriteria {
    /// The criteria in one order, which the API's query names and the page's address
    /// (`DOCUMENT_FILTERS`) follow.
    pub fn values(&self) -> [&str; 6] {
        [
            self.text.trim(),
            &self.kind,
            &self.issuer,
            &self.field,
            &self.year,
            &self.status,
        ]
    }

    pub fn from_values([text, kind, issuer, field, year, status]: [String; 6]) -> Self {
        Self {
            text,
            kind,
            issuer,
            field,
            year,
            status,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values().iter().all(|value| value.is_empty())
    }
}

/// The names `/van-ban` gives `DocumentCriteria::values` in its address.
pub const DOCUMENT_FILTERS: [&str; 6] = ["q", "loai", "co-quan", "linh-vuc", "nam", "tinh-trang"];

/// The address of page `page` of the documents that `criteria` finds, its values written by
/// `encode` (`paging::listing_href`).
pub fn documents_href(
    criteria: &DocumentCriteria,
    page: u32,
    encode: impl Fn(&str) -> String,
) -> String {
    crate::paging::listing_href(
        DOCUMENTS_PAGE_PATH,
        DOCUMENT_FILTERS.into_iter().zip(criteria.values()),
        page,
        encode,
    )
}

/// The number and symbol (số ký hiệu), in characters: `125/QĐ-UBND`.
pub const DOCUMENT_NUMBER_MAX_CHARS: usize = 100;
/// The abstract (trích yếu), in characters.
pub const DOCUMENT_SUMMARY_MAX_CHARS: usize = 1000;
/// The issuing body, the signer and the field, in characters each.
pub const DOCUMENT_NAME_MAX_CHARS: usize = 200;
/// An attached file's name as shown and served, in characters.
pub const DOCUMENT_FILE_NAME_MAX_CHARS: usize = 200;
/// Files attached to one document.
pub const DOCUMENT_MAX_FILES: usize = 20;
/// One attached file, in bytes.
pub const DOCUMENT_FILE_MAX_BYTES: u64 = 50 * 1024 * 1024;
/// A document's HTML body, in bytes (as an article's).
pub const DOCUMENT_BODY_MAX_BYTES: usize = 512 * 1024;
/// The longest slug made from the number and the abstract, in characters (cut at a word).
pub const DOCUMENT_SLUG_MAX_CHARS: usize = 80;

/// A type of document (Nghị định 30/2020/NĐ-CP, Phụ lục III): its slug (filters, addresses),
/// its code as it appears in numbers (`QĐ` in `125/QĐ-UBND`) and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentKind {
    pub slug: &'static str,
    pub code: &'static str,
    pub name: &'static str,
}

/// Every type a document may have, in the order filters list them. A công văn has no code in
/// its number (`215/UBND-VP`); `CV` is the portal's own, so that it can be searched.
pub const DOCUMENT_KINDS: &[DocumentKind] = &[
    DocumentKind {
        slug: "nghi-quyet",
        code: "NQ",
        name: "Nghị quyết",
    },
    DocumentKind {
        slug: "quyet-dinh",
        code: "QĐ",
        name: "Quyết định",
    },
    DocumentKind {
        slug: "chi-thi",
        code: "CT",
        name: "Chỉ thị",
    },
    DocumentKind {
        slug: "quy-che",
        code: "QC",
        name: "Quy chế",
    },
    DocumentKind {
        slug: "quy-dinh",
        code: "QyĐ",
        name: "Quy định",
    },
    DocumentKind {
        slug: "ke-hoach",
        code: "KH",
        name: "Kế hoạch",
    },
    DocumentKind {
        slug: "chuong-trinh",
        code: "CTr",
        name: "Chương trình",
    },
    DocumentKind {
        slug: "phuong-an",
        code: "PA",
        name: "Phương án",
    },
    DocumentKind {
        slug: "de-an",
        code: "ĐA",
        name: "Đề án",
    },
    DocumentKind {
        slug: "huong-dan",
        code: "HD",
        name: "Hướng dẫn",
    },
    DocumentKind {
        slug: "thong-bao",
        code: "TB",
        name: "Thông báo",
    },
    DocumentKind {
        slug: "bao-cao",
        code: "BC",
        name: "Báo cáo",
    },
    DocumentKind {
        slug: "to-trinh",
        code: "TTr",
        name: "Tờ trình",
    },
    DocumentKind {
        slug: "cong-van",
        code: "CV",
        name: "Công văn",
    },
    DocumentKind {
        slug: "cong-dien",
        code: "CĐ",
        name: "Công điện",
    },
    DocumentKind {
        slug: "giay-moi",
        code: "GM",
        name: "Giấy mời",
    },
];

impl DocumentKind {
    /// The type with this slug.
    pub fn by_slug(slug: &str) -> Option<&'static DocumentKind> {
        DOCUMENT_KINDS.iter().find(|kind| kind.slug == slug)
    }

    /// The type an import names by its name, code or slug, with or without tone marks
    /// (`Quyết định`, `QĐ`, `quyet-dinh`).
    pub fn by_name(text: &str) -> Option<&'static DocumentKind> {
        let wanted = fold(text.trim());
        DOCUMENT_KINDS.iter().find(|kind| {
            fold(kind.name) == wanted || fold(kind.code) == wanted || kind.slug == wanted
        })
    }

    /// The type as answers carry it.
    pub fn to_ref(self) -> DocumentTypeRef {
        DocumentTypeRef {
            slug: self.slug.into(),
            code: self.code.into(),
            name: self.name.into(),
        }
    }
}

/// A document's status, derived from its dates and relations; its slug is the `status`
/// filter's value and the app's `tinh-trang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DocumentStatus {
    /// Còn hiệu lực: in effect.
    ConHieuLuc,
    /// Chưa có hiệu lực: its effective date is still to come.
    ChuaCoHieuLuc,
    /// Hết hiệu lực: its expiry date has come.
    HetHieuLuc,
    /// Bị thay thế: another document replaces it (which wins over the dates).
    BiThayThe,
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 4] = [
        DocumentStatus::ConHieuLuc,
        DocumentStatus::ChuaCoHieuLuc,
        DocumentStatus::HetHieuLuc,
        DocumentStatus::BiThayThe,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentStatus::ConHieuLuc => "con-hieu-luc",
            DocumentStatus::ChuaCoHieuLuc => "chua-co-hieu-luc",
            DocumentStatus::HetHieuLuc => "het-hieu-luc",
            DocumentStatus::BiThayThe => "bi-thay-the",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The status as citizens read it.
    pub fn label(self) -> &'static str {
        match self {
            DocumentStatus::ConHieuLuc => "Còn hiệu lực",
            DocumentStatus::ChuaCoHieuLuc => "Chưa có hiệu lực",
            DocumentStatus::HetHieuLuc => "Hết hiệu lực",
            DocumentStatus::BiThayThe => "Bị thay thế",
        }
    }
}

/// A document's type in answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentTypeRef {
    /// `quyet-dinh`: the `type` filter's value.
    pub slug: String,
    /// `QĐ`.
    pub code: String,
    /// `Quyết định`.
    pub name: String,
}

/// An issuing body or a field, with the slug its filter takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentTag {
    pub slug: String,
    pub name: String,
}

/// Another document, as a link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    pub slug: String,
    pub number: String,
    pub summary: String,
}

/// A document's status as answers carry it: the code, the words to show, and for a replaced
/// document the one that replaces it (the newest, when several do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentStatusInfo {
    pub code: DocumentStatus,
    /// `Còn hiệu lực`, `Chưa có hiệu lực`, `Hết hiệu lực` or `Bị thay thế`.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<DocumentRef>,
}

impl DocumentStatusInfo {
    pub fn new(code: DocumentStatus, replaced_by: Option<DocumentRef>) -> Self {
        Self {
            code,
            label: code.label().into(),
            replaced_by,
        }
    }
}

/// A document in a list: everything a row shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentSummary {
    pub slug: String,
    /// Số ký hiệu: `125/QĐ-UBND`.
    pub number: String,
    #[serde(rename = "type")]
    pub kind: DocumentTypeRef,
    pub issuer: DocumentTag,
    pub field: DocumentTag,
    /// Người ký: a position (`Chủ tịch`) or a name.
    pub signer: String,
    pub issued_on: NaiveDate,
    /// From when it applies; absent: from its issue.
    pub effective_on: Option<NaiveDate>,
    /// The first day it no longer applies; absent: no end date.
    pub expires_on: Option<NaiveDate>,
    /// Trích yếu.
    pub summary: String,
    pub status: DocumentStatusInfo,
    /// Present in search results only: where the searched words are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<DocumentHighlight>,
}

/// The number, the abstract and a passage of the body of a search hit, cut into plain and
/// matched parts (as an article's `Highlight`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentHighlight {
    pub number: Vec<Segment>,
    pub summary: Vec<Segment>,
    /// Empty when the document has no body.
    pub snippet: Vec<Segment>,
}

/// An attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentFile {
    pub id: i64,
    /// The file's name, as downloaded: `Quyết định 125-QĐ-UBND.pdf`.
    pub name: String,
    /// In bytes.
    pub size: u64,
    /// `application/pdf`, ...
    pub content_type: String,
    /// `PDF`, `DOCX`, ...: what a download link says it is.
    pub format: String,
    /// `/files/{id}/{name}`, the name percent-encoded.
    pub url: String,
}

/// How a related document relates to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// This document replaces it.
    Replaces,
    /// It replaces this document.
    ReplacedBy,
    /// This document amends it.
    Amends,
    /// It amends this document.
    AmendedBy,
    /// This document guides its application.
    Guides,
    /// It guides this document's application.
    GuidedBy,
}

impl RelationKind {
    /// The words a page shows before the related document.
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Replaces => "Thay thế",
            RelationKind::ReplacedBy => "Bị thay thế bởi",
            RelationKind::Amends => "Sửa đổi, bổ sung",
            RelationKind::AmendedBy => "Được sửa đổi, bổ sung bởi",
            RelationKind::Guides => "Hướng dẫn",
            RelationKind::GuidedBy => "Được hướng dẫn bởi",
        }
    }
}

/// A related document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRelation {
    pub kind: RelationKind,
    /// `Thay thế`, `Bị thay thế bởi`, ...
    pub label: String,
    pub slug: String,
    pub number: String,
    pub summary: String,
}

/// `GET /documents/{slug}`: the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    pub slug: String,
    pub number: String,
    #[serde(rename = "type")]
    pub kind: DocumentTypeRef,
    pub issuer: DocumentTag,
    pub field: DocumentTag,
    pub signer: String,
    pub issued_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub summary: String,
    pub status: DocumentStatusInfo,
    /// Sanitized by the server before it was stored; safe for `innerHTML`. Absent when the
    /// document is only its files.
    pub body_html: Option<String>,
    pub files: Vec<DocumentFile>,
    /// Replaces, replaced by, amends, amended by, guides, guided by; in that order, newest
    /// first within each.
    pub relations: Vec<DocumentRelation>,
}

/// One value of a filter, with how many documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub slug: String,
    pub name: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearCount {
    pub year: i32,
    pub count: u64,
}

/// `GET /document-facets`: every value the list's filters can take, with its count over all
/// documents. Only values some document has are listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentFacets {
    /// In the order of `DOCUMENT_KINDS`.
    pub types: Vec<FacetCount>,
    /// By name.
    pub issuers: Vec<FacetCount>,
    /// By name.
    pub fields: Vec<FacetCount>,
    /// Newest first.
    pub years: Vec<YearCount>,
    /// In the order of `DocumentStatus::ALL`, today's.
    pub statuses: Vec<FacetCount>,
}

/// A document as it arrives to be stored: a record of an import file
/// (`portal-server import-documents FILE.json`, `F` = `DocumentFileInput`) or what staff send
/// (`POST /admin/documents`, `F` = `UploadedFileRef`). One shape and one set of rules for
/// both; only how the files are named differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord<F> {
    /// Made from the number and the abstract when absent.
    #[serde(default)]
    pub slug: Option<String>,
    pub number: String,
    /// The type's name, code or slug: `Quyết định`, `QĐ` or `quyet-dinh`.
    #[serde(rename = "type")]
    pub kind: String,
    pub issuer: String,
    pub signer: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    #[serde(default)]
    pub effective_on: Option<String>,
    #[serde(default)]
    pub expires_on: Option<String>,
    pub field: String,
    pub summary: String,
    #[serde(default)]
    pub body_html: Option<String>,
    pub files: Vec<F>,
    /// Slugs of documents this one replaces, in the same import file or already stored.
    #[serde(default)]
    pub replaces: Vec<String>,
    #[serde(default)]
    pub amends: Vec<String>,
    #[serde(default)]
    pub guides: Vec<String>,
}

/// A document in an import file, its files named by paths beside it.
pub type DocumentInput = DocumentRecord<DocumentFileInput>;

/// A file of an import record: its path relative to the import file, and the name it is
/// served under (the path's last part when absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFileInput {
    pub path: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// A file staff uploaded (`POST /admin/document-files`), to attach to documents by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadedFile {
    /// The SHA-256 of its bytes, in lowercase hex: the same file uploaded twice is one file.
    pub id: String,
    /// The name it downloads as.
    pub name: String,
    /// In bytes.
    pub size: u64,
    /// `application/pdf`, ...
    pub content_type: String,
    /// `PDF`, `DOCX`, ...
    pub format: String,
}

/// A file a document from the staff area attaches: an uploaded file's id, and the name it
/// downloads as (with the extension of the file's kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UploadedFileRef {
    pub id: String,
    pub name: String,
}

/// `POST /admin/documents`: a new document, its files uploaded first.
pub type StaffDocumentInput = DocumentRecord<UploadedFileRef>;

/// `PUT /admin/documents/{slug}`: the document as it is to be, and the `version` it was
/// edited from; a document changed since is not overwritten (409). The slug stays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffDocumentSave {
    pub version: String,
    // Not the alias: the OpenAPI document names a schema by the type written here.
    pub document: DocumentRecord<UploadedFileRef>,
}

/// A document as staff edit it: what `PUT` takes back as it is, and its version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffDocument {
    /// Changes whenever anything of the document does (a digest of `document`): send it back
    /// with a save.
    pub version: String,
    /// RFC 3339, +07:00.
    pub updated_at: String,
    /// Its slug filled in, `type` as the type's slug, dates as `YYYY-MM-DD`, relations by slug.
    pub document: DocumentRecord<UploadedFileRef>,
    /// What each of `document.files` is (its size, its kind), in the same order.
    pub files: Vec<UploadedFile>,
}

impl From<&UploadedFile> for UploadedFileRef {
    fn from(file: &UploadedFile) -> Self {
        UploadedFileRef {
            id: file.id.clone(),
            name: file.name.clone(),
        }
    }
}

/// A document's name as its page's heading, link previews and feeds show it: the type and
/// the number, `Quyết định 125/QĐ-UBND`.
pub fn document_title(kind: &DocumentTypeRef, number: &str) -> String {
    format!("{} {number}", kind.name)
}

/// `/files/{id}/{name}`: where an attached file is served, the name percent-encoded as a
/// path segment.
pub fn file_url(id: i64, name: &str) -> String {
    let mut url = format!("/files/{id}/");
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_found_by_name_code_or_slug() {
        for text in ["Quyết định", "quyet dinh", "QĐ", "qd", "quyet-dinh"] {
            assert_eq!(DocumentKind::by_name(text).unwrap().slug, "quyet-dinh");
        }
        assert_eq!(DocumentKind::by_name("QyĐ").unwrap().slug, "quy-dinh");
        assert!(DocumentKind::by_name("Thư").is_none());
        let mut slugs: Vec<_> = DOCUMENT_KINDS.iter().map(|kind| kind.slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), DOCUMENT_KINDS.len());
        for kind in DOCUMENT_KINDS {
            assert_eq!(crate::slugify(kind.name), kind.slug);
        }
    }

    #[test]
    fn file_urls_encode_the_name_as_one_segment() {
        assert_eq!(
            file_url(7, "Quyết định 125/QĐ.pdf"),
            "/files/7/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20125%2FQ%C4%90.pdf"
        );
        assert_eq!(file_url(1, "a-b_c.d~e"), "/files/1/a-b_c.d~e");
    }
}
