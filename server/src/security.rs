//! Security headers on every response: a strict Content-Security-Policy, no framing (except
//! the embeddable widgets, by the sites allowed to), no sniffing, a narrow referrer and
//! permissions policy.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::html::meta_content;

/// The headers, worked out once at start from the built app's `index.html` (its text).
#[derive(Debug, Clone)]
pub struct SecurityPolicy {
    content_security_policy: HeaderValue,
    /// The same for `/embed/*`, but framable by `frame-ancestors`.
    embed_policy: HeaderValue,
}

/// Where the widgets under `/embed/` may be framed: `*` (any site, the default) or a list of
/// origins such as `https://quangninh.gov.vn https://*.binhlieu.quangninh.gov.vn`. Returns
/// the `frame-ancestors` sources, or why the list is unusable.
pub fn embed_ancestors(list: &str) -> Result<String, String> {
    let entries: Vec<&str> = list
        .split([' ', ','])
        .filter(|entry| !entry.is_empty())
        .collect();
    if entries.is_empty() {
        return Err("the list of sites allowed to embed widgets is empty".into());
    }
    if entries == ["*"] {
        return Ok("*".into());
    }
    let mut sources = vec!["'self'".to_string()];
    for entry in entries {
        let source = source_of(entry.trim_end_matches('/'))
            .filter(|source| source.len() == entry.trim_end_matches('/').len())
            .ok_or_else(|| format!("{entry:?} is not an origin like https://example.gov.vn"))?;
        sources.push(source);
    }
    Ok(sources.join(" "))
}

impl SecurityPolicy {
    /// Trunk starts the app with an inline module script; rather than allowing every inline
    /// script (`'unsafe-inline'`), the policy allows exactly that script by its hash. An API
    /// on another origin (the `portal-api-base` meta tag) is added to `connect-src`.
    /// `tile_origin` is the base map's tile server (see `tiles::origin`), allowed in `img-src`;
    /// `embed_ancestors` is what `embed_ancestors` made of the configured list.
    /// `image_hosts` are the hosts article images may come from besides the portal's own.
    pub fn for_app(
        pages: &[&str],
        tile_origin: Option<&str>,
        image_hosts: &[String],
        embed_ancestors: &str,
    ) -> Self {
        let mut scripts: Vec<&str> = pages.iter().flat_map(|page| inline_scripts(page)).collect();
        scripts.sort_unstable();
        scripts.dedup();
        let script_hashes: String = scripts
            .into_iter()
            .map(|script| {
                let digest = Sha256::digest(script.as_bytes());
                format!(
                    " 'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            })
            .collect();
        let mut api_origins: Vec<String> =
            pages.iter().filter_map(|page| api_origin(page)).collect();
        api_origins.sort_unstable();
        api_origins.dedup();
        let api_origin: String = api_origins
            .iter()
            .map(|origin| format!(" {origin}"))
            .collect();
        let tile_origin = tile_origin
            .map(|origin| format!(" {origin}"))
            .unwrap_or_default();
        let image_hosts: String = image_hosts
            .iter()
            .map(|host| format!(" https://{host}"))
            .collect();
        let policy = |frame_ancestors: &str| {
            let text = format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
                 style-src 'self'; style-src-attr 'unsafe-hashes' '{EMPTY_STYLE_HASH}'; \
                 img-src 'self' data:{tile_origin}{image_hosts}; font-src 'self'; \
                 connect-src 'self'{api_origin}; object-src 'none'; base-uri 'self'; \
                 form-action 'self'; frame-ancestors {frame_ancestors}"
            );
            HeaderValue::from_str(&text).expect("the policy is built from ASCII parts")
        };
        Self {
            content_security_policy: policy("'none'"),
            embed_policy: policy(embed_ancestors),
        }
    }
}

/// The hash of an empty `style=""` attribute, the one inline style allowed: leptos-leaflet's
/// map container always writes its (empty) `style` attribute. Leaflet itself styles through
/// the CSSOM, which a policy does not restrict.
const EMPTY_STYLE_HASH: &str = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        rest.split_once("</script>").map(|(body, _)| body)
    })
}

