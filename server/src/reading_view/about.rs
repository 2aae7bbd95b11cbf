//! The editorial pages (`/gioi-thieu`, `/en/about`, `/en/contact`) and the organisation's
//! tree (`src/pages/about.rs`).

use portal_contract::about::{
    about_path, more_link, tel_href, OrgUnit, Organization, SitePage, UnitKind,
};
use portal_contract::i18n::{counterpart_page, EN_ORGANIZATION_PATH};
use portal_contract::{Lang, Site, Texts, READING_VIEW_ID};

use super::header::{header, switch_target};
use super::parts::heading;
use crate::html::escape;

/// The reading view of an editorial page (`/gioi-thieu`, `/en/about`, `/en/contact`), at
/// `path`, under the portal's name and menu.
pub fn render_page(site: Option<&Site>, page: &SitePage, path: &str) -> String {
    let lang = Lang::of_path(path);
    let t = lang.texts();
    let (more_href, more_text) = more_link(lang, &page.slug);
    // The body was sanitized with the articles' allowlist before it was stored.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li></ol></nav>\
         <article class=\"site-page\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{summary}</p><div class=\"article-body\">{body}</div>\
         <p class=\"more-link\"><a href=\"{more_href}\">{more_text}</a></p>\
         </article></main></div>",
        header = header(site, lang, &switch_target(lang, counterpart_page(path))),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        title = escape(&page.title),
        summary = escape(&page.summary),
        body = page.body_html,
    )
}

/// The reading view of the organisation (`/co-cau-to-chuc`, `/en/organization`) under the
/// portal's name and menu.
pub fn render_organization(site: Option<&Site>, organization: &Organization, lang: Lang) -> String {
    let t = lang.texts();
    let path = match lang {
        Lang::Vi => portal_contract::about::ORGANIZATION_PAGE_PATH,
        Lang::En => EN_ORGANIZATION_PATH,
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li>\
         <li><a href=\"{about}\">{about_text}</a></li></ol></nav>\
         <article class=\"organization\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{description}</p>{units}</article></main></div>",
        header = header(site, lang, &switch_target(lang, counterpart_page(path))),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        about = about_path(lang),
        about_text = t.menu_about,
        title = t.org_title,
        description = t.org_description,
        units = org_units(&organization.units, 2, t),
    )
}

/// Units as a list, each under a heading of `level`, as the app's `units` in
/// `src/pages/about.rs`.
fn org_units(units: &[OrgUnit], level: u8, t: &Texts) -> String {
    let items: String = units
        .iter()
        .map(|unit| format!("<li class=\"org-unit\">{}</li>", org_unit(unit, level, t)))
        .collect();
    format!("<ul class=\"org-units\">{items}</ul>")
}

fn org_unit(unit: &OrgUnit, level: u8, t: &Texts) -> String {
    let map_link = if unit.place.is_some() {
        format!(
            " · <a href=\"/ban-do\" rel=\"external\">{}</a>",
            t.org_on_map
        )
    } else {
        String::new()
    };
    let mut facts = format!(
        "<div><dt>{}</dt><dd>{}{map_link}</dd></div>",
        t.org_address,
        escape(&unit.address)
    );
    if !unit.phone.is_empty() {
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><a href=\"{}\">{}</a></dd></div>",
            t.org_phone,
            escape(&tel_href(&unit.phone)),
            escape(&unit.phone)
        ));
    }
    if !unit.email.is_empty() {
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><a href=\"mailto:{1}\">{1}</a></dd></div>",
            t.org_email,
            escape(&unit.email)
        ));
    }
    if !unit.leaders.is_empty() {
        let leaders: String = unit
            .leaders
            .iter()
            .map(|leader| {
                format!(
                    "<li><span class=\"org-leader-position\">{}:</span> {}</li>",
                    escape(&leader.position),
                    escape(&leader.name)
                )
            })
            .collect();
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><ul class=\"org-leaders\">{leaders}</ul></dd></div>",
            t.org_leaders
        ));
    }
    // The children by kind, in the order their first one comes, each kind under a heading.
    let mut kinds: Vec<UnitKind> = Vec::new();
    for child in &unit.children {
        if !kinds.contains(&child.kind) {
            kinds.push(child.kind);
        }
    }
    let groups: String = kinds
        .into_iter()
        .map(|kind| {
            let group: Vec<OrgUnit> = unit
                .children
                .iter()
                .filter(|child| child.kind == kind)
                .cloned()
                .collect();
            format!(
                "{}{}",
                heading(level + 1, "org-group-heading", kind.group_label(t)),
                org_units(&group, level + 2, t)
            )
        })
        .collect();
    format!(
        "{}<p class=\"org-functions\">{}</p><dl class=\"org-facts\">{facts}</dl>{groups}",
        heading(level, "org-unit-name", &unit.name),
        escape(&unit.functions),
    )
}
