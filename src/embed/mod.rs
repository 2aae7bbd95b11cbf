//! `/embed/{widget}`: one widget without the site's frame, for other sites' iframes. Every
//! link opens the portal in the top window (never inside the frame); the widget reports its
//! height so the frame fits it.

mod height;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use portal_contract::embed::{latest_count, Widget, LATEST_DEFAULT_COUNT};
use portal_contract::fill;

use crate::api::{self, DocumentCriteria};
use crate::components::article_list::ArticleList;
use crate::components::document_list::DocumentLinks;
use crate::components::question_list::QuestionLinks;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::links::LinkGroupsList;
use crate::components::widgets::map_sketch::MapOverview;
use crate::components::widgets::schedule::ThisWeek;
use crate::components::widgets::visit_stats::VisitStatsList;
use crate::site::use_site;
use crate::urls;
use portal_contract::DEFAULT_SITE_NAME;

/// The widget's name when the page's address is `/embed/{name}`.
pub fn embedded_widget_name() -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    path.strip_prefix("/embed/").map(str::to_owned)
}

#[component]
pub fn EmbedApp(name: String) -> impl IntoView {
    provide_meta_context();
    prepare_document();
    let t = crate::i18n::texts();
    let widget = Widget::from_slug(&name);
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let option = move |name: &str| query.as_ref().and_then(|query| query.get(name));
    let content = NodeRef::<leptos::html::Main>::new();
    content.on_load(height::report);

    let (title, body) = match widget {
        Some(Widget::LatestNews) => {
            let category = option("chuyen-muc").filter(|slug| !slug.is_empty());
            let count = latest_count(option("so").as_deref());
            (
                Widget::LatestNews.title(),
                view! { <LatestNews category count /> }.into_any(),
            )
        }
        Some(Widget::LatestDocuments) => {
            let count = latest_count(option("so").as_deref());
            let documents = LocalResource::new(move || async move {
                api::documents(&DocumentCriteria::default(), 1, count).await
            });
            let body = loaded(documents, Fit::block(t.no_documents), |page| {
                view! { <DocumentLinks documents=page.items /> }
            });
            (Widget::LatestDocuments.title(), body.into_any())
        }
        Some(Widget::Questions) => {
            let count = latest_count(option("so").as_deref());
            let questions =
                LocalResource::new(move || async move { api::questions("", "", 1, count).await });
            let body = loaded(questions, Fit::block(t.no_questions), |page| {
                view! { <QuestionLinks questions=page.items /> }
            });
            (Widget::Questions.title(), body.into_any())
        }
        Some(Widget::FeaturedNews) => {
            let articles = LocalResource::new(|| api::featured(LATEST_DEFAULT_COUNT));
            let body = loaded(articles, Fit::block(t.no_featured), |page| {
                view! { <ArticleList articles=page.items show_summary=false /> }
            });
            (Widget::FeaturedNews.title(), body.into_any())
        }
        Some(Widget::Schedule) => (Widget::Schedule.title(), view! { <ThisWeek /> }.into_any()),
        Some(Widget::VisitStats) => {
            let stats = LocalResource::new(api::visit_stats);
            let body = loaded(stats, Fit::block(t.visit_stats_none), |stats| {
                view! { <VisitStatsList stats /> }
            });
            (Widget::VisitStats.title(), body.into_any())
        }
        Some(Widget::Links) => {
            let groups = LocalResource::new(api::links);
            let body = loaded(groups, Fit::block(t.links_none), |groups| {
                view! { <LinkGroupsList groups /> }
            });
            (Widget::Links.title(), body.into_any())
        }
        Some(Widget::Map) => (Widget::Map.title(), view! { <MapOverview /> }.into_any()),
        None => (
            t.embed_unknown_title,
            view! { <p class="empty">{t.embed_unknown}</p> }.into_any(),
        ),
    };
    view! {
        <Title text=format!("{title} – {DEFAULT_SITE_NAME}") />
        <Meta name="description" content=fill(t.embed_description, &[("title", title), ("site", DEFAULT_SITE_NAME)]) />
        <main class="embed" node_ref=content>
            <h1 class="embed-title">{title}</h1>
            {body}
            <p class="embed-source">
                {t.embed_source} <a href=urls::HOME>{DEFAULT_SITE_NAME}</a>
            </p>
        </main>
    }
}

/// The newest articles, of one category when `category` is set (its name as a subheading).
#[component]
fn LatestNews(category: Option<String>, count: u32) -> impl IntoView {
    let t = crate::i18n::texts();
    let site = use_site();
    let category_for_list = category.clone();
    let articles = LocalResource::new(move || {
        let category = category_for_list.clone();
        async move { api::latest(category.as_deref(), 1, count).await }
    });
    let category_name = move || {
        let slug = category.as_deref()?;
        let site = site.get()?.ok()?;
        site.menu
            .into_iter()
            .find(|entry| entry.slug == slug)
            .map(|entry| entry.name)
    };
    view! {
        {move || category_name().map(|name| view! { <h2 class="embed-subtitle">{name}</h2> })}
        {loaded(articles, Fit::block(t.no_articles), |page| {
            view! { <ArticleList articles=page.items show_summary=false /> }
        })}
    }
}

/// Links open the portal in the top window (`<base target="_top">`); the page has no frame
/// of its own, so it drops the site's full-height layout.
fn prepare_document() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let (Some(head), Ok(base)) = (document.head(), document.create_element("base")) {
        let _ = base.set_attribute("target", "_top");
        let _ = head.append_child(&base);
    }
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("embed-document");
    }
}
