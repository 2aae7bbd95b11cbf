//! Article HTML allowlist. Every body passes through here before it is stored, so the app
//! can put stored bodies into `innerHTML` as they are.

use std::collections::HashSet;
use std::sync::OnceLock;

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "p",
            "br",
            "h2",
            "h3",
            "h4",
            "ul",
            "ol",
            "li",
            "a",
            "strong",
            "em",
            "b",
            "i",
            "u",
            "sub",
            "sup",
            "img",
            "figure",
            "figcaption",
            "table",
            "caption",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "blockquote",
        ]
        .into_iter()
        .collect();
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(tags)
            .add_tag_attributes("a", ["href", "title"])
            .add_tag_attributes("img", ["src", "alt", "width", "height"])
            // ammonia allows `cite` by default without checking its URL scheme.
            .rm_tag_attributes("blockquote", ["cite"])
            .add_tag_attributes("th", ["colspan", "rowspan", "scope"])
            .add_tag_attributes("td", ["colspan", "rowspan"])
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(Some("noopener noreferrer"))
            // Images never block the first paint of an article.
            .set_tag_attribute_value("img", "loading", "lazy")
            // The text of these is code, not content: drop it with the tag.
            .clean_content_tags(
                [
                    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg",
                    "math",
                ]
                .into_iter()
                .collect(),
            );
        builder
    })
}

/// Keeps only the allowed tags and attributes of `html`.
pub fn article_html(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// The text of `html` without tags, for summaries.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_structure() {
        let html = "<h2>Kết quả</h2><p>Năm <strong>2021</strong>, <em>812</em> học sinh.</p><ul><li>một</li></ul>";
        assert_eq!(article_html(html), html);
    }

    #[test]
    fn removes_scripts_handlers_and_bad_urls() {
        let dirty = r#"<blockquote cite="javascript:alert(5)">q</blockquote><p onclick="alert(1)">a<script>alert(2)</script></p><a href="javascript:alert(3)">x</a><img src="x" onerror="alert(4)" alt="ảnh"><iframe src="https://example.org"></iframe><style>p{}</style>"#;
        let clean = article_html(dirty);
        for bad in [
            "onclick",
            "script",
            "alert",
            "javascript:",
            "onerror",
            "iframe",
            "style",
        ] {
            assert!(!clean.contains(bad), "{bad} survived in {clean}");
        }
        assert!(clean.contains(r#"alt="ảnh""#), "{clean}");
    }

    #[test]
    fn links_get_safe_rel() {
        let clean = article_html(r#"<a href="https://quangninh.gov.vn" target="_blank">Tỉnh</a>"#);
        assert!(clean.contains(r#"rel="noopener noreferrer""#), "{clean}");
        assert!(!clean.contains("target"), "{clean}");
    }

    #[test]
    fn h1_becomes_text_because_the_page_owns_the_only_h1() {
        assert_eq!(article_html("<h1>Tiêu đề</h1>"), "Tiêu đề");
    }

    #[test]
    fn sanitizing_twice_changes_nothing() {
        let dirty = r#"<p>a &amp; b <a href="/x" title='t"'>l</a><img src="/i.png" alt="x"></p><table><tr><td colspan="2">c</td></tr></table>"#;
        let once = article_html(dirty);
        assert_eq!(article_html(&once), once);
    }

    #[test]
    fn plain_text_strips_tags_and_entities() {
        assert_eq!(
            plain_text("<p>Ngày 2/12 &amp; 3/12</p><p>Hội&nbsp;nghị</p>"),
            "Ngày 2/12 & 3/12 Hội nghị"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::article_html;
    use proptest::prelude::*;

    /// Pieces of HTML, benign and hostile, that arbitrary bodies are assembled from.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<a href=\"https://quangninh.gov.vn\">".to_string()),
            Just("<a href=\"javascript:alert(1)\">".to_string()),
            Just("</a>".to_string()),
            Just("<img src=x onerror=alert(1) alt=\"ảnh\">".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("<table><tr><td colspan=2>".to_string()),
            Just("<svg><style><img src=x onerror=alert(1)>".to_string()),
            Just("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">".to_string()),
            Just("&amp;&lt;&#106;&#x61;".to_string()),
            Just("<!-- x -->".to_string()),
            Just("<h1>".to_string()),
            Just("<blockquote><em>".to_string()),
            "[a-zA-Zàáảãạđêôơư0-9 <>&\"'=/]{0,12}".prop_map(|s| s),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn sanitizing_is_idempotent(pieces in prop::collection::vec(fragment(), 0..24)) {
            let html: String = pieces.concat();
            let once = article_html(&html);
            prop_assert_eq!(article_html(&once), once);
        }
    }
}
