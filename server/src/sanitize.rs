//! Article HTML allowlist. Every body passes through here before it is stored, so the app
//! can put stored bodies into `innerHTML` as they are.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

/// Hosts other than the portal's own that article images may come from (`--allowed-image-hosts`,
/// for a CMS that keeps its images elsewhere), set once at start; none by default. The CSP's
/// `img-src` names the same hosts.
static ALLOWED_IMAGE_HOSTS: OnceLock<Arc<[String]>> = OnceLock::new();

/// Sets the allowed image hosts for this process; the first call wins.
pub fn allow_image_hosts(hosts: Vec<String>) {
    let _ = ALLOWED_IMAGE_HOSTS.set(hosts.into());
}

pub fn allowed_image_hosts() -> Arc<[String]> {
    ALLOWED_IMAGE_HOSTS.get_or_init(|| Arc::from([])).clone()
}

/// Reads `--allowed-image-hosts`: host names separated by spaces or commas.
pub fn parse_image_hosts(list: &str) -> Result<Vec<String>, String> {
    list.split([' ', ','])
        .filter(|host| !host.is_empty())
        .map(|host| {
            let valid = host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
                && host.contains('.');
            if valid {
                Ok(host.to_ascii_lowercase())
            } else {
                Err(format!(
                    "{host:?} is not a host name like media.quangninh.gov.vn"
                ))
            }
        })
        .collect()
}

/// A link target a reader's browser opens where it says: an absolute http(s), mailto or tel
/// address (checked by scheme), or a path on this site. A relative address is refused when
/// a browser would resolve it to another host: `//host`, `/\host`, `\\host`, also with the
/// tabs, line breaks and leading spaces a browser drops first.
pub fn relative_url_allowed(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut start = cleaned.chars();
    let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    !(slash(start.next()) && slash(start.next()))
}

/// An image source: a path on this site, or an https address on an allowed host.
pub fn image_url_allowed(url: &str, allowed_hosts: &[String]) -> bool {
    match url::Url::parse(url.trim()) {
        Ok(parsed) => {
            parsed.scheme() == "https"
                && parsed.host_str().is_some_and(|host| {
                    allowed_hosts
                        .iter()
                        .any(|allowed| allowed.eq_ignore_ascii_case(host))
                })
        }
        Err(url::ParseError::RelativeUrlWithoutBase) => relative_url_allowed(url),
        Err(_) => false,
    }
}

fn keep_safe_relative(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    relative_url_allowed(url).then_some(std::borrow::Cow::Borrowed(url))
}

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| builder(allowed_image_hosts()))
}

fn builder(image_hosts: Arc<[String]>) -> ammonia::Builder<'static> {
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
        .url_relative(ammonia::UrlRelative::Custom(Box::new(keep_safe_relative)))
        // Remote images are tracking pixels: only the portal's own and allowed hosts'.
        .attribute_filter(move |element, attribute, value| {
            if element == "img" && attribute == "src" && !image_url_allowed(value, &image_hosts) {
                return None;
            }
            Some(value.into())
        })
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
}

/// The rules stored bodies were cleaned by: a stricter sanitizer (a new version) or a shorter
/// list of image hosts cleans them again on start (`reclean_stored`).
const RULES_VERSION: &str = "2";

fn rules() -> String {
    format!("{RULES_VERSION} {}", allowed_image_hosts().join(" "))
}

