//! `/quan-tri?trang-thai=&q=&trang=`: the articles, by workflow status, newest change first.
//! The filters live in the address, so back and forward work and a list can be shared.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_contract::editorial::{ArticleStatus, StaffArticleSummary};
use portal_contract::limits::QUERY_MAX_CHARS;
use portal_contract::paging::listing_href;
use portal_contract::Category;

use crate::api;
use crate::app::{article_href, BASE};
use crate::ui::{loaded, page_number, when, Pager};

const PER_PAGE: u32 = 20;

fn list_href(status: Option<ArticleStatus>, text: &str, page: u32) -> String {
    let status = status.map(ArticleStatus::code).unwrap_or_default();
    listing_href(
        BASE,
        [("trang-thai", status), ("q", text.trim())],
        page,
        api::encode,
    )
}

#[component]
pub fn ArticlesPage() -> impl IntoView {
    let query = use_query_map();
    let status = Memo::new(move |_| {
        query
            .read()
            .get("trang-thai")
            .and_then(|code| ArticleStatus::from_code(&code))
    });
    let text = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| page_number(&query.read()));
    let list = LocalResource::new(move || {
        let (status, text, page) = (status.get(), text.get(), page.get());
        async move { api::articles(status, &text, page, PER_PAGE).await }
    });
    let categories = LocalResource::new(api::categories);

    let filters = std::iter::once((None, "Tất cả"))
        .chain(
            ArticleStatus::ALL
                .into_iter()
                .map(|status| (Some(status), status.label())),
        )
        .map(|(choice, label)| {
            let current = move || (status.get() == choice).then_some("page");
            let href = move || list_href(choice, &text.get(), 1);
            view! { <li><a href=href aria-current=current>{label}</a></li> }
        })
        .collect_view();

    view! {
        <Title text="Bài viết" />
        <div class="staff-page-head">
            <h1 class="page-title">"Bài viết"</h1>
            <a class="button" href=format!("{BASE}/bai-viet/moi")>"Viết bài mới"</a>
        </div>
        <nav class="staff-filters" aria-label="Lọc theo trạng thái">
            <ul>{filters}</ul>
        </nav>
        <SearchForm status text />
        {loaded(list, move |list| {
            let names = categories.get().and_then(Result::ok).unwrap_or_default();
            let count = list.page_count();
            let current = list.page;
            let (status, text) = (status.get_untracked(), text.get_untracked());
            if list.items.is_empty() {
                return view! { <p class="empty">"Không có bài viết nào."</p> }.into_any();
            }
            view! {
                <p class="list-total" role="status">{format!("{} bài viết", list.total)}</p>
                <ul class="staff-list">
                    {list.items.into_iter().map(|item| view! { <ArticleItem item names=names.clone() /> }).collect_view()}
                </ul>
                <Pager current count href=move |n| list_href(status, &text, n) />
            }
            .into_any()
        })}
    }
}

#[component]
fn SearchForm(status: Memo<Option<ArticleStatus>>, text: Memo<String>) -> impl IntoView {
    let navigate = use_navigate();
    let (typed, set_typed) = signal(text.get_untracked());
    // Back and forward change the address under the form: it follows.
    Effect::new(move || set_typed.set(text.get()));
    view! {
        <form
            class="staff-search"
            role="search"
            on:submit=move |event| {
                event.prevent_default();
                navigate(&list_href(status.get_untracked(), &typed.get_untracked(), 1), Default::default());
            }
        >
            <label for="article-search">"Tìm bài viết"</label>
            <div class="staff-search-row">
                <input
                    id="article-search"
                    type="search"
                    maxlength=QUERY_MAX_CHARS
                    prop:value=typed
                    on:input=move |event| set_typed.set(event_target_value(&event))
                />
                <button type="submit" class="button">"Tìm"</button>
            </div>
        </form>
    }
}

#[component]
fn ArticleItem(item: StaffArticleSummary, names: Vec<Category>) -> impl IntoView {
    let category = names
        .iter()
        .find(|category| category.slug == item.category)
        .map_or(item.category.clone(), |category| category.name.clone());
    let title = if item.title.trim().is_empty() {
        "(Chưa có tiêu đề)".to_string()
    } else {
        item.title.clone()
    };
    let scheduled = match (&item.publish_at, item.status) {
        (Some(at), ArticleStatus::Scheduled) => Some(format!(" · Đăng lúc {}", when(at))),
        _ => None,
    };
    let by = item
        .updated_by
        .as_ref()
        .map(|name| format!(" bởi {name}"))
        .unwrap_or_default();
    view! {
        <li>
            <h2 class="staff-list-title"><a href=article_href(item.id)>{title}</a></h2>
            <p class="article-meta">
                <span class=format!("status status-{}", item.status.code())>{item.status.label()}</span>
                {format!(" · {category}")}
                {scheduled}
                {format!(" · Sửa lúc {}{by}", when(&item.updated_at))}
            </p>
        </li>
    }
}
