//! What the staff area sends and receives: articles through their workflow (draft, submitted,
//! scheduled, published, unpublished) with revisions, photos, the work schedule and the linked
//! websites. The reader app never compiles against this module's endpoints.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::api::{Image, LinkGroup};

/// Where an article is in its workflow. Only `Published` articles are public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ArticleStatus {
    /// Nháp: being written.
    Draft,
    /// Chờ duyệt: waiting for an approver.
    Submitted,
    /// Hẹn giờ: approved, appears by itself at `publish_at`.
    Scheduled,
    /// Đã đăng: public.
    Published,
    /// Đã gỡ: was public, taken down.
    Unpublished,
}

impl ArticleStatus {
    pub const ALL: [ArticleStatus; 5] = [
        ArticleStatus::Draft,
        ArticleStatus::Submitted,
        ArticleStatus::Scheduled,
        ArticleStatus::Published,
        ArticleStatus::Unpublished,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Submitted => "submitted",
            ArticleStatus::Scheduled => "scheduled",
            ArticleStatus::Published => "published",
            ArticleStatus::Unpublished => "unpublished",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The status as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "Nháp",
            ArticleStatus::Submitted => "Chờ duyệt",
            ArticleStatus::Scheduled => "Hẹn giờ đăng",
            ArticleStatus::Published => "Đã đăng",
            ArticleStatus::Unpublished => "Đã gỡ",
        }
    }
}

/// `POST /admin/articles`: a new draft, in the import format.
pub type NewDraft = crate::api::ArticleInput;

/// `POST /admin/articles`: the response to a new draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleCreated {
    pub id: i64,
    pub slug: String,
    pub status: ArticleStatus,
}

/// The fields staff write; the same as an import record's, less the slug (made from the title
/// when the draft is created, and kept from then on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleContent {
    pub title: String,
    /// The slug of an existing category.
    pub category: String,
    pub author: String,
    /// Empty: made from the body's first words.
    pub summary: String,
    /// Rich text; sanitized before it is stored.
    pub body_html: String,
    pub featured: bool,
    #[serde(default)]
    pub image: Option<Image>,
}

/// `PUT /admin/articles/{id}`: a save. `version` is the version the writer opened; when the
/// article has changed since, the save is refused with 409 and nothing is overwritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleSave {
    #[serde(deserialize_with = "whole_number")]
    pub version: i64,
    pub title: String,
    pub category: String,
    pub author: String,
    #[serde(default)]
    pub summary: String,
    pub body_html: String,
    #[serde(default)]
    pub featured: bool,
    #[serde(default)]
    pub image: Option<Image>,
}

impl ArticleSave {
    pub fn content(&self) -> ArticleContent {
        ArticleContent {
            title: self.title.clone(),
            category: self.category.clone(),
            author: self.author.clone(),
            summary: self.summary.clone(),
            body_html: self.body_html.clone(),
            featured: self.featured,
            image: self.image.clone(),
        }
    }
}

/// `GET /admin/articles/{id}`: an article as staff work on it (its working copy, which may be
/// ahead of what citizens read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffArticle {
    pub id: i64,
    pub slug: String,
    pub status: ArticleStatus,
    /// Goes up by one with every save and state change: send it back with the next save.
    pub version: i64,
    #[serde(flatten)]
    pub content: ArticleContent,
    /// When it was (or, scheduled, will be) published; RFC 3339, +07:00.
    pub publish_at: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
    /// Whether the working copy differs from what citizens read (published articles only).
    pub unpublished_changes: bool,
}

/// `GET /admin/articles`: one line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffArticleSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: ArticleStatus,
    pub category: String,
    pub publish_at: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
}

/// `POST /admin/articles/{id}/submit`, `/publish`, `/unpublish`: `version` as for a save,
/// when the caller has one (a script publishing what it just created need not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StateChange {
    #[serde(default, deserialize_with = "some_whole_number")]
    pub version: Option<i64>,
}

/// `POST /admin/articles/{id}/schedule`: publish by itself at `publish_at` (RFC 3339, in the
/// future).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub publish_at: String,
    #[serde(default, deserialize_with = "some_whole_number")]
    pub version: Option<i64>,
}

/// `GET /admin/articles/{id}/revisions`: one saved version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionSummary {
    /// 1 for the first save, then counting up.
    pub number: i64,
    pub saved_at: String,
    pub saved_by: Option<String>,
    /// What made it: `created`, `saved`, `restored`, `imported`.
    pub reason: String,
}

/// `GET /admin/articles/{id}/revisions/{number}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Revision {
    #[serde(flatten)]
    pub summary: RevisionSummary,
    pub content: ArticleContent,
}

/// `GET /admin/articles/{id}/diff?from=&to=`: what changed, field by field; fields that did
/// not change are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionDiff {
    pub from: i64,
    pub to: i64,
    pub fields: Vec<FieldDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldDiff {
    /// `title`, `summary`, `body`, `category`, `author`, `featured`, `image`.
    pub field: String,
    pub changes: Vec<Change>,
}

/// A run of text (the body as text, a line per paragraph) that stayed, went or came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub kind: ChangeKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Same,
    Removed,
    Added,
}

/// `GET /admin/articles/{id}/preview`: the article as citizens will see it, in the markup of
/// the page the server sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticlePreview {
    pub html: String,
}

/// `PUT /admin/schedule/{week}`: the week's entries, replacing what the week had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WeekEntries {
    pub entries: Vec<DatedScheduleEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedScheduleEntry {
    /// A day of the week being edited.
    pub date: NaiveDate,
    /// `HH:MM`.
    pub time: String,
    pub content: String,
    pub chair: String,
    pub participants: String,
    pub place: String,
}

/// `PUT /admin/links`: every group of linked websites, in order, replacing the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LinksEdit {
    pub groups: Vec<LinkGroup>,
}

/// A version number as JSON may write it: `3`, or `3.0` (JSON has one number type, and some
/// clients write every number with a decimal point).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    let number = serde_json::Number::deserialize(deserializer)?;
    number
        .as_i64()
        .or_else(|| {
            number
                .as_f64()
                .filter(|value| value.fract() == 0.0 && value.abs() < 9.0e15)
                .map(|value| value as i64)
        })
        .ok_or_else(|| serde::de::Error::custom("a version is a whole number"))
}

fn some_whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    Option::<serde_json::Number>::deserialize(deserializer)?
        .map(|number| whole_number(number).map_err(serde::de::Error::custom))
        .transpose()
}