/// Cleans every stored article and document body again if the rules changed since it was
/// stored: bodies imported under an older, laxer sanitizer lose what is no longer allowed.
/// Returns how many changed.
pub fn reclean_stored(conn: &mut crate::db::Conn) -> crate::db::Result<usize> {
    const SETTING: &str = "sanitizer_rules";
    let rules = rules();
    if crate::store::settings::get(conn, SETTING)?.as_deref() == Some(rules.as_str()) {
        return Ok(0);
    }
    let hosts = allowed_image_hosts();
    conn.transaction(|tx| {
        let changed = crate::store::articles::reclean(tx, |stored| {
            let body_html = article_html(&stored.body_html);
            let image = stored
                .image
                .clone()
                .filter(|image| image_url_allowed(&image.url, &hosts));
            if body_html == stored.body_html && image == stored.image {
                return None;
            }
            let body_text = plain_text(&body_html);
            Some((body_html, body_text, image))
        })?;
        if changed > 0 {
            crate::store::search::optimize(tx)?;
        }
        let documents = crate::store::documents::reclean(tx, |stored| {
            let body_html = article_html(&stored.body_html);
            (body_html != stored.body_html).then(|| {
                let body_text = plain_text(&body_html);
                (body_html, body_text)
            })
        })?;
        if documents > 0 {
            crate::store::document_search::optimize(tx)?;
        }
        crate::store::settings::set(tx, SETTING, &rules)?;
        Ok(changed + documents)
    })
}

/// Keeps only the allowed tags and attributes of `html`.
pub fn article_html(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// `article_html` with images from these hosts allowed (tests; the server configures the
/// process once with `allow_image_hosts`).
pub fn article_html_allowing(html: &str, image_hosts: &[String]) -> String {
    builder(image_hosts.into()).clean(html).to_string()
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
    fn links_never_lead_to_another_host_unannounced() {
        for bad in [
            "//evil.example/x",
            "/\\evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            " //evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "\u{1}//evil.example",
        ] {
            let clean = article_html(&format!("<a href=\"{bad}\">x</a>"));
            assert!(!clean.contains("href"), "{bad:?} survived: {clean}");
            assert!(!relative_url_allowed(bad), "{bad:?}");
        }
        for good in [
            "/tin-tuc/a",
            "tin-tuc/a",
            "#muc-2",
            "?trang=2",
            "https://quangninh.gov.vn/a",
            "http://binhlieu.gov.vn",
            "mailto:vanphong@binhlieu.gov.vn",
            "tel:+842033878125",
        ] {
            let clean = article_html(&format!("<a href=\"{good}\">x</a>"));
            assert!(clean.contains("href="), "{good:?} was dropped: {clean}");
        }
        for bad in [
            "ftp://x.example/a",
            "data:text/html,x",
            "javascript:alert(1)",
        ] {
            let clean = article_html(&format!("<a href=\"{bad}\">x</a>"));
            assert!(!clean.contains("href"), "{bad:?} survived: {clean}");
        }
    }

    #[test]
    fn images_come_from_this_site_or_an_allowed_host() {
        let body = r#"<img src="/media/a.jpg" alt="a"><img src="https://tracker.example/p.gif" alt="b"><img src="//tracker.example/p.gif" alt="c"><img src="data:image/gif;base64,R0lGOD" alt="d"><img src="https://media.quangninh.gov.vn/x.jpg" alt="e">"#;
        let clean = article_html(body);
        assert!(clean.contains(r#"src="/media/a.jpg""#), "{clean}");
        assert!(
            !clean.contains("tracker") && !clean.contains("data:"),
            "{clean}"
        );
        assert!(
            !clean.contains("quangninh"),
            "no host is allowed by default: {clean}"
        );
        let allowed = article_html_allowing(body, &["media.quangninh.gov.vn".to_string()]);
        assert!(
            allowed.contains(r#"src="https://media.quangninh.gov.vn/x.jpg""#),
            "{allowed}"
        );
        assert!(!allowed.contains("tracker"), "{allowed}");
    }

    #[test]
    fn image_hosts_are_host_names() {
        assert_eq!(
            parse_image_hosts("media.quangninh.gov.vn, Anh.Binhlieu.gov.vn").unwrap(),
            ["media.quangninh.gov.vn", "anh.binhlieu.gov.vn"]
        );
        for bad in ["https://a.vn", "a.vn/x", "*.a.vn", "localhost", "a.vn;b"] {
            assert!(parse_image_hosts(bad).is_err(), "{bad}");
        }
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
