//! `/quan-tri/bai-viet/{id}/xem-truoc`: the article as citizens will see it, in the public
//! site's own markup and styles, before it is published.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::app::article_href;
use crate::ui::loaded;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let preview = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::preview(id).await,
                None => Err(api::Failure::NotFound),
            }
        }
    });
    let back = move || {
        id.get()
            .map(article_href)
            .unwrap_or_else(|| crate::app::BASE.into())
    };
    view! {
        <Title text="Xem trước bài viết" />
        <section class="preview-bar" aria-label="Xem trước">
            <p><strong>"Xem trước:"</strong>" bài viết như người dân sẽ thấy. Các liên kết trong bản xem trước không mở."</p>
            <a class="button" href=back>"Quay lại sửa"</a>
        </section>
        {loaded(preview, |preview| {
            // The server sanitized the body and wrote the rest of the page itself.
            view! { <div class="preview-page" on:click=stay_in_preview inner_html=preview.html></div> }
        })}
    }
}

/// The preview's links lead to the public site's pages, which this app does not have (and
/// the staff member means to come back to the editor): they do nothing here.
fn stay_in_preview(event: leptos::ev::MouseEvent) {
    let in_link = event
        .target()
        .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
        .and_then(|element| element.closest("a").ok().flatten())
        .is_some();
    if in_link {
        event.prevent_default();
    }
}
