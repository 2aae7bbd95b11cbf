use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use portal_contract::time::format_display_in;
use portal_contract::{Article, Lang, LEAD_IMAGE_SIZES};

use crate::api;
use crate::components::article_list::ArticleList;
use crate::components::feedback_form::{load_draft, FeedbackForm};
use crate::components::language_switch::use_counterpart;
use crate::components::next_task::NextTask;
use crate::components::not_found::NotFound;
use crate::components::photo::Photo;
use crate::components::share::ShareActions;
use crate::components::sidebar::Sidebar;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::i18n;
use crate::reading_view;
use crate::urls::{self, category_href};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let article = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        async move { api::article(&slug).await }
    });
    reading_view::hand_over_when_loaded(article);
    let lang = i18n::lang();
    // An article has the page of its own language only.
    let shown = move |article: Article| {
        if article.lang == lang {
            view! { <ArticleView article /> }.into_any()
        } else {
            view! { <NotFound /> }.into_any()
        }
    };
    let main = view! { <div class="main-column">{loaded(article, Fit::page(8), shown)}</div> };
    match lang {
        Lang::Vi => {
            view! { <div class="with-sidebar">{main}<NextTask><Sidebar /></NextTask></div> }
                .into_any()
        }
        // The sidebar's blocks (schedule, links, departments' news) are Vietnamese content.
        Lang::En => main.into_any(),
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let Article {
        slug,
        title,
        summary,
        body_html,
        published_at,
        author,
        category,
        related,
        image,
        lang,
        counterpart,
        ..
    } = article;
    let t = i18n::texts();
    // The language switch leads to the same news in the other language.
    use_counterpart(counterpart.map(|slug| lang.other().article_path(&slug)));
    let page = lang.article_path(&slug);
    let address = urls::absolute(&page);
    let (share_title, share_url) = (title.clone(), address.clone());
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb_label>
            <ol>
                <li><a href=lang.home()>{t.menu_home}</a></li>
                // English articles are filed under the Vietnamese categories, which have no
                // English pages.
                {(lang == Lang::Vi).then(|| view! {
                    <li><a href=category_href(&category.slug)>{category.name.clone()}</a></li>
                })}
            </ol>
        </nav>
        <article class="article">
            <h1 class="article-title">{title}</h1>
            <p class="article-meta">
                <time datetime=published_at.to_rfc3339()>{format_display_in(lang, &published_at)}</time>
                " · " <span class="article-author-inline">{author.clone()}</span>
            </p>
            <p class="article-summary">{summary}</p>
            {image.map(|image| view! { <Photo image class="lead-image" sizes=LEAD_IMAGE_SIZES lazy=false /> })}
            // The server sanitized this HTML with an allowlist before storing it.
            <div class="article-body" inner_html=body_html></div>
            <p class="article-author">{author}</p>
            <p class="print-only article-address">{t.article_address} {address}</p>
            <p class="article-tools">
                <button type="button" class="button button-small" on:click=|_| print_page()>{t.article_print}</button>
            </p>
            <ShareActions title=share_title url=share_url />
        </article>
        <UsefulQuestion page=page />
        // Feedback goes to Vietnamese-speaking staff, through the Vietnamese pages.
        {(lang == Lang::Vi).then(|| view! { <ArticleFeedback slug=slug.clone() /> })}
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading" class="section-heading">{t.article_related}</h2>
            <ArticleList articles=related show_summary=false />
        </section>
    }
}

pub(crate) fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// "Gửi ý kiến phản hồi" under an article: a button that opens the form, open already when a
/// draft for this article is waiting.
#[component]
fn ArticleFeedback(slug: String) -> impl IntoView {
    let t = i18n::texts();
    let has_draft = load_draft(Some(&slug)).is_some();
    let open = RwSignal::new(has_draft);
    view! {
        <section class="article-feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" class="visually-hidden">{t.article_feedback_heading}</h2>
            <button
                type="button"
                class="button button-outline"
                aria-expanded=move || open.get().to_string()
                aria-controls="article-feedback-form"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {t.article_feedback_button}
            </button>
            <div id="article-feedback-form" hidden=move || !open.get()>
                <FeedbackForm article=slug />
            </div>
        </section>
    }
}
