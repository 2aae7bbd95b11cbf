//! Giới thiệu: the portal's editorial pages (`/gioi-thieu`) and the organisation that runs the
//! place, with every unit's functions, contacts and leaders (`/co-cau-to-chuc`).

use serde::{Deserialize, Serialize};

pub const ABOUT_PAGE_PATH: &str = "/gioi-thieu";
/// The editorial page `/gioi-thieu` shows (`GET /pages/{slug}`).
pub const ABOUT_PAGE_SLUG: &str = "gioi-thieu";
pub const ORGANIZATION_PAGE_PATH: &str = "/co-cau-to-chuc";

/// An editorial page (`GET /pages/{slug}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SitePage {
    pub slug: String,
    pub title: String,
    /// One sentence, for previews and the page's description.
    pub summary: String,
    /// Sanitized HTML.
    pub body_html: String,
}

/// What a unit is in the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Hội đồng nhân dân.
    Council,
    /// Ủy ban nhân dân.
    Committee,
    /// A specialised office (phòng, ban, văn phòng).
    Office,
    /// A public service unit (đơn vị sự nghiệp).
    ServiceUnit,
    /// A commune or town (xã, thị trấn).
    Commune,
}

impl UnitKind {
    /// The heading of the group of children of this kind.
    pub fn group_label(self) -> &'static str {
        match self {
            UnitKind::Council => "Hội đồng nhân dân",
            UnitKind::Committee => "Ủy ban nhân dân",
            UnitKind::Office => "Cơ quan chuyên môn",
            UnitKind::ServiceUnit => "Đơn vị sự nghiệp",
            UnitKind::Commune => "Xã, thị trấn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Leader {
    pub name: String,
    pub position: String,
}

/// One unit of the organisation, with the units under it (`GET /organization`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrgUnit {
    pub slug: String,
    pub name: String,
    pub kind: UnitKind,
    /// Chức năng, nhiệm vụ.
    pub functions: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// The place on the district map (`/ban-do`) it is at, by the map's id.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub leaders: Vec<Leader>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<OrgUnit>,
}

/// The organisation from its top units (`GET /organization`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub units: Vec<OrgUnit>,
}

/// `tel:` for a phone number as written (`0203 3878 125`): its digits and a leading `+`.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_what_dials() {
        assert_eq!(tel_href("0203 3878 125"), "tel:02033878125");
        assert_eq!(tel_href("+84 (203) 3878.125"), "tel:+842033878125");
    }
}
