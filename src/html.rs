//! Text put into HTML that the app writes as a string (Leaflet's credit line, code to copy).

/// `text` with the characters that could end a text node or an attribute value escaped.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
