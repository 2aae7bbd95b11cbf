//! The shapes of the files under `content/` that seeding reads (`site.json`,
//! `categories.json`, `map.geojson`, `schedule.json`); articles use the contract's
//! `ArticleInput`, as `import` does.

use portal_contract::{Contacts, Geometry, PlaceKind};
use serde::{Deserialize, Serialize};

use crate::store::map::NewPlaceLink;

/// The site's own settings, as `content/site.json` gives them (the menu comes from categories).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    pub name: String,
    pub short_name: String,
    pub description: String,
    #[serde(default)]
    pub logo_url: Option<String>,
    pub contacts: Contacts,
    /// Visits counted before this portal (by the old one), added to the total.
    #[serde(default)]
    pub visits_before: u64,
    /// The settings of the English pages (`content/en/site.json`), when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub english: Option<EnglishSiteSettings>,
}

/// What the English pages show of the site, as `content/en/site.json` gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishSiteSettings {
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub contacts: Contacts,
    /// The district at a glance, on the English home page.
    #[serde(default)]
    pub glance: Vec<portal_contract::Fact>,
}

/// A category as content files declare it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySettings {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
}

/// `content/map.geojson`: a GeoJSON FeatureCollection, as GIS tools export it.
#[derive(Debug, Deserialize)]
pub struct PlaceFile {
    pub features: Vec<PlaceFeature>,
}

#[derive(Debug, Deserialize)]
pub struct PlaceFeature {
    pub id: String,
    pub geometry: Geometry,
    pub properties: PlaceFeatureProperties,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceFeatureProperties {
    pub name: String,
    pub kind: PlaceKind,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub link: Option<NewPlaceLink>,
    pub approximate: bool,
}

/// A schedule entry in `content/schedule.json`, dated relative to the week of seeding so the
/// demo always has a current week to show.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleTemplate {
    /// 0 is the week of seeding, -1 the one before.
    pub week_offset: i64,
    /// 1 is Monday, 7 is Sunday.
    pub weekday: u64,
    pub time: String,
    pub content: String,
    pub chair: String,
    pub participants: String,
    pub place: String,
}

/// `content/questions.json`: the fields questions are filed under, and answered questions to
/// show on `/hoi-dap` (demo content: no contact details).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub fields: Vec<portal_contract::questions::QuestionField>,
    #[serde(default)]
    pub questions: Vec<AnsweredQuestion>,
}

/// A question already answered and published.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnsweredQuestion {
    pub name: String,
    pub title: String,
    pub message: String,
    /// A field's slug from the same file.
    pub field: String,
    pub asked_at: chrono::DateTime<chrono::FixedOffset>,
    pub answered_at: chrono::DateTime<chrono::FixedOffset>,
    pub unit: String,
    pub answer_html: String,
}
