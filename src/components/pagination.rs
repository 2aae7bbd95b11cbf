//! Page links for long lists (`?trang=N`).

use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use portal_contract::fill;
use portal_contract::paging::{pages_to_show, PAGE_PARAM};

/// The page a list's address asks for (`?trang=N`); a missing or unreadable one means 1.
pub fn requested_page(query: &ParamsMap) -> u32 {
    portal_contract::paging::requested_page(query.get(PAGE_PARAM).as_deref())
}

pub use portal_contract::paging::page_of;

/// Page links; `href(n)` is the address of page `n`.
#[component]
pub fn Pagination(
    current: u32,
    count: u32,
    href: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    if count <= 1 {
        return ().into_any();
    }
    let t = crate::i18n::texts();
    let links = pages_to_show(current, count)
        .into_iter()
        .map(|page| match page {
            None => view! { <li class="pagination-gap" aria-hidden="true">"…"</li> }.into_any(),
            Some(page) if page == current => view! {
                <li><a href=href(page) aria-current="page" aria-label=fill(t.page_n_current, &[("page", &page.to_string())])>{page}</a></li>
            }
            .into_any(),
            Some(page) => view! {
                <li><a href=href(page) aria-label=fill(t.page_n, &[("page", &page.to_string())])>{page}</a></li>
            }
            .into_any(),
        })
        .collect_view();
    let previous = (current > 1).then(|| {
        view! { <li><a href=href(current - 1) rel="prev">{t.page_previous}</a></li> }
    });
    let next = (current < count).then(|| {
        view! { <li><a href=href(current + 1) rel="next">{t.page_next}</a></li> }
    });
    view! {
        <nav class="pagination" aria-label=t.pagination_label>
            <ul>{previous}{links}{next}</ul>
        </nav>
    }
    .into_any()
}
