use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use portal_contract::fill;
use portal_contract::limits::DEFAULT_PER_PAGE;

use crate::api;
use crate::components::article_list::ArticleList;
use crate::components::counts::plural;
use crate::components::pagination::{page_of, requested_page, Pagination};
use crate::components::status::{loaded, Fit};
use crate::site::use_site;
use crate::urls::{category_href, category_page_href};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let params = use_params_map();
    let query = use_query_map();
    let site = use_site();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let page = Memo::new(move |_| requested_page(&query.read()));
    let articles = LocalResource::new(move || {
        let (slug, page) = (slug.get(), page.get());
        async move { api::latest(Some(&slug), page, DEFAULT_PER_PAGE).await }
    });
    // The server's view of this page shows its name and list: it stays until both are drawn.
    crate::reading_view::hand_over_when(move || articles.read().is_some() && site.read().is_some());
    let name = move || {
        let slug = slug.get();
        site.get()
            .and_then(Result::ok)
            .and_then(|site| site.menu.into_iter().find(|item| item.slug == slug))
            .map(|item| item.name)
            .unwrap_or_default()
    };
    view! {
        <Title text=name />
        <Meta name="description" content=move || fill(t.category_description, &[("name", &name())]) />
        {loaded(articles, Fit::page(10), move |list| {
            let current = list.page;
            let count = list.page_count();
            let total = list.total;
            let shown = slug.get_untracked();
            let base = category_href(&shown);
            let beyond_the_end = list.items.is_empty() && current > 1;
            view! {
                <h1 class="page-title">{name}</h1>
                <p class="list-total">
                    {fill(plural(total, t.category_total_one, t.category_total), &[("n", &total.to_string())])}
                    {page_of(t, current, count)}
                </p>
                {if beyond_the_end {
                    view! {
                        <p class="empty">{t.category_page_empty}
                            <a href=base>{t.first_page}</a></p>
                    }.into_any()
                } else {
                    view! { <ArticleList articles=list.items page_list=true /> }.into_any()
                }}
                <Pagination current count href=move |n| category_page_href(&shown, n) />
            }
        })}
    }
}
