//! The base map's tile address, as whoever runs the server configures it.

use portal_contract::MapTiles;

/// Refuses a template the browser could not use or the CSP could not name: it must be an
/// absolute http(s) address with `{z}`, `{x}` and `{y}`. A relative path on this server
/// (`/tiles/{z}/{x}/{y}.png`) is allowed too.
pub fn check(tiles: &MapTiles) -> Result<(), String> {
    let url = tiles.url_template.as_str();
    for part in ["{z}", "{x}", "{y}"] {
        if !url.contains(part) {
            return Err(format!("the tile address {url:?} lacks {part}"));
        }
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Ok(());
    }
    origin(url)
        .map(|_| ())
        .ok_or_else(|| format!("the tile address {url:?} is not an http(s) address"))
}

/// The CSP source that covers the template's host: `https://tile.example.org`, or
/// `https://*.tile.example.org` when the host has Leaflet's `{s}` subdomain.
pub fn origin(url_template: &str) -> Option<String> {
    crate::security::source_of(&url_template.replacen("://{s}.", "://*.", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiles(url: &str) -> MapTiles {
        MapTiles {
            url_template: url.into(),
            ..MapTiles::openstreetmap()
        }
    }

    #[test]
    fn names_the_tile_host_for_the_policy() {
        assert_eq!(
            origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        assert_eq!(
            origin("https://{s}.tile.example.vn/{z}/{x}/{y}.png").as_deref(),
            Some("https://*.tile.example.vn")
        );
        assert_eq!(
            origin("http://127.0.0.1:9000/{z}/{x}/{y}.png").as_deref(),
            Some("http://127.0.0.1:9000")
        );
        assert_eq!(origin("javascript:alert(1)//{z}{x}{y}"), None);
        assert_eq!(origin("https://a; script-src */{z}/{x}/{y}"), None);
    }

    #[test]
    fn accepts_only_usable_templates() {
        assert!(check(&MapTiles::openstreetmap()).is_ok());
        assert!(check(&tiles("/tiles/{z}/{x}/{y}.png")).is_ok());
        assert!(check(&tiles("https://tile.example.vn/{z}/{x}.png")).is_err());
        assert!(check(&tiles("ftp://tile.example.vn/{z}/{x}/{y}.png")).is_err());
        assert!(check(&tiles("//tile.example.vn/{z}/{x}/{y}.png")).is_err());
    }
}
