//! Tin tiêu điểm, Tin sở ban ngành, Thông tin báo chí: short lists of articles.

use leptos::prelude::*;
use portal_contract::home::{DEPARTMENT_CATEGORY, PRESS_CATEGORY};

use crate::api;
use crate::components::article_list::ArticleList;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;
use crate::urls::{self, category_href};

const BLOCK_SIZE: u32 = 5;

#[component]
pub fn FeaturedBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    let articles = LocalResource::new(|| api::featured(BLOCK_SIZE));
    view! {
        <Block id="featured" heading=t.featured_heading>
            {loaded(articles, Fit::block(t.no_featured), |page| {
                view! { <ArticleList articles=page.items show_summary=false /> }
            })}
            <p class="more-link"><a href=urls::HOME>{t.featured_more}</a></p>
        </Block>
    }
}

/// The newest articles of one category, with a link to the whole listing.
#[component]
pub fn CategoryBlock(
    id: &'static str,
    heading: &'static str,
    category: &'static str,
) -> impl IntoView {
    let t = crate::i18n::texts();
    let articles = LocalResource::new(move || api::latest(Some(category), 1, BLOCK_SIZE));
    view! {
        <Block id heading>
            {loaded(articles, Fit::block(t.no_articles), |page| {
                view! { <ArticleList articles=page.items show_summary=false /> }
            })}
            <p class="more-link">
                <a href=category_href(category)>{t.see_all} <span class="visually-hidden">{heading}</span> " ›"</a>
            </p>
        </Block>
    }
}

#[component]
pub fn DepartmentNewsBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    view! { <CategoryBlock id="department" heading=t.department_heading category=DEPARTMENT_CATEGORY /> }
}

#[component]
pub fn PressBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    view! { <CategoryBlock id="press" heading=t.press_heading category=PRESS_CATEGORY /> }
}
