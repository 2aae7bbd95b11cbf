//! The site's settings (`GET /site`: name, contacts, menu, map tiles), which the frame and
//! several pages need: loaded once per app and shared through `use_site`.

use leptos::prelude::*;
use portal_contract::{Lang, Site};

use crate::api::{self, ApiFailure};

pub type SiteResource = LocalResource<Result<Site, ApiFailure>>;

/// Starts loading the settings in `lang` for everything below the calling component (the
/// app, or a widget alone in another site's frame).
pub fn provide_site(lang: Lang) -> SiteResource {
    let site = LocalResource::new(move || api::site(lang));
    provide_context(site);
    site
}

/// The settings, shared by every caller under `provide_site`; a caller outside one (never in
/// the app) gets its own.
pub fn use_site() -> SiteResource {
    use_context::<SiteResource>().unwrap_or_else(|| provide_site(Lang::Vi))
}
