//! Thủ tục hành chính: what each administrative procedure asks of a citizen, who handles it,
//! and where to do it online. The portal links out to the national public service portal and
//! takes no applications.

use serde::{Deserialize, Serialize};

use crate::documents::DocumentFile;

/// The procedures' list and one procedure: `/thu-tuc`, `/thu-tuc/{slug}`.
pub const PROCEDURES_PAGE_PATH: &str = "/thu-tuc";
/// The list's query parameters for the field and the level.
pub const PROCEDURE_FIELD_PARAM: &str = "linh-vuc";
pub const PROCEDURE_LEVEL_PARAM: &str = "muc-do";

/// The names `/thu-tuc` gives its field and level filters and its words in its address, in
/// the order `procedures_href` takes them.
pub const PROCEDURE_FILTERS: [&str; 3] = [PROCEDURE_FIELD_PARAM, PROCEDURE_LEVEL_PARAM, "q"];

pub fn procedure_href(slug: &str) -> String {
    format!("{PROCEDURES_PAGE_PATH}/{slug}")
}

/// The address of page `page` of the procedures of `field` and `level` (slugs; any when
/// empty) with `text`, its values written by `encode` (`paging::listing_href`).
pub fn procedures_href(
    field: &str,
    level: &str,
    text: &str,
    page: u32,
    encode: impl Fn(&str) -> String,
) -> String {
    crate::paging::listing_href(
        PROCEDURES_PAGE_PATH,
        PROCEDURE_FILTERS
            .into_iter()
            .zip([field, level, text.trim()]),
        page,
        encode,
    )
}

/// The list's description, in the page and in link previews alike.
pub const PROCEDURES_DESCRIPTION: &str =
    "Thủ tục hành chính ở huyện Bình Liêu: trình tự, thành phần \
    hồ sơ, thời hạn, phí và lệ phí, tra cứu theo lĩnh vực, cấp thực hiện và tên thủ tục.";

/// A procedure's description, in its page and in link previews alike: its name and field.
pub fn procedure_description(name: &str, field: &str) -> String {
    format!("{name} (lĩnh vực {field}): trình tự, thành phần hồ sơ, thời hạn giải quyết, phí và lệ phí.")
}

/// The level of government that handles a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProcedureLevel {
    CapXa,
    CapHuyen,
    CapTinh,
}

impl ProcedureLevel {
    pub const ALL: [ProcedureLevel; 3] = [
        ProcedureLevel::CapXa,
        ProcedureLevel::CapHuyen,
        ProcedureLevel::CapTinh,
    ];

    /// As stored, and as `?level=` and `?muc-do=` take it.
    pub fn slug(self) -> &'static str {
        match self {
            ProcedureLevel::CapXa => "cap-xa",
            ProcedureLevel::CapHuyen => "cap-huyen",
            ProcedureLevel::CapTinh => "cap-tinh",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            ProcedureLevel::CapXa => "Cấp xã",
            ProcedureLevel::CapHuyen => "Cấp huyện",
            ProcedureLevel::CapTinh => "Cấp tỉnh",
        }
    }
}

/// How much of a procedure can be done on the national public service portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineService {
    /// Toàn trình: from the application to the result.
    Full,
    /// Một phần: applied for online, finished in person.
    Partial,
    None,
}

impl OnlineService {
    pub fn label(self) -> &'static str {
        match self {
            OnlineService::Full => "Dịch vụ công trực tuyến toàn trình",
            OnlineService::Partial => "Dịch vụ công trực tuyến một phần",
            OnlineService::None => "Chưa có dịch vụ công trực tuyến",
        }
    }
}

/// A way to hand in the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WayKind {
    /// At the Trung tâm Phục vụ hành chính công, or the commune's one-stop desk.
    InPerson,
    Post,
    Online,
}

impl WayKind {
    pub fn label(self) -> &'static str {
        match self {
            WayKind::InPerson => "Trực tiếp",
            WayKind::Post => "Qua bưu chính",
            WayKind::Online => "Trực tuyến",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Way {
    pub kind: WayKind,
    pub note: String,
}

/// A field (lĩnh vực) procedures are grouped under (`GET /procedure-fields`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureField {
    pub slug: String,
    pub name: String,
}

/// One paper of the application (thành phần hồ sơ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Requirement {
    pub name: String,
    /// How many, and in what form: `01 bản chính`.
    pub copies: String,
    /// The blank form to fill in, when there is one: a document of the library's first file.
    pub form: Option<ProcedureForm>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureForm {
    /// The document that publishes the form, at `/van-ban/{document}`.
    pub document: String,
    pub file: DocumentFile,
}

/// A legal basis (căn cứ pháp lý), linked to the documents library when it holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalBasis {
    pub title: String,
    /// The document's slug in the library (`/van-ban/{document}`).
    pub document: Option<String>,
}

/// A procedure in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureSummary {
    pub slug: String,
    /// The national code (mã thủ tục), such as `1.001193`.
    pub code: String,
    pub name: String,
    pub field: ProcedureField,
    pub level: ProcedureLevel,
    pub online: OnlineService,
}

/// The whole procedure (`GET /procedures/{slug}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Procedure {
    pub slug: String,
    pub code: String,
    pub name: String,
    pub field: ProcedureField,
    pub level: ProcedureLevel,
    /// Cơ quan thực hiện.
    pub agency: String,
    /// Trình tự thực hiện, in order.
    pub steps: Vec<String>,
    /// Cách thức thực hiện.
    pub ways: Vec<Way>,
    /// Thành phần hồ sơ.
    pub requirements: Vec<Requirement>,
    /// Thời hạn giải quyết.
    pub processing_time: String,
    /// Phí, lệ phí.
    pub fees: String,
    /// Kết quả thực hiện.
    pub result: String,
    pub legal_bases: Vec<LegalBasis>,
    pub online: OnlineService,
    /// The procedure on the national public service portal, when it can be done online.
    pub service_url: Option<String>,
    /// The code, fees and time limits were written from general knowledge and not checked
    /// against a public source: the page says so.
    pub illustrative: bool,
}

impl Procedure {
    pub fn summary(&self) -> ProcedureSummary {
        ProcedureSummary {
            slug: self.slug.clone(),
            code: self.code.clone(),
            name: self.name.clone(),
            field: self.field.clone(),
            level: self.level,
            online: self.online,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_back_from_their_slugs() {
        for level in ProcedureLevel::ALL {
            assert_eq!(ProcedureLevel::from_slug(level.slug()), Some(level));
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.slug()));
        }
        assert_eq!(ProcedureLevel::from_slug("cap-thon"), None);
    }
}
