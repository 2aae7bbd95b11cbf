//! The reader app's stand-in for the pages only the full app has (the map, the widget
//! gallery). The server sends the full app for those addresses, so the reader app only gets
//! here by routing inside itself (a link in an article, say): it loads the page anew. If the
//! page comes back to the reader app all the same (a web server set up without the rule for
//! these addresses), it says so once instead of loading again and again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use std::time::Duration;

use crate::components::status::Placeholder;

const RELOADED_FOR: &str = "portal-reloaded-for";

#[component]
pub fn InFullApp() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let address = format!("{path}{}", location.search.get_untracked());
    let storage = web_sys::window().and_then(|window| window.session_storage().ok().flatten());
    let already_tried = storage
        .as_ref()
        .and_then(|storage| storage.get_item(RELOADED_FOR).ok().flatten())
        .is_some_and(|tried| tried == path);
    if let Some(storage) = &storage {
        let _ = if already_tried {
            storage.remove_item(RELOADED_FOR)
        } else {
            storage.set_item(RELOADED_FOR, &path)
        };
    }
    if !already_tried {
        // After the router has put the address in the history (it does so once this page is
        // drawn), so the load replaces this entry and Back still returns to the page before.
        set_timeout(
            move || {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().replace(&address);
                }
            },
            Duration::ZERO,
        );
        return view! { <Placeholder /> }.into_any();
    }
    view! {
        <Title text="Chưa mở được trang" />
        <section class="not-found">
            <h1>"Chưa mở được trang này"</h1>
            <p>
                "Máy chủ chưa gửi phần ứng dụng có trang này. Hãy tải lại trang sau ít phút."
            </p>
            <p>
                <a class="button" href=address rel="external">"Tải lại trang"</a>
                " "
                <a class="button" href="/">"Về trang chủ"</a>
            </p>
        </section>
    }
    .into_any()
}
