//! When the reader app starts. Trunk's page preloads the app's script and wasm and starts the
//! app as soon as the page is parsed: on a page that arrives readable (a reading view with a
//! `<main>`), the download and the app's first run then compete with the text for the
//! network and the main thread, and Lighthouse's model of a slow phone counts the whole
//! download against the Largest Contentful Paint. The reader app's page, as the server sends
//! it, starts the app only once such a page has painted (and at once on the pages whose view
//! is the frame alone, whose content the app draws). Its links and forms work meanwhile:
//! they are plain links and `GET` forms.

use portal_contract::READING_VIEW_ID;

/// `page` (trunk's build of the reader app) with the app started after the first paint of a
/// page that arrives readable: trunk's preloads of the script and the wasm removed and its
/// inline start script replaced. `None` when the page is not laid out as trunk 0.21 writes
/// it; the page then stays as built.
pub fn after_first_paint(page: &str) -> Option<String> {
    let script_at = page.find("<script type=\"module\">")?;
    let script_end = script_at + page[script_at..].find("</script>")? + "</script>".len();
    let script = &page[script_at..script_end];
    let module = between(script, "from '", '\'')?;
    let wasm = between(script, "module_or_path: '", '\'')?;
    let wasm_preload = link_naming(page, "rel=\"preload\"", wasm)?;
    let integrity = between(&page[wasm_preload.clone()], " integrity=\"", '"')
        .map(|digest| format!(", {{ integrity: '{digest}' }}"))
        .unwrap_or_default();
    // The first contentful paint, which the browser reports once the frame is on screen (a
    // task after the paint can run before that), and the load event: images the page shows
    // come before the app's download too.
    let start = format!(
        "<script type=\"module\">\n\
         // Started by the server's page (server/src/app_start.rs), not trunk's.\n\
         const start = () => import('{module}')\n  \
         .then((app) => app.default({{ module_or_path: fetch('{wasm}'{integrity}) }}));\n\
         if (document.querySelector('#{READING_VIEW_ID} main')) {{\n  \
         const painted = new Promise((resolve) => {{\n    \
         if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return resolve();\n    \
         new PerformanceObserver((paints, observer) => {{\n      \
         if (paints.getEntriesByName('first-contentful-paint').length === 0) return;\n      \
         observer.disconnect();\n      \
         resolve();\n    \
         }}).observe({{ type: 'paint', buffered: true }});\n  \
         }});\n  \
         const loaded = new Promise((resolve) => document.readyState === 'complete'\n    \
         ? resolve() : addEventListener('load', resolve, {{ once: true }}));\n  \
         Promise.all([painted, loaded]).then(() => setTimeout(start));\n\
         }} else start();\n\
         </script>"
    );
    let mut cuts = vec![wasm_preload, script_at..script_end];
    if let Some(module_preload) = link_naming(page, "rel=\"modulepreload\"", module) {
        cuts.push(module_preload);
    }
    cuts.sort_by_key(|cut| cut.start);
    let mut started = String::with_capacity(page.len() + start.len());
    let mut from = 0;
    for cut in cuts {
        started.push_str(&page[from..cut.start]);
        if cut.start == script_at {
            started.push_str(&start);
        }
        from = cut.end;
    }
    started.push_str(&page[from..]);
    Some(started)
}

/// The text between `opening` and the next `closing`.
fn between<'a>(text: &'a str, opening: &str, closing: char) -> Option<&'a str> {
    let rest = &text[text.find(opening)? + opening.len()..];
    Some(&rest[..rest.find(closing)?])
}

/// Where the `<link>` with `rel` and `href="{href}"` is in `page`, with its line's end.
fn link_naming(page: &str, rel: &str, href: &str) -> Option<std::ops::Range<usize>> {
    let href_at = page.find(&format!("href=\"{href}\""))?;
    let start = page[..href_at].rfind("<link")?;
    let mut end = href_at + page[href_at..].find('>')? + 1;
    if !page[start..end].contains(rel) {
        return None;
    }
    if page[end..].starts_with('\n') {
        end += 1;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of trunk 0.21.14's `reader/index.html` that this module reads and changes.
    const BUILT: &str = r#"<!DOCTYPE html><html lang="vi"><head>
<link rel="stylesheet" href="/reader/main-5.css" integrity="sha384-css"/>
<link rel="modulepreload" href="/reader/portal-web-9.js" crossorigin="anonymous" integrity="sha384-js">
<link rel="preload" href="/reader/portal-web-9_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm"></head>
<body>
<script type="module">
import init, * as bindings from '/reader/portal-web-9.js';
const wasm = await init({ module_or_path: '/reader/portal-web-9_bg.wasm' });
window.wasmBindings = bindings;
</script>
</body></html>"#;

    #[test]
    fn the_app_is_neither_preloaded_nor_started_by_trunks_script() {
        let page = after_first_paint(BUILT).expect("trunk's page is understood");
        assert!(!page.contains("modulepreload"), "{page}");
        assert!(!page.contains("rel=\"preload\""), "{page}");
        assert!(!page.contains("import init"), "{page}");
        assert!(
            page.contains("<link rel=\"stylesheet\" href=\"/reader/main-5.css\""),
            "{page}"
        );
        assert!(page.contains("import('/reader/portal-web-9.js')"), "{page}");
        assert!(
            page.contains("fetch('/reader/portal-web-9_bg.wasm', { integrity: 'sha384-wasm' })"),
            "the wasm keeps its digest: {page}"
        );
        assert!(
            page.contains("querySelector('#server-page main')"),
            "{page}"
        );
        assert_eq!(page.matches("<script").count(), 1, "{page}");
    }

    #[test]
    fn a_page_laid_out_otherwise_stays_as_built() {
        assert_eq!(
            after_first_paint("<html><body><p>no app</p></body></html>"),
            None
        );
        let without_preload = BUILT.replace("rel=\"preload\"", "rel=\"prefetch\"");
        assert_eq!(after_first_paint(&without_preload), None);
    }
}
