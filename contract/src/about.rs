//! Giới thiệu: the portal's editorial pages (`/gioi-thieu`) and the organisation that runs the
//! place, with every unit's functions, contacts and leaders (`/co-cau-to-chuc`).

use serde::{Deserialize, Serialize};

use crate::feedback::FieldErrors;
use crate::limits::{ARTICLE_BODY_MAX_BYTES, ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS};
use crate::text::{has_visible, slugify};

pub const ABOUT_PAGE_PATH: &str = "/gioi-thieu";
/// The editorial page `/gioi-thieu` shows (`GET /pages/{slug}`).
pub const ABOUT_PAGE_SLUG: &str = "gioi-thieu";
pub const ORGANIZATION_PAGE_PATH: &str = "/co-cau-to-chuc";
/// Where an editorial page leads on, as (path, link text): the introduction to the
/// organisation, the English contact page to the English introduction.
pub fn more_link(lang: crate::Lang, slug: &str) -> (&'static str, &'static str) {
    let t = lang.texts();
    match (lang, slug == ABOUT_PAGE_SLUG) {
        (crate::Lang::Vi, _) => (ORGANIZATION_PAGE_PATH, t.org_more),
        (crate::Lang::En, true) => (crate::i18n::EN_ORGANIZATION_PATH, t.org_more),
        (crate::Lang::En, false) => (crate::i18n::EN_ABOUT_PATH, t.contact_more),
    }
}

/// The introduction's page in `lang`.
pub fn about_path(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::Vi => ABOUT_PAGE_PATH,
        crate::Lang::En => crate::i18n::EN_ABOUT_PATH,
    }
}

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
    pub fn group_label(self, t: &crate::Texts) -> &'static str {
        match self {
            UnitKind::Council => t.org_group_council,
            UnitKind::Committee => t.org_group_committee,
            UnitKind::Office => t.org_group_office,
            UnitKind::ServiceUnit => t.org_group_service_unit,
            UnitKind::Commune => t.org_group_commune,
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

/// `PUT /admin/pages/{slug}`: an editorial page's new text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PageEdit {
    pub title: String,
    pub summary: String,
    /// HTML, sanitized as an article's body is.
    pub body_html: String,
}

/// Every problem with a page's new text, by field.
pub fn validate_page_edit(edit: &PageEdit) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, text, max) in [
        ("title", &edit.title, ARTICLE_TITLE_MAX_CHARS),
        ("summary", &edit.summary, ARTICLE_SUMMARY_MAX_CHARS),
    ] {
        if !has_visible(text) {
            errors.insert(field.into(), "Vui lòng nhập nội dung.".into());
        } else if text.chars().count() > max {
            errors.insert(field.into(), format!("Dài tối đa {max} ký tự."));
        }
    }
    if !has_visible(&edit.body_html) {
        errors.insert("body_html".into(), "Vui lòng nhập nội dung trang.".into());
    } else if edit.body_html.len() > ARTICLE_BODY_MAX_BYTES {
        errors.insert(
            "body_html".into(),
            format!("Nội dung dài tối đa {} KB.", ARTICLE_BODY_MAX_BYTES / 1024),
        );
    }
    errors
}

/// Every problem with an organisation, by the path of the field (`units[1].children[3].phone`):
/// each unit needs a slug of its own, a name, functions and contacts.
pub fn validate_organization(organization: &Organization) -> FieldErrors {
    fn check(units: &[OrgUnit], path: &str, slugs: &mut Vec<String>, errors: &mut FieldErrors) {
        for (index, unit) in units.iter().enumerate() {
            let here = format!("{path}[{index}]");
            if unit.slug.is_empty() || unit.slug != slugify(&unit.slug) {
                errors.insert(
                    format!("{here}.slug"),
                    "Mã đơn vị gồm chữ thường không dấu nối bằng “-”.".into(),
                );
            } else if slugs.contains(&unit.slug) {
                errors.insert(
                    format!("{here}.slug"),
                    "Mã đơn vị đã dùng cho đơn vị khác.".into(),
                );
            }
            slugs.push(unit.slug.clone());
            for (field, text) in [
                ("name", &unit.name),
                ("functions", &unit.functions),
                ("address", &unit.address),
                ("phone", &unit.phone),
                ("email", &unit.email),
            ] {
                if !has_visible(text) {
                    errors.insert(format!("{here}.{field}"), "Vui lòng nhập nội dung.".into());
                } else if text.chars().count() > UNIT_TEXT_MAX_CHARS {
                    errors.insert(
                        format!("{here}.{field}"),
                        format!("Dài tối đa {UNIT_TEXT_MAX_CHARS} ký tự."),
                    );
                }
            }
            for (number, leader) in unit.leaders.iter().enumerate() {
                if !has_visible(&leader.name) || !has_visible(&leader.position) {
                    errors.insert(
                        format!("{here}.leaders[{number}]"),
                        "Vui lòng nhập họ tên và chức vụ.".into(),
                    );
                }
            }
            check(&unit.children, &format!("{here}.children"), slugs, errors);
        }
    }
    let mut errors = FieldErrors::new();
    if organization.units.is_empty() {
        errors.insert("units".into(), "Cần ít nhất một đơn vị.".into());
    }
    check(&organization.units, "units", &mut Vec::new(), &mut errors);
    errors
}

/// A unit's text fields, in characters: a few sentences of functions at most.
pub const UNIT_TEXT_MAX_CHARS: usize = 2000;

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

    fn unit(slug: &str) -> OrgUnit {
        OrgUnit {
            slug: slug.into(),
            name: "Phòng Tư pháp".into(),
            kind: UnitKind::Office,
            functions: "Tham mưu về tư pháp.".into(),
            address: "Khu Bình Công".into(),
            phone: "0203 3878 130".into(),
            email: "tuphap@example.vn".into(),
            place: None,
            leaders: vec![],
            children: vec![],
        }
    }

    #[test]
    fn an_organisation_is_checked_down_its_tree() {
        let mut top = unit("ubnd");
        let mut child = unit("tu-phap");
        child.phone = " ".into();
        top.children = vec![child, unit("ubnd")];
        let errors = validate_organization(&Organization { units: vec![top] });
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            ["units[0].children[0].phone", "units[0].children[1].slug"]
        );
        assert!(validate_organization(&Organization {
            units: vec![unit("ubnd")]
        })
        .is_empty());
    }

    #[test]
    fn phone_links_keep_only_what_dials() {
        assert_eq!(tel_href("0203 3878 125"), "tel:02033878125");
        assert_eq!(tel_href("+84 (203) 3878.125"), "tel:+842033878125");
    }
}
