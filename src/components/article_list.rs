//! Lists of article summaries.

use leptos::prelude::*;
use portal_contract::time::format_display_in;
use portal_contract::{ArticleSummary, THUMBNAIL_SIZES};

use crate::api;
use crate::components::photo::Photo;
use crate::i18n;

/// One article in a list: title, time and summary. Its title is a level-3 heading under a
/// block's `h2`, or, in a page's own list right under its `h1` (`page_list`), a level 2.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(default = true)] show_summary: bool,
    #[prop(optional)] page_list: bool,
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
    let link = view! {
        <a
            href=lang.article_path(&article.slug)
            on:mouseenter=move |_| prefetch()
            on:focus=move |_| prefetch_on_focus()
        >
            {article.title}
        </a>
    };
    let title = if page_list {
        view! { <h2 class="article-card-title">{link}</h2> }.into_any()
    } else {
        view! { <h3 class="article-card-title">{link}</h3> }.into_any()
    };
    view! {
        <article class="article-card">
            {image}
            {title}
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
    /// The page's own list, right under its `h1` (see `ArticleCard`).
    #[prop(optional)]
    page_list: bool,
) -> impl IntoView {
    if articles.is_empty() {
        return view! { <p class="empty">{i18n::texts().no_articles}</p> }.into_any();
    }
    view! {
        <ul class="article-list">
            {articles
                .into_iter()
                .map(|article| view! { <li><ArticleCard article show_summary page_list /></li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}
