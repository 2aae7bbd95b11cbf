//! `/en`: the English home page, for investors, visitors and partners across the border: the
//! English news first, then the district at a glance and the way to the introduction and
//! contacts (beside the news on wide screens, as the Vietnamese pages' sidebar).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::limits::DEFAULT_PER_PAGE;
use portal_contract::{Lang, Site};

use crate::api;
use crate::components::article_list::ArticleList;
use crate::components::pagination::{requested_page, Pagination};
use crate::components::status::{loaded, Fit};
use crate::i18n;
use crate::site::use_site;
use crate::urls;

#[component]
pub fn EnglishHomePage() -> impl IntoView {
    let t = i18n::texts();
    let site = use_site();
    let query = leptos_router::hooks::use_query_map();
    let page = Memo::new(move |_| requested_page(&query.read()));
    let news = LocalResource::new(move || {
        let page = page.get();
        async move { api::latest_in(Lang::En, page, DEFAULT_PER_PAGE).await }
    });
    // The server's view of this page shows the news and the district at a glance: it stays
    // until both are drawn.
    crate::reading_view::hand_over_when(move || news.read().is_some() && site.read().is_some());
    let description = move || {
        site.get()
            .and_then(Result::ok)
            .map(|site| site.description)
            .unwrap_or_default()
    };
    view! {
        <Title text="" />
        <Meta name="description" content=description />
        <h1 class="page-title">{t.en_home_title}</h1>
        <div class="english-home">
            <section class="english-news" aria-labelledby="news-heading">
                <h2 id="news-heading" class="section-heading">{t.en_home_news}</h2>
                {loaded(news, Fit::Block { lines: 6, missing: t.no_articles }, |list| {
                    let (current, count) = (list.page, list.page_count());
                    view! {
                        <ArticleList articles=list.items />
                        <Pagination current count href=urls::english_home_href />
                    }
                })}
            </section>
            <section class="english-glance" aria-labelledby="glance-heading">
                <h2 id="glance-heading" class="section-heading">{t.en_home_glance}</h2>
                {loaded(site, Fit::Block { lines: 4, missing: t.en_home_no_glance }, |site: Site| view! {
                    <p class="article-summary">{site.description}</p>
                    <dl class="glance-facts">
                        {site.glance.into_iter().map(|fact| view! {
                            <div><dt>{fact.label}</dt><dd>{fact.value}</dd></div>
                        }).collect_view()}
                    </dl>
                })}
                <h2 class="section-heading">{t.en_home_more}</h2>
                <ul class="link-list">
                    <li><a href=urls::EN_ABOUT>{t.menu_about}</a></li>
                    <li><a href=urls::EN_ORGANIZATION>{t.menu_organization}</a></li>
                    <li><a href=urls::EN_CONTACT>{t.menu_contact}</a></li>
                </ul>
                <p class="hint">{t.en_home_vietnamese} " " <a href=urls::HOME lang="vi" hreflang="vi" rel="external">{t.switch_language}</a></p>
            </section>
        </div>
    }
}
