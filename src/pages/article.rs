use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use portal_contract::{format_display, Article, LEAD_IMAGE_SIZES};

use crate::api;
use crate::components::article_list::ArticleList;
use crate::components::feedback_form::{load_draft, FeedbackForm};
use crate::components::photo::Photo;
use crate::components::share::ShareActions;
use crate::components::sidebar::Sidebar;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::reading_view;
use crate::urls::{self, article_href, category_href};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let article = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        async move { api::article(&slug).await }
    });
    reading_view::hand_over_when_loaded(article);
    view! {
        <div class="with-sidebar">
            <div class="main-column">{loaded(article, Fit::page(8), |article| view! { <ArticleView article /> })}</div>
            <Sidebar />
        </div>
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
        ..
    } = article;
    let address = urls::absolute(&article_href(&slug));
    let (share_title, share_url) = (title.clone(), address.clone());
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>
                <li><a href=urls::HOME>"Trang chủ"</a></li>
                <li><a href=category_href(&category.slug)>{category.name.clone()}</a></li>
            </ol>
        </nav>
        <article class="article">
            <h1 class="article-title">{title}</h1>
            <p class="article-meta">
                <time datetime=published_at.to_rfc3339()>{format_display(&published_at)}</time>
                " · " <span class="article-author-inline">{author.clone()}</span>
            </p>
            <p class="article-summary">{summary}</p>
            {image.map(|image| view! { <Photo image class="lead-image" sizes=LEAD_IMAGE_SIZES lazy=false /> })}
            // The server sanitized this HTML with an allowlist before storing it.
            <div class="article-body" inner_html=body_html></div>
            <p class="article-author">{author}</p>
            <p class="print-only article-address">"Địa chỉ bài viết: " {address}</p>
            <p class="article-tools">
                <button type="button" class="button button-small" on:click=|_| print_page()>"In bài viết"</button>
            </p>
            <ShareActions title=share_title url=share_url />
        </article>
        <UsefulQuestion page=article_href(&slug) />
        <ArticleFeedback slug=slug.clone() />
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading" class="section-heading">"Tin cùng chuyên mục"</h2>
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
    let has_draft = load_draft(Some(&slug)).is_some();
    let open = RwSignal::new(has_draft);
    view! {
        <section class="article-feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" class="visually-hidden">"Ý kiến phản hồi"</h2>
            <button
                type="button"
                class="button button-outline"
                aria-expanded=move || open.get().to_string()
                aria-controls="article-feedback-form"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                "Gửi ý kiến phản hồi"
            </button>
            <div id="article-feedback-form" hidden=move || !open.get()>
                <FeedbackForm article=slug />
            </div>
        </section>
    }
}
