//! The site's settings (`GET /site`: name, contacts, menu, map tiles), which the frame and
//! several pages need: loaded once per app and shared through `use_site`.

use leptos::prelude::*;
use portal_contract::{Lang, Site};

use crate::api::{self, ApiFailure};

pub type SiteResource = LocalResource<Result<Site, ApiFailure>>;

/// Starts loading the Vietnamese settings for everything below the calling component (the
/// app, or a widget alone in another site's frame); the app's frame provides the English ones
/// under `/en`.
pub fn provide_site() -> SiteResource {
    let site = LocalResource::new(|| api::site(Lang::Vi));
    provide_context(site);
    site
}

/// The settings, shared by every caller under `provide_site`; a caller outside one (never in
/// the app) gets its own.
pub fn use_site() -> SiteResource {
    use_context::<SiteResource>().unwrap_or_else(provide_site)
}
