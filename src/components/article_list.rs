//! Lists of article summaries.

use leptos::prelude::*;
use portal_contract::time::format_display_in;
use portal_contract::{ArticleSummary, THUMBNAIL_SIZES};

use crate::api;
use crate::components::photo::Photo;
use crate::i18n;

/// One article in a list: title, time and summary.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(default = true)] show_summary: bool,
) -> impl IntoView {
    // A list shows the articles of its page's language.
    let lang = i18n::lang();
    let time = format_display_in(lang, &article.published_at);
    let datetime = article.published_at.to_rfc3339();
    let slug = article.slug.clone();
    // A reader who points at or tabs to a title will likely open it: fetch it now, so the
    // article appears at once on the click.
    let prefetch = move || api::prefetch_article(slug.clone());
    let prefetch_on_focus = prefetch.clone();
    let image = article
        .image
        .map(|image| view! { <Photo image class="article-card-image" sizes=THUMBNAIL_SIZES /> });
    view! {
        <article class="article-card">
            {image}
            <h3 class="article-card-title">
                <a
                    href=lang.article_path(&article.slug)
                    on:mouseenter=move |_| prefetch()
                    on:focus=move |_| prefetch_on_focus()
                >
                    {article.title}
                </a>
            </h3>
            <p class="article-meta">
                <time datetime=datetime>{time}</time>
            </p>
            {show_summary.then(|| view! { <p class="article-card-summary">{article.summary}</p> })}
        </article>
    }
}

/// A list of article cards, or a plain sentence when there are none.
#[component]
pub fn ArticleList(
    articles: Vec<ArticleSummary>,
    #[prop(default = true)] show_summary: bool,
) -> impl IntoView {
    if articles.is_empty() {
        return view! { <p class="empty">{i18n::texts().no_articles}</p> }.into_any();
    }
    view! {
        <ul class="article-list">
            {articles
                .into_iter()
                .map(|article| view! { <li><ArticleCard article show_summary /></li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}
