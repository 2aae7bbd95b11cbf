//! The search box in the header of every page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_contract::limits::QUERY_MAX_CHARS;

use crate::api::SearchCriteria;
use crate::i18n;
use crate::urls::search_href;

#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = i18n::lang();
    let t = lang.texts();
    let (text, set_text) = signal(String::new());
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let criteria = SearchCriteria {
            text: text.get_untracked(),
            lang,
            ..Default::default()
        };
        navigate(&search_href(&criteria, 1), Default::default());
    };
    view! {
        <form class="search-box" role="search" action=search_href(&SearchCriteria { lang, ..Default::default() }, 1) method="get" on:submit=submit>
            <label for="header-search" class="visually-hidden">{t.search_label}</label>
            <input
                id="header-search"
                type="search"
                name="q"
                maxlength=QUERY_MAX_CHARS
                placeholder=t.search_placeholder
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |event| set_text.set(event_target_value(&event))
            />
            <button type="submit" class="search-box-button">{t.search_button}</button>
        </form>
    }
}
