//! `/robots.txt`: the staff area, the widgets and the API are not pages to index; the
//! sitemap says what is.

use axum::extract::State;
use axum::response::Response;

use super::document;
use crate::state::AppState;

pub async fn robots(State(state): State<AppState>) -> Response {
    document("text/plain; charset=utf-8", render(&state.site_origin()))
}

fn render(origin: &str) -> String {
    format!(
        "User-agent: *\nDisallow: /quan-tri\nDisallow: /embed\nDisallow: /api\n\nSitemap: {origin}/sitemap.xml\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_sitemap_and_keeps_staff_widgets_and_api_out() {
        let text = super::render("https://binhlieu.example");
        for line in [
            "Disallow: /quan-tri",
            "Disallow: /embed",
            "Disallow: /api",
            "Sitemap: https://binhlieu.example/sitemap.xml",
        ] {
            assert!(text.lines().any(|l| l == line), "{line}: {text}");
        }
    }
}
