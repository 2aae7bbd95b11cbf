//! The app's header as far as it needs no script, which every reading view starts with.

use portal_contract::about::ABOUT_PAGE_PATH;
use portal_contract::documents::DOCUMENTS_PAGE_PATH;
use portal_contract::i18n::{EN_ABOUT_PATH, EN_CONTACT_PATH, EN_ORGANIZATION_PATH, EN_PREFIX};
use portal_contract::procedures::PROCEDURES_PAGE_PATH;
use portal_contract::questions::QUESTIONS_PAGE_PATH;
use portal_contract::{category_path, Lang, Site};

use crate::html::escape;

/// Where the language switch leads: the page's counterpart, or the other language's home.
pub(super) fn switch_target(lang: Lang, counterpart: Option<&str>) -> String {
    counterpart.unwrap_or(lang.other().home()).to_string()
}

/// The header of the Vietnamese pages that have no English counterpart.
pub(super) fn vietnamese_header(site: Option<&Site>) -> String {
    header(site, Lang::Vi, EN_PREFIX)
}

/// The app's header as far as it needs no script (`src/components/header.rs`): the link to
/// the other language (to `switch_to`), the portal's name and its menu in `lang` (in
/// Vietnamese the categories, the documents library, the questions, the procedures and the
/// introduction; in English the introduction, the organisation and the contacts).
pub(super) fn header(site: Option<&Site>, lang: Lang, switch_to: &str) -> String {
    let t = lang.texts();
    let site_name = site.map_or(t.site_name_default, |site| &site.name);
    let menu = match lang {
        Lang::Vi => {
            let categories: String = site
                .map_or(&[][..], |site| &site.menu)
                .iter()
                .map(|item| {
                    format!(
                        "<li><a href=\"{}\">{}</a></li>",
                        escape(&category_path(&item.slug)),
                        escape(&item.name)
                    )
                })
                .collect();
            format!(
                "<li><a href=\"/\">{}</a></li>{categories}\
                 <li><a href=\"{DOCUMENTS_PAGE_PATH}\">{}</a></li><li><a href=\"{QUESTIONS_PAGE_PATH}\">{}</a></li>\
                 <li><a href=\"{PROCEDURES_PAGE_PATH}\">{}</a></li><li><a href=\"{ABOUT_PAGE_PATH}\">{}</a></li>",
                t.menu_home, t.menu_documents, t.menu_questions, t.menu_procedures, t.menu_about
            )
        }
        Lang::En => format!(
            "<li><a href=\"{EN_PREFIX}\">{}</a></li><li><a href=\"{EN_ABOUT_PATH}\">{}</a></li>\
             <li><a href=\"{EN_ORGANIZATION_PATH}\">{}</a></li><li><a href=\"{EN_CONTACT_PATH}\">{}</a></li>",
            t.menu_home, t.menu_about, t.menu_organization, t.menu_contact
        ),
    };
    let other = lang.other();
    format!(
        "<header class=\"site-header\"><div class=\"utility-bar\">\
         <a class=\"language-switch\" href=\"{switch}\" hreflang=\"{code}\" lang=\"{code}\" rel=\"external\" aria-label=\"{label}\">{text}</a></div>\
         <div class=\"site-header-inner\">\
         <a class=\"site-name\" href=\"{home}\"><span class=\"site-emblem\" aria-hidden=\"true\">★</span>\
         <span>{site}</span></a></div>\
         <nav class=\"main-menu\" aria-label=\"{menu_label}\"><ul>{menu}</ul></nav>\
         </header>",
        switch = escape(switch_to),
        code = other.code(),
        label = t.switch_language_label,
        text = t.switch_language,
        home = lang.home(),
        site = escape(site_name),
        menu_label = t.menu_label,
    )
}