/// The origin of an absolute API address configured in `index.html`, if any.
fn api_origin(html: &str) -> Option<String> {
    source_of(meta_content(html, "portal-api-base")?)
}

/// The CSP source (`scheme://host[:port]`) of an absolute http(s) address; `None` for
/// anything else, or for a host with characters that could end the directive. A host may
/// start with `*.` (every subdomain).
pub fn source_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split('/').next().filter(|host| !host.is_empty())?;
    let valid = host
        .strip_prefix("*.")
        .unwrap_or(host)
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    valid.then(|| format!("{scheme}://{host}"))
}

pub async fn add_headers(
    State(policy): State<Arc<SecurityPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let embeddable = request.uri().path().starts_with("/embed/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if embeddable {
        // frame-ancestors alone: X-Frame-Options cannot name several sites, and browsers
        // that know CSP ignore it when frame-ancestors is present.
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.embed_policy.clone());
    } else {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            policy.content_security_policy.clone(),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(
            // FLoC's `interest-cohort` is gone from browsers; naming it only logs a warning.
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html = r#"<script type="module">init();</script><script src="/a.js"></script><script>b()</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["init();", "b()"]);
    }

    #[test]
    fn reads_an_absolute_api_origin() {
        let relative = r#"<meta name="portal-api-base" content="/api/v1">"#;
        assert_eq!(api_origin(relative), None);
        let absolute =
            r#"<meta name="portal-api-base" content="https://api.example.gov.vn/api/v1">"#;
        assert_eq!(
            api_origin(absolute).as_deref(),
            Some("https://api.example.gov.vn")
        );
        let hostile = r#"<meta name="portal-api-base" content="https://x; script-src *">"#;
        assert_eq!(api_origin(hostile), None);
    }

    #[test]
    fn reads_the_sites_allowed_to_embed() {
        assert_eq!(embed_ancestors("*").as_deref(), Ok("*"));
        assert_eq!(
            embed_ancestors("https://quangninh.gov.vn, https://*.binhlieu.gov.vn/").as_deref(),
            Ok("'self' https://quangninh.gov.vn https://*.binhlieu.gov.vn")
        );
        assert!(embed_ancestors("").is_err());
        assert!(embed_ancestors("https://a.vn/trang").is_err());
        assert!(embed_ancestors("https://a.vn; script-src *").is_err());
        assert!(embed_ancestors("* https://a.vn").is_err());
    }

    #[test]
    fn allowed_image_hosts_are_in_img_src() {
        let policy = SecurityPolicy::for_app(
            &["<script>a()</script>"],
            None,
            &["media.quangninh.gov.vn".to_string()],
            "*",
        );
        let text = policy.content_security_policy.to_str().unwrap();
        assert!(
            text.contains("img-src 'self' data: https://media.quangninh.gov.vn;"),
            "{text}"
        );
    }

    #[test]
    fn the_policy_allows_each_apps_startup_script_by_hash() {
        let full = "<script type=\"module\">init();</script>";
        let reader = "<script type=\"module\">start();</script>";
        let policy = SecurityPolicy::for_app(
            &[full, reader, full],
            Some("https://tile.example.vn"),
            &[],
            "*",
        );
        let text = policy.content_security_policy.to_str().unwrap();
        // echo -n 'init();' | openssl dgst -sha256 -binary | base64
        let full_hash = "'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc='";
        assert_eq!(text.matches(full_hash).count(), 1, "{text}");
        assert!(
            text.contains("'sha256-E6jQvrT2ZivWG9GJ4AAEZf4MhI7l3QkLroW4hgvUT4c='"),
            "{text}"
        );
        assert!(
            !text.contains("'unsafe-inline'") && !text.contains("'unsafe-eval'"),
            "{text}"
        );
        assert!(text.contains("frame-ancestors 'none'"), "{text}");
        assert!(
            text.contains("img-src 'self' data: https://tile.example.vn;"),
            "{text}"
        );
    }
}
