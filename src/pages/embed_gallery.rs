//! `/nhung`: every widget live, with its options and the code to copy onto another site.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::embed::{Widget, LATEST_DEFAULT_COUNT, LATEST_MAX_COUNT};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiFailure};
use crate::components::assets::{self, Asset};
use crate::components::status::ErrorNotice;
use crate::html;
use crate::site::use_site;
use portal_contract::DEFAULT_SITE_NAME;

#[component]
pub fn EmbedGalleryPage() -> impl IntoView {
    // The previews use the very loader other sites use.
    let loader = LocalResource::new(|| assets::load("embed-loader", &[Asset::Script("/embed.js")]));
    let t = crate::i18n::texts();
    view! {
        <Title text=t.gallery_title />
        <Meta name="description" content=t.gallery_description />
        <h1 class="page-title">{t.gallery_heading}</h1>
        <p>
            {t.gallery_intro_who}
            {t.gallery_intro_how}
            {t.gallery_intro_links}
        </p>
        {move || match loader.get() {
            Some(Err(())) => view! {
                <ErrorNotice failure=ApiFailure::Network retry=Callback::new(move |_| loader.refetch()) />
            }.into_any(),
            _ => ().into_any(),
        }}
        {Widget::ALL.into_iter().map(|widget| view! { <WidgetShowcase widget loader_ready=Signal::derive(move || matches!(loader.get(), Some(Ok(())))) /> }).collect_view()}
    }
}

/// One widget: its options, a live preview and its code.
#[component]
fn WidgetShowcase(widget: Widget, loader_ready: Signal<bool>) -> impl IntoView {
    let t = crate::i18n::texts();
    let slug = widget.slug();
    let count = RwSignal::new(LATEST_DEFAULT_COUNT.to_string());
    let category = RwSignal::new(String::new());
    // The options as `data-*`/query pairs, in the order the widget declares them.
    let options = Memo::new(move |_| {
        widget
            .options()
            .iter()
            .filter_map(|option| {
                let value = match *option {
                    "so" => count.get(),
                    "chuyen-muc" => category.get(),
                    _ => String::new(),
                };
                let value = value.trim().to_string();
                (!value.is_empty()).then(|| (option.to_string(), value))
            })
            .collect::<Vec<_>>()
    });
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let script_origin = origin.clone();
    let preview_origin = origin.clone();
    let iframe_code = move || {
        let query: Vec<String> = options
            .get()
            .iter()
            .map(|(name, value)| format!("{name}={}", api::encode(value)))
            .collect();
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&amp;"))
        };
        format!(
            "<iframe src=\"{origin}/embed/{slug}{query}\" title=\"{} – {DEFAULT_SITE_NAME}\" loading=\"lazy\" width=\"100%\" height=\"400\" style=\"border:0\"></iframe>",
            widget.title()
        )
    };
    let script_code = move || {
        let attributes: String = options
            .get()
            .iter()
            .map(|(name, value)| format!(" data-{name}=\"{}\"", html::escape(value)))
            .collect();
        format!(
            "<div data-portal-widget=\"{slug}\"{attributes}></div>\n<script async src=\"{script_origin}/embed.js\"></script>"
        )
    };
    let preview = NodeRef::<leptos::html::Div>::new();
    // Rebuilt when an option changes: the loader turns the new element into a frame.
    Effect::new(move |_| {
        let options = options.get();
        let (Some(container), true) = (preview.get(), loader_ready.get()) else {
            return;
        };
        show_preview(&container, &preview_origin, slug, &options);
    });
    let heading_id = format!("nhung-{slug}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="embed-showcase" aria-labelledby=labelled_by>
            <h2 id=heading_id class="section-heading">{widget.title()}</h2>
            {match widget {
                Widget::LatestNews => view! {
                    <div class="embed-options">
                        <CountOption widget count label=t.gallery_count_news />
                        <CategoryOption category />
                    </div>
                }.into_any(),
                Widget::LatestDocuments => view! {
                    <div class="embed-options"><CountOption widget count label=t.gallery_count_documents /></div>
                }.into_any(),
                Widget::Questions => view! {
                    <div class="embed-options"><CountOption widget count label=t.gallery_count_questions /></div>
                }.into_any(),
                _ => ().into_any(),
            }}
            <div class="embed-preview" node_ref=preview></div>
            <CodeToCopy label=t.gallery_code_script code=Signal::derive(script_code) id=format!("ma-script-{slug}") />
            <CodeToCopy label=t.gallery_code_iframe code=Signal::derive(iframe_code) id=format!("ma-iframe-{slug}") />
        </section>
    }
}

