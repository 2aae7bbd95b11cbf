//! The top of every page: the portal's name and the menu of categories, the documents
//! library, the questions, the procedures and the district's introduction (a menu button on
//! phones).

use leptos::prelude::*;
use portal_contract::{Lang, Site};

use crate::components::language_switch::LanguageSwitch;
use crate::components::search_box::SearchBox;
use crate::components::status::{loaded, Fit};
use crate::components::text_size::TextSize;
use crate::i18n;
use crate::site::use_site;
use crate::urls::{self, category_href};

#[component]
pub fn Header() -> impl IntoView {
    let lang = i18n::lang();
    let t = lang.texts();
    let site = use_site();
    let (menu_open, set_menu_open) = signal(false);
    let site_name = move || {
        site.get()
            .and_then(Result::ok)
            .map(|site| site.name)
            .unwrap_or_else(|| t.site_name_default.to_string())
    };
    view! {
        <header class="site-header">
            <div class="utility-bar">
                <TextSize />
                <LanguageSwitch />
            </div>
            <div class="site-header-inner">
                <a class="site-name" href=lang.home()>
                    <span class="site-emblem" aria-hidden="true">"★"</span>
                    <span>{site_name}</span>
                </a>
                <button
                    type="button"
                    class="menu-button"
                    aria-controls="main-menu"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|open| *open = !*open)
                >
                    <span aria-hidden="true">"☰"</span>
                    {t.menu_button}
                </button>
                <SearchBox />
            </div>
            <nav
                id="main-menu"
                class="main-menu"
                class:open=move || menu_open.get()
                aria-label=t.menu_label
                // A chosen entry navigates; the open menu would otherwise cover the new page.
                on:click=move |_| set_menu_open.set(false)
            >
                // Sized like the menu bar it fills, so the page does not jump when it arrives.
                {loaded(site, Fit::Block { lines: 1, missing: t.menu_missing }, move |site: Site| match lang {
                    Lang::Vi => view! {
                        <ul>
                            <li><a href=urls::HOME>{t.menu_home}</a></li>
                            {site
                                .menu
                                .into_iter()
                                .map(|item| view! { <li><a href=category_href(&item.slug)>{item.name}</a></li> })
                                .collect_view()}
                            <li><a href=urls::DOCUMENTS>{t.menu_documents}</a></li>
                            <li><a href=urls::QUESTIONS>{t.menu_questions}</a></li>
                            <li><a href=urls::PROCEDURES>{t.menu_procedures}</a></li>
                            <li><a href=urls::ABOUT>{t.menu_about}</a></li>
                        </ul>
                    }
                    .into_any(),
                    // The English pages: the news and the district's introduction and contacts.
                    Lang::En => view! {
                        <ul>
                            <li><a href=urls::EN_HOME>{t.menu_home}</a></li>
                            <li><a href=urls::EN_ABOUT>{t.menu_about}</a></li>
                            <li><a href=urls::EN_ORGANIZATION>{t.menu_organization}</a></li>
                            <li><a href=urls::EN_CONTACT>{t.menu_contact}</a></li>
                        </ul>
                    }
                    .into_any(),
                })}
            </nav>
        </header>
    }
}
