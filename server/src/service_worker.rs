//! `/sw.js`: the service worker that keeps the reader app and the last articles a reader
//! opened for reading offline (`service_worker.js`), made for the running build: it names the
//! reader app's files, and its version changes with them, so that a new release replaces the
//! old worker and its files.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("service_worker.js");

/// The page of saved articles: kept with the app's files, shown offline.
pub const SAVED_PAGE: &str = portal_contract::SAVED_PAGE_PATH;

/// The worker for the reader app whose page is `reader_page`.
pub fn script(reader_page: &str) -> String {
    let mut shell: Vec<&str> = app_files(reader_page);
    shell.push(SAVED_PAGE);
    let digest = Sha256::digest(shell.join("\n").as_bytes());
    let version: String = digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    TEMPLATE
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace(
            "__SHELL__",
            &serde_json::to_string(&shell).expect("paths serialize"),
        )
}

/// The files the reader app's page loads from its build (`/reader/…`): script, wasm, style,
/// icon. Their names carry trunk's content hash.
fn app_files(page: &str) -> Vec<&str> {
    let mut files: Vec<&str> = ["href=\"", "src=\""]
        .iter()
        .flat_map(|attribute| page.split(attribute).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .filter(|url| url.starts_with(&format!("/{}/", crate::pages::READER_DIR)))
        .collect();
    files.sort_unstable();
    files.dedup();
    files
}

/// The answer to `GET /sw.js`: always revalidated, so that a release reaches readers at once.
pub fn answer(script: &str) -> Response {
    let mut response = script.to_string().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<link rel="stylesheet" href="/reader/main-1af035248d421ae0.css"/>
        <link rel="preload" href="/api/v1/site" as="fetch">
        <link rel="modulepreload" href="/reader/portal-web-f23aabd031ec578b.js">
        <link rel="preload" href="/reader/portal-web-f23aabd031ec578b_bg.wasm" as="fetch">
        <script type="module">import init from '/reader/portal-web-f23aabd031ec578b.js';</script>"#;

    #[test]
    fn names_the_reader_apps_files_and_the_saved_page() {
        let script = script(PAGE);
        assert!(script.contains(
            r#"const SHELL = ["/reader/main-1af035248d421ae0.css","/reader/portal-web-f23aabd031ec578b.js","/reader/portal-web-f23aabd031ec578b_bg.wasm","/da-luu"];"#
        ), "{script}");
        assert!(!script.contains("__VERSION__"));
    }

    #[test]
    fn the_worker_names_the_contracts_paths() {
        assert!(TEMPLATE.contains(&format!(
            "const SAVED_PAGE = '{}';",
            portal_contract::SAVED_PAGE_PATH
        )));
        assert!(TEMPLATE.contains(&format!(
            "const SAVED_INDEX = '{}';",
            portal_contract::SAVED_INDEX_PATH
        )));
    }

    #[test]
    fn a_new_build_is_a_new_version() {
        let version = |script: &str| {
            script
                .lines()
                .find(|line| line.starts_with("const VERSION"))
                .unwrap()
                .to_string()
        };
        let next = PAGE.replace("f23aabd031ec578b", "0123456789abcdef");
        assert_ne!(version(&script(PAGE)), version(&script(&next)));
    }
}
