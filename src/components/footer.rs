//! The bottom of every page: who runs the portal and how to reach them.

use crate::i18n;
use crate::site::use_site;
use crate::urls::{self, FULL_APP_LINK_REL};
use leptos::prelude::*;
use portal_contract::Lang;

#[component]
pub fn Footer() -> impl IntoView {
    let lang = i18n::lang();
    let t = lang.texts();
    let site = use_site();
    let contacts = move || {
        site.get().and_then(Result::ok).map(|site| {
            let contacts = site.contacts;
            let phone_href = portal_contract::about::tel_href(&contacts.phone);
            let email_href = format!("mailto:{}", contacts.email);
            view! {
                <p class="footer-name">{site.name}</p>
                <p>{t.footer_agency} {contacts.agency}</p>
                <address>
                    <p>{t.footer_address} {contacts.address}</p>
                    <p>{t.footer_phone} <a href=phone_href>{contacts.phone}</a></p>
                    <p>{t.footer_email} <a href=email_href>{contacts.email}</a></p>
                </address>
                <p>{t.footer_responsible} {contacts.responsible}</p>
            }
        })
    };
    let links = match lang {
        Lang::Vi => view! {
            <ul>
                <li><a href=urls::DOCUMENTS>{t.footer_documents}</a></li>
                <li><a href=urls::PROCEDURES>{t.footer_procedures}</a></li>
                <li><a href=urls::SCHEDULE>{t.footer_schedule}</a></li>
                <li><a href=urls::MAP rel=FULL_APP_LINK_REL>{t.footer_map}</a></li>
                <li><a href=urls::LINKS>{t.footer_links}</a></li>
                <li><a href=urls::QUESTIONS>{t.footer_questions}</a></li>
                <li><a href=urls::ABOUT>{t.footer_about}</a></li>
                <li><a href=urls::ORGANIZATION>{t.footer_organization}</a></li>
                <li><a href=urls::FEEDBACK>{t.footer_feedback}</a></li>
                <li><a href=urls::LOOKUP>{t.footer_lookup}</a></li>
                <li><a href=urls::SAVED>{t.footer_saved}</a></li>
                <li><a href=urls::EMBED_GALLERY rel=FULL_APP_LINK_REL>{t.footer_embeds}</a></li>
            </ul>
        }
        .into_any(),
        Lang::En => view! {
            <ul>
                <li><a href=urls::EN_HOME>{t.menu_news}</a></li>
                <li><a href=urls::EN_ABOUT>{t.footer_about}</a></li>
                <li><a href=urls::EN_ORGANIZATION>{t.footer_organization}</a></li>
                <li><a href=urls::EN_CONTACT>{t.menu_contact}</a></li>
            </ul>
        }
        .into_any(),
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <nav class="footer-links" aria-label=t.footer_links_label>{links}</nav>
                {contacts}
            </div>
        </footer>
    }
}
