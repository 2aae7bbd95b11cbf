//! `/embed.js`: the loader other sites include to show the portal's widgets. Its list of
//! widgets comes from the contract, so it always matches the app's `/embed/{widget}` pages.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use portal_contract::embed::{Widget, HEIGHT_MESSAGE};

const TEMPLATE: &str = include_str!("../assets/embed.js");

/// The loader's text: the template with the widgets and the message name filled in.
pub fn loader() -> &'static str {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    SCRIPT.get_or_init(|| {
        let widgets: serde_json::Map<String, serde_json::Value> = Widget::ALL
            .into_iter()
            .map(|widget| {
                let description = serde_json::json!({
                    "title": format!("{} – Cổng thông tin điện tử huyện Bình Liêu", widget.title()),
                    "options": widget.options(),
                });
                (widget.slug().to_owned(), description)
            })
            .collect();
        TEMPLATE
            .replace(
                "__WIDGETS__",
                &serde_json::Value::Object(widgets).to_string(),
            )
            .replace("__MESSAGE__", HEIGHT_MESSAGE)
    })
}

pub async fn loader_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            // Host pages keep it for an hour; a changed loader reaches them within that.
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        loader(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_names_every_widget_and_its_options() {
        let script = loader();
        assert!(!script.contains("__WIDGETS__") && !script.contains("__MESSAGE__"));
        for widget in Widget::ALL {
            assert!(
                script.contains(&format!("\"{}\":{{", widget.slug())),
                "{}",
                widget.slug()
            );
        }
        assert!(script.contains(r#""options":["so","chuyen-muc"]"#));
        assert!(script.contains("var MESSAGE = 'portal-widget-height';"));
    }
}
