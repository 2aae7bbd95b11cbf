//! HTML the server writes (the app's page, the reading view) and reads (the app's settings in
//! its page).

/// `text` with the characters that HTML gives a meaning escaped, for element content and
/// quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The `content` of the page's `<meta name="{name}" content="...">`, trimmed, as the app
/// reads its run-time settings (`portal-api-base`).
pub fn meta_content<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let name_at = html.find(&format!("name=\"{name}\""))?;
    let tag = &html[html[..name_at].rfind('<')?..];
    let tag = &tag[..tag.find('>')?];
    Some(tag.split("content=\"").nth(1)?.split('"').next()?.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_meta_tags_content_in_any_attribute_order() {
        let page = r#"<head><meta charset="utf-8"><meta name="portal-api-base" content=" /api/v1 "><meta content="x" name="other"></head>"#;
        assert_eq!(meta_content(page, "portal-api-base"), Some("/api/v1"));
        assert_eq!(meta_content(page, "other"), Some("x"));
        assert_eq!(meta_content(page, "missing"), None);
    }
}