/// How many items a list widget shows (`so`).
#[component]
fn CountOption(widget: Widget, count: RwSignal<String>, label: &'static str) -> impl IntoView {
    let id = format!("nhung-{}-so", widget.slug());
    view! {
        <div class="field">
            <label for=id.clone()>{label} " (1–" {LATEST_MAX_COUNT} ")"</label>
            <input
                id=id
                type="number"
                min="1"
                max=LATEST_MAX_COUNT.to_string()
                prop:value=move || count.get()
                on:change=move |event| count.set(event_target_value(&event))
            />
        </div>
    }
}

/// The category of `tin-moi` (`chuyen-muc`).
#[component]
fn CategoryOption(category: RwSignal<String>) -> impl IntoView {
    let t = crate::i18n::texts();
    let site = use_site();
    view! {
        <div class="field">
            <label for="nhung-chuyen-muc">{t.category_label}</label>
            <select id="nhung-chuyen-muc" on:change=move |event| category.set(event_target_value(&event))>
                <option value="">{t.all_categories}</option>
                {move || site.get().and_then(Result::ok).map(|site| {
                    site.menu.into_iter().map(|entry| view! {
                        <option value=entry.slug>{entry.name}</option>
                    }).collect_view()
                })}
            </select>
        </div>
    }
}

/// A block of code with a button that copies it; says whether the copy worked.
#[component]
fn CodeToCopy(label: &'static str, code: Signal<String>, id: String) -> impl IntoView {
    let t = crate::i18n::texts();
    let (status, set_status) = signal(String::new());
    let code_ref = NodeRef::<leptos::html::Pre>::new();
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            if crate::clipboard::copy_text(&text).await {
                set_status.set(t.gallery_copied.into());
            } else {
                // Leave the reader one keystroke away: the code is selected for Ctrl+C.
                if let Some(pre) = code_ref.get_untracked() {
                    select_contents(&pre);
                }
                set_status.set(t.gallery_copy_failed.into());
            }
        });
    };
    let label_id = format!("{id}-nhan");
    let labelled_by = label_id.clone();
    let described_by = id.clone();
    view! {
        <div class="embed-code">
            <p class="embed-code-label" id=label_id>{label}</p>
            <pre id=id node_ref=code_ref tabindex="0" aria-labelledby=labelled_by><code>{move || code.get()}</code></pre>
            <button type="button" class="button button-small" aria-describedby=described_by on:click=copy>{t.gallery_copy}</button>
            <span class="copy-status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// Replaces the preview with a fresh `data-portal-widget` element and has the loader for
/// `origin` (this portal) frame it.
fn show_preview(
    container: &web_sys::HtmlDivElement,
    origin: &str,
    slug: &str,
    options: &[(String, String)],
) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(element) = document.create_element("div") else {
        return;
    };
    let _ = element.set_attribute("data-portal-widget", slug);
    for (name, value) in options {
        let _ = element.set_attribute(&format!("data-{name}"), value);
    }
    container.set_inner_html("");
    let _ = container.append_child(&element);
    // window.__portalWidgets[origin].mount(element): set up by /embed.js.
    let mount = js_sys::Reflect::get(&js_sys::global(), &"__portalWidgets".into())
        .and_then(|registry| js_sys::Reflect::get(&registry, &origin.into()))
        .and_then(|loader| {
            let mount = js_sys::Reflect::get(&loader, &"mount".into())?;
            Ok((loader, mount))
        });
    if let Ok((loader, mount)) = mount {
        if let Some(mount) = mount.dyn_ref::<js_sys::Function>() {
            let _ = mount.call1(&loader, container);
        }
    }
}

fn select_contents(element: &web_sys::HtmlElement) {
    let selection = web_sys::window().and_then(|window| window.get_selection().ok().flatten());
    let range = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_range().ok());
    if let (Some(selection), Some(range)) = (selection, range) {
        if range.select_node_contents(element).is_ok() {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }
}
