//! The home page: the featured news, the newest documents and answers, a block for each
//! category of the menu, and the sidebar. The server's reading view of it
//! (`reading_view::render_home`) shows the same main column until every block here has drawn.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::home::{
    home_block_categories, FEATURED_COUNT, LATEST_DOCUMENTS, LATEST_QUESTIONS, PER_CATEGORY,
};
use portal_contract::time::format_display_in;
use portal_contract::{ArticleSummary, CategoryRef, Site, LEAD_IMAGE_SIZES};

use crate::api::{self, ApiFailure, DocumentCriteria};
use crate::components::article_list::ArticleList;
use crate::components::document_list::DocumentLinks;
use crate::components::next_task::NextTask;
use crate::components::photo::Photo;
use crate::components::question_list::QuestionLinks;
use crate::components::sidebar::Sidebar;
use crate::components::status::{loaded, Fit};
use crate::site::use_site;
use crate::urls::{self, article_href, category_href};

#[component]
pub fn HomePage() -> impl IntoView {
    let t = crate::i18n::texts();
    let site = use_site();
    let featured = LocalResource::new(|| api::featured(FEATURED_COUNT));
    let documents = LocalResource::new(|| async {
        api::documents(&DocumentCriteria::default(), 1, LATEST_DOCUMENTS).await
    });
    let questions = LocalResource::new(|| api::questions("", "", 1, LATEST_QUESTIONS));
    // The server's view shows every block of the main column: it stays until each has drawn.
    let blocks_drawn = RwSignal::new(0usize);
    crate::reading_view::hand_over_when(move || {
        let blocks = match &*site.read() {
            None => return false,
            Some(Ok(site)) => home_block_categories(&site.menu).count(),
            Some(Err(_)) => 0,
        };
        featured.read().is_some()
            && documents.read().is_some()
            && questions.read().is_some()
            && blocks_drawn.get() >= blocks
    });
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
                    <LatestDocuments documents />
                    <LatestQuestions questions />
                    {loaded(site, Fit::Block { lines: 6, missing: t.no_categories }, move |site: Site| {
                        home_block_categories(&site.menu)
                            .cloned()
                            .map(|category| view! { <CategoryBlock category drawn=blocks_drawn /> })
                            .collect_view()
                    })}
                </div>
            </div>
            <NextTask><Sidebar featured=false /></NextTask>
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
/// `drawn` counts the blocks that have loaded (or failed).
#[component]
fn CategoryBlock(category: CategoryRef, drawn: RwSignal<usize>) -> impl IntoView {
    let t = crate::i18n::texts();
    let slug = category.slug.clone();
    let latest = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::latest(Some(&slug), 1, PER_CATEGORY).await }
    });
    // Counted once, when the list first arrives.
    Effect::new(move |counted: Option<bool>| {
        if counted == Some(true) {
            return true;
        }
        let arrived = latest.read().is_some();
        if arrived {
            drawn.update(|count| *count += 1);
        }
        arrived
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
fn LatestDocuments(
    documents: LocalResource<
        Result<portal_contract::Paged<portal_contract::documents::DocumentSummary>, ApiFailure>,
    >,
) -> impl IntoView {
    let t = crate::i18n::texts();
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
fn LatestQuestions(
    questions: LocalResource<
        Result<portal_contract::Paged<portal_contract::questions::PublicQuestion>, ApiFailure>,
    >,
) -> impl IntoView {
    let t = crate::i18n::texts();
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
