//! The top of every page: the portal's name and the menu of categories, the documents
//! library, the questions, the procedures and the district's introduction (a menu button on
//! phones).

use leptos::prelude::*;
use portal_contract::{Site, DEFAULT_SITE_NAME};

use crate::components::search_box::SearchBox;
use crate::components::status::{loaded, Fit};
use crate::components::text_size::TextSize;
use crate::site::use_site;
use crate::urls::{self, category_href};

#[component]
pub fn Header() -> impl IntoView {
    let site = use_site();
    let (menu_open, set_menu_open) = signal(false);
    let site_name = move || {
        site.get()
            .and_then(Result::ok)
            .map(|site| site.name)
            .unwrap_or_else(|| DEFAULT_SITE_NAME.to_string())
    };
    view! {
        <header class="site-header">
            <div class="utility-bar">
                <TextSize />
            </div>
            <div class="site-header-inner">
                <a class="site-name" href=urls::HOME>
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
                    " Danh mục"
                </button>
                <SearchBox />
            </div>
            <nav
                id="main-menu"
                class="main-menu"
                class:open=move || menu_open.get()
                aria-label="Chuyên mục"
                // A chosen entry navigates; the open menu would otherwise cover the new page.
                on:click=move |_| set_menu_open.set(false)
            >
                // Sized like the menu bar it fills, so the page does not jump when it arrives.
                {loaded(site, Fit::Block { lines: 1, missing: "Chưa tải được danh mục." }, move |site: Site| {
                    view! {
                        <ul>
                            <li><a href=urls::HOME>"Trang chủ"</a></li>
                            {site
                                .menu
                                .into_iter()
                                .map(|item| view! { <li><a href=category_href(&item.slug)>{item.name}</a></li> })
                                .collect_view()}
                            <li><a href=urls::DOCUMENTS>"Văn bản"</a></li>
                            <li><a href=urls::QUESTIONS>"Hỏi đáp"</a></li>
                            <li><a href=urls::PROCEDURES>"Thủ tục"</a></li>
                            <li><a href=urls::ABOUT>"Giới thiệu"</a></li>
                        </ul>
                    }
                })}
            </nav>
        </header>
    }
}
