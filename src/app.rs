//! The router and the page frame around every route.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use portal_contract::Lang;

use crate::api;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::language_switch::Counterpart;
use crate::components::network_status::NetworkStatus;
use crate::components::next_task::NextTask;
use crate::components::not_found::NotFound;
use crate::components::route_focus::RouteAnnouncer;
use crate::components::widgets::visit_stats::SessionVisits;
use crate::i18n;
use crate::pages::{
    about::{AboutPage, ContactPage, OrganizationPage},
    article::ArticlePage,
    category::CategoryPage,
    documents::{DocumentPage, DocumentsPage},
    english_home::EnglishHomePage,
    feedback::FeedbackPage,
    feedback_lookup::FeedbackLookupPage,
    home::HomePage,
    links::LinksPage,
    procedures::{ProcedurePage, ProceduresPage},
    questions::{QuestionPage, QuestionsPage},
    saved::SavedPage,
    schedule::SchedulePage,
    search::SearchPage,
};
// The reader app (built without these features) has no map or widget gallery: there, their
// routes load the page anew, and the server sends the full app for it.
#[cfg(feature = "embeds")]
use crate::pages::embed_gallery::EmbedGalleryPage;
#[cfg(not(feature = "embeds"))]
use crate::pages::in_full_app::InFullApp as EmbedGalleryPage;
#[cfg(not(feature = "map"))]
use crate::pages::in_full_app::InFullApp as MapPage;
#[cfg(feature = "map")]
use crate::pages::map::MapPage;
use crate::site::provide_site;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The app runs in one language, the address's: `/en…` is English. A link (or the back
    // button) that crosses to the other language loads that page anew (`ReloadAcrossLanguages`),
    // so every component reads its words once, as it is drawn.
    let lang = i18n::page_lang();
    i18n::set_lang(lang);
    // The frame and several pages need the site's settings; load them once.
    provide_site(lang);
    provide_context(Counterpart::default());
    // Counts this browser session's visit once, whichever page it starts on.
    let visits: SessionVisits = LocalResource::new(api::session_visit_stats);
    provide_context(visits);
    view! {
        <Router>
            <ReloadAcrossLanguages lang />
            <HandOverOnNavigation />
            <Frame lang />
        </Router>
    }
}

/// Loads the page anew when the router reaches an address in the other language.
#[component]
fn ReloadAcrossLanguages(lang: Lang) -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        if Lang::of_path(&path) != lang {
            let address = format!("{path}{}", location.search.get_untracked());
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(&address);
            }
        }
    });
}

/// Removes the server's reading view once the reader moves to another address (a link in
/// the view itself, before its page had drawn its own content): the view is of the first
/// address only, and would otherwise hide the new page.
#[component]
fn HandOverOnNavigation() -> impl IntoView {
    let location = use_location();
    let first = location.pathname.get_untracked();
    Effect::new(move |_| {
        if location.pathname.get() != first {
            crate::reading_view::hand_over();
        }
    });
}

/// Everything on the page, around the routes.
#[component]
fn Frame(lang: Lang) -> impl IntoView {
    let t = lang.texts();
    view! {
        // Pages set the text; until one does (or when it failed to load), the tab shows
        // the portal's name.
        <Title
            text=""
            formatter=move |page: String| {
                let name = t.site_name_default;
                if page.is_empty() { name.to_string() } else { format!("{page} | {name}") }
            }
        />
        <a class="skip-link" href="#main" on:click=skip_to_main>{t.skip_to_main}</a>
        <RouteAnnouncer />
        <NetworkStatus />
        // The header, the page and the footer are each drawn in a task of their own.
        <NextTask><Header /></NextTask>
        <main id="main" class="site-main" tabindex="-1">
            <NextTask>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tin-tuc/:slug") view=ArticlePage />
                    <Route path=path!("/chuyen-muc/:slug") view=CategoryPage />
                    <Route path=path!("/tim-kiem") view=SearchPage />
                    <Route path=path!("/van-ban") view=DocumentsPage />
                    <Route path=path!("/van-ban/:slug") view=DocumentPage />
                    <Route path=path!("/lich-cong-tac") view=SchedulePage />
                    <Route path=path!("/lien-ket") view=LinksPage />
                    <Route path=path!("/ban-do") view=MapPage />
                    <Route path=path!("/nhung") view=EmbedGalleryPage />
                    <Route path=path!("/gui-y-kien") view=FeedbackPage />
                    <Route path=path!("/tra-cuu-phan-hoi") view=FeedbackLookupPage />
                    <Route path=path!("/hoi-dap") view=QuestionsPage />
                    <Route path=path!("/hoi-dap/:reference") view=QuestionPage />
                    <Route path=path!("/thu-tuc") view=ProceduresPage />
                    <Route path=path!("/thu-tuc/:slug") view=ProcedurePage />
                    <Route path=path!("/gioi-thieu") view=AboutPage />
                    <Route path=path!("/co-cau-to-chuc") view=OrganizationPage />
                    <Route path=path!("/da-luu") view=SavedPage />
                    <Route path=path!("/en") view=EnglishHomePage />
                    <Route path=path!("/en/news/:slug") view=ArticlePage />
                    <Route path=path!("/en/search") view=SearchPage />
                    <Route path=path!("/en/about") view=AboutPage />
                    <Route path=path!("/en/organization") view=OrganizationPage />
                    <Route path=path!("/en/contact") view=ContactPage />
                </Routes>
            </NextTask>
        </main>
        <NextTask><Footer /></NextTask>
    }
}

/// The router would treat `#main` as a navigation; move focus to the content instead.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
