//! The router and the page frame around every route.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::footer::Footer;
use crate::components::header::{Header, DEFAULT_SITE_NAME};
use crate::components::network_status::NetworkStatus;
use crate::components::route_focus::RouteAnnouncer;
use crate::components::widgets::visit_stats::SessionVisits;
use crate::pages::{
    article::ArticlePage, category::CategoryPage, feedback::FeedbackPage, home::HomePage,
    links::LinksPage, not_found::NotFound, schedule::SchedulePage, search::SearchPage,
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

/// `rel` for a link to a page that only the full app has (the map, the widget gallery): in the
/// reader app the link loads the page anew instead of routing inside the app.
pub const FULL_APP_LINK_REL: Option<&str> = if cfg!(all(feature = "map", feature = "embeds")) {
    None
} else {
    Some("external")
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The frame and several pages need the site's settings; load them once.
    let site = LocalResource::new(api::site);
    provide_context(site);
    // Counts this browser session's visit once, whichever page it starts on.
    let visits: SessionVisits = LocalResource::new(api::session_visit_stats);
    provide_context(visits);
    view! {
        // Pages set the text; until one does (or when it failed to load), the tab shows the
        // portal's name.
        <Title
            text=""
            formatter=|page: String| {
                if page.is_empty() { DEFAULT_SITE_NAME.to_string() } else { format!("{page} | {DEFAULT_SITE_NAME}") }
            }
        />
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Chuyển đến nội dung chính"</a>
            <RouteAnnouncer />
            <NetworkStatus />
            <Header site />
            <main id="main" class="site-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tin-tuc/:slug") view=ArticlePage />
                    <Route path=path!("/chuyen-muc/:slug") view=CategoryPage />
                    <Route path=path!("/tim-kiem") view=SearchPage />
                    <Route path=path!("/lich-cong-tac") view=SchedulePage />
                    <Route path=path!("/lien-ket") view=LinksPage />
                    <Route path=path!("/ban-do") view=MapPage />
                    <Route path=path!("/nhung") view=EmbedGalleryPage />
                    <Route path=path!("/gui-y-kien") view=FeedbackPage />
                </Routes>
            </main>
            <Footer site />
        </Router>
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
