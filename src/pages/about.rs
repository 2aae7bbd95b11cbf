//! Giới thiệu: `/gioi-thieu`, the district's editorial page, and `/co-cau-to-chuc`, the
//! organisation that runs it as a tree of units, each with its functions, contacts and
//! leaders, its children grouped by kind; in English `/en/about`, `/en/organization` and
//! `/en/contact` (an editorial page of the English content only).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::about::{
    about_path, more_link, tel_href, OrgUnit, SitePage, UnitKind, ABOUT_PAGE_SLUG,
};
use portal_contract::i18n::CONTACT_PAGE_SLUG;
use portal_contract::{Lang, Texts};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::i18n;
use crate::reading_view;
use crate::urls::{self, FULL_APP_LINK_REL};

#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = i18n::lang();
    let page = LocalResource::new(move || api::site_page(ABOUT_PAGE_SLUG, lang));
    reading_view::hand_over_when_loaded(page);
    view! { {loaded(page, Fit::page(10), |page| view! { <SitePageView page /> })} }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let page = LocalResource::new(|| api::site_page(CONTACT_PAGE_SLUG, Lang::En));
    reading_view::hand_over_when_loaded(page);
    view! { {loaded(page, Fit::page(10), |page| view! { <SitePageView page /> })} }
}

/// An editorial page. Its markup is copied by the server's reading view
/// (`server/src/reading_view.rs`); `tests/e2e/reading-view-drift.spec.ts` compares the two.
#[component]
fn SitePageView(page: SitePage) -> impl IntoView {
    let lang = i18n::lang();
    let t = lang.texts();
    let (more_href, more_text) = more_link(lang, &page.slug);
    view! {
        <Title text=page.title.clone() />
        <Meta name="description" content=page.summary.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb_label>
            <ol>
                <li><a href=lang.home()>{t.menu_home}</a></li>
            </ol>
        </nav>
        <article class="site-page">
            <h1 class="article-title">{page.title}</h1>
            <p class="article-summary">{page.summary}</p>
            // The server sanitized this HTML with the articles' allowlist before storing it.
            <div class="article-body" inner_html=page.body_html></div>
            <p class="more-link"><a href=more_href>{more_text}</a></p>
        </article>
    }
}

#[component]
pub fn OrganizationPage() -> impl IntoView {
    let lang = i18n::lang();
    let t = lang.texts();
    let about = about_path(lang);
    let organization = LocalResource::new(move || api::organization(lang));
    reading_view::hand_over_when_loaded(organization);
    view! {
        {loaded(organization, Fit::page(12), move |organization| view! {
            <Title text=t.org_title />
            <Meta name="description" content=t.org_description />
            <nav class="breadcrumb" aria-label=t.breadcrumb_label>
                <ol>
                    <li><a href=lang.home()>{t.menu_home}</a></li>
                    <li><a href=about>{t.menu_about}</a></li>
                </ol>
            </nav>
            <article class="organization">
                <h1 class="article-title">{t.org_title}</h1>
                <p class="article-summary">{t.org_description}</p>
                {units(organization.units, 2, t)}
            </article>
        })}
    }
}

/// Units as a list, each under a heading of `level`. The markup is copied by the server's
/// reading view (`render_organization`), which the drift test compares.
fn units(units: Vec<OrgUnit>, level: u8, t: &'static Texts) -> AnyView {
    view! {
        <ul class="org-units">
            {units.into_iter().map(|unit| view! { <li class="org-unit">{unit_view(unit, level, t)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

fn unit_view(unit: OrgUnit, level: u8, t: &'static Texts) -> AnyView {
    let OrgUnit {
        name,
        functions,
        address,
        phone,
        email,
        place,
        leaders,
        children,
        ..
    } = unit;
    let map_link = place.map(|_| {
        view! { " · " <a href=urls::MAP rel=FULL_APP_LINK_REL>{t.org_on_map}</a> }
    });
    let phone = (!phone.is_empty()).then(|| {
        view! { <div><dt>{t.org_phone}</dt><dd><a href=tel_href(&phone)>{phone.clone()}</a></dd></div> }
    });
    let email = (!email.is_empty()).then(|| {
        view! { <div><dt>{t.org_email}</dt><dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd></div> }
    });
    let leaders = (!leaders.is_empty()).then(|| {
        view! {
            <div>
                <dt>{t.org_leaders}</dt>
                <dd>
                    <ul class="org-leaders">
                        {leaders.into_iter().map(|leader| view! {
                            <li><span class="org-leader-position">{format!("{}:", leader.position)}</span> " " {leader.name}</li>
                        }).collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    // The children by kind, in the order their first one comes: a heading for each kind.
    let mut kinds: Vec<UnitKind> = Vec::new();
    for child in &children {
        if !kinds.contains(&child.kind) {
            kinds.push(child.kind);
        }
    }
    let groups = kinds
        .into_iter()
        .map(|kind| {
            let group: Vec<OrgUnit> = children
                .iter()
                .filter(|child| child.kind == kind)
                .cloned()
                .collect();
            view! {
                {heading(level + 1, "org-group-heading", kind.group_label(t).to_string())}
                {units(group, level + 2, t)}
            }
        })
        .collect_view();
    view! {
        {heading(level, "org-unit-name", name)}
        <p class="org-functions">{functions}</p>
        <dl class="org-facts">
            <div><dt>{t.org_address}</dt><dd>{address}{map_link}</dd></div>
            {phone}
            {email}
            {leaders}
        </dl>
        {groups}
    }
    .into_any()
}

/// A heading of `level` (2 to 6; deeper ones stay at 6). One element whose tag is chosen when
/// drawn: a view per level would put five copies of the same code into the download.
fn heading(level: u8, class: &'static str, text: String) -> AnyView {
    const TAGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];
    let tag = TAGS[usize::from(level.clamp(2, 6) - 2)];
    leptos::html::custom(tag)
        .class(class)
        .child(text)
        .into_any()
}
