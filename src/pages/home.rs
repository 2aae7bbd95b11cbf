use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::limits::MAX_PER_PAGE;
use portal_contract::time::format_display_in;
use portal_contract::{ArticleSummary, CategoryRef, Site, LEAD_IMAGE_SIZES};

use crate::api::{self, DocumentCriteria};
use crate::components::article_list::ArticleList;
use crate::components::document_list::DocumentLinks;
use crate::components::photo::Photo;
use crate::components::question_list::QuestionLinks;
use crate::components::sidebar::Sidebar;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::article_block::{DEPARTMENT_CATEGORY, PRESS_CATEGORY};
use crate::site::use_site;
use crate::urls::{self, article_href, category_href};

const FEATURED_COUNT: u32 = 5;
const PER_CATEGORY: u32 = 4;
const LATEST_DOCUMENTS: u32 = 5;
const LATEST_QUESTIONS: u32 = 4;
const _: () = assert!(
    FEATURED_COUNT <= MAX_PER_PAGE
        && PER_CATEGORY <= MAX_PER_PAGE
        && LATEST_DOCUMENTS <= MAX_PER_PAGE
        && LATEST_QUESTIONS <= MAX_PER_PAGE
);

#[component]
pub fn HomePage() -> impl IntoView {
    let t = crate::i18n::texts();
    let site = use_site();
    let featured = LocalResource::new(|| api::featured(FEATURED_COUNT));
    view! {
        <Title text="" />
        <Meta name="description" content=t.home_description />
        <h1 class="visually-hidden">{t.home_heading}</h1>
        <div class="with-sidebar">
            <div class="main-column">
                <section class="featured" aria-labelledby="featured-heading">
                    <h2 id="featured-heading" class="section-heading">{t.featured_heading}</h2>
                    {loaded(featured, Fit::Block { lines: 4, missing: t.no_featured }, |page| view! { <FeaturedNews articles=page.items /> })}
                </section>
                <div class="category-blocks">
                    <LatestDocuments />
                    <LatestQuestions />
                    {loaded(site, Fit::Block { lines: 6, missing: t.no_categories }, |site: Site| {
                        site.menu
                            .into_iter()
                            // The sidebar has its own blocks for these two.
                            .filter(|category| ![DEPARTMENT_CATEGORY, PRESS_CATEGORY].contains(&category.slug.as_str()))
                            .map(|category| view! { <CategoryBlock category /> })
                            .collect_view()
                    })}
                </div>
            </div>
            <Sidebar featured=false />
        </div>
    }
}

/// The lead featured article large, the others as a list beside it.
#[component]
fn FeaturedNews(articles: Vec<ArticleSummary>) -> impl IntoView {
    let mut articles = articles.into_iter();
    let Some(lead) = articles.next() else {
        return view! { <p class="empty">{crate::i18n::texts().no_featured}</p> }.into_any();
    };
    let published = format_display_in(crate::i18n::lang(), &lead.published_at);
    let others: Vec<_> = articles.collect();
    view! {
        <div class="featured-grid">
            <article class="featured-lead">
                {lead.image.map(|image| view! { <Photo image class="lead-image" sizes=LEAD_IMAGE_SIZES lazy=false /> })}
                <h3><a href=article_href(&lead.slug)>{lead.title}</a></h3>
                <p class="article-meta">
                    <time datetime=lead.published_at.to_rfc3339()>{published}</time>
                    " · " {lead.category.name}
                </p>
                <p>{lead.summary}</p>
            </article>
            <ArticleList articles=others show_summary=false />
        </div>
    }
    .into_any()
}

/// The newest articles of one category, with a link to all of them.
#[component]
fn CategoryBlock(category: CategoryRef) -> impl IntoView {
    let t = crate::i18n::texts();
    let slug = category.slug.clone();
    let latest = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::latest(Some(&slug), 1, PER_CATEGORY).await }
    });
    let heading_id = format!("category-{}", category.slug);
    let labelled_by = heading_id.clone();
    let href = category_href(&category.slug);
    let more_href = href.clone();
    let name = category.name.clone();
    view! {
        <section class="category-block" aria-labelledby=labelled_by>
            <h2 id=heading_id class="section-heading">
                <a href=href>{name}</a>
            </h2>
            {loaded(latest, Fit::block(t.category_missing), |page| view! { <ArticleList articles=page.items show_summary=false /> })}
            <p class="more-link">
                <a href=more_href>{t.see_all} <span class="visually-hidden">{category.name}</span> " ›"</a>
            </p>
        </section>
    }
}

/// Văn bản mới: the newest documents, with a link to the library.
#[component]
fn LatestDocuments() -> impl IntoView {
    let t = crate::i18n::texts();
    let documents = LocalResource::new(|| async {
        api::documents(&DocumentCriteria::default(), 1, LATEST_DOCUMENTS).await
    });
    view! {
        <section class="category-block" aria-labelledby="latest-documents-heading">
            <h2 id="latest-documents-heading" class="section-heading">
                <a href=urls::DOCUMENTS>{t.latest_documents_heading}</a>
            </h2>
            {loaded(documents, Fit::block(t.no_documents), |page| view! { <DocumentLinks documents=page.items /> })}
            <p class="more-link">
                <a href=urls::DOCUMENTS>{t.see_all} <span class="visually-hidden">{t.see_all_documents_hidden}</span> " ›"</a>
            </p>
        </section>
    }
}

/// Hỏi đáp: the newest answered questions, with a link to all of them.
#[component]
fn LatestQuestions() -> impl IntoView {
    let t = crate::i18n::texts();
    let questions = LocalResource::new(|| api::questions("", "", 1, LATEST_QUESTIONS));
    view! {
        <section class="category-block" aria-labelledby="latest-questions-heading">
            <h2 id="latest-questions-heading" class="section-heading">
                <a href=urls::QUESTIONS>{t.menu_questions}</a>
            </h2>
            {loaded(questions, Fit::block(t.no_answered_questions), |page| view! { <QuestionLinks questions=page.items /> })}
            <p class="more-link">
                <a href=urls::QUESTIONS>{t.see_all} <span class="visually-hidden">{t.see_all_questions_hidden}</span> " ›"</a>
            </p>
        </section>
    }
}
