//! The link to the other language in the header: to this page's counterpart where it has one
//! (a fixed page's, or the article's translation that its page reports), else to the other
//! language's home. It also keeps the page's `<link rel="alternate" hreflang>` in step, for
//! the pages the app reaches without asking the server.

use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_location;
use portal_contract::i18n::counterpart_page;

use crate::i18n;
use crate::urls;

/// The other language's version of the page on screen, when the page knows one the fixed
/// pairs do not (an article's `counterpart`). Provided by the frame, set by the page.
#[derive(Clone, Copy, Default)]
pub struct Counterpart(pub RwSignal<Option<String>>);

/// The page's counterpart path: `path` in the other language, for a page that has one.
pub fn use_counterpart(path: Option<String>) {
    if let Some(counterpart) = use_context::<Counterpart>() {
        counterpart.0.set(path.clone());
        // The next article's page may have set its own before this one is cleaned up.
        on_cleanup(move || {
            counterpart.0.update(|current| {
                if *current == path {
                    *current = None;
                }
            })
        });
    }
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = i18n::lang();
    let other = lang.other();
    let t = lang.texts();
    let location = use_location();
    let counterpart = use_context::<Counterpart>().unwrap_or_default();
    let target = Memo::new(move |_| {
        counterpart
            .0
            .get()
            .or_else(|| counterpart_page(&location.pathname.get()).map(str::to_string))
    });
    let href = move || target.get().unwrap_or_else(|| other.home().to_string());
    // Both versions name each other; a page without a counterpart names none.
    let alternates = move || {
        target.get().map(|there| {
            let here = location.pathname.get();
            view! {
                <Link rel="alternate" hreflang=lang.code() href=urls::absolute(&here) />
                <Link rel="alternate" hreflang=other.code() href=urls::absolute(&there) />
            }
        })
    };
    view! {
        {alternates}
        // Loaded anew (`rel="external"` keeps the router out): the app runs in one language.
        <a class="language-switch" href=href hreflang=other.code() lang=other.code() rel="external"
            aria-label=t.switch_language_label>
            {t.switch_language}
        </a>
    }
}
