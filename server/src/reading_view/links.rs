//! The page of linked websites (`src/pages/links.rs`, `LinkGroupsList` in
//! `src/components/widgets/links.rs`): each group with its websites.

use portal_contract::{Lang, LinkGroup, Site, READING_VIEW_ID};

use super::header::vietnamese_header;
use crate::html::escape;

/// Every group of linked websites under the portal's name and menu, each link opening in a
/// new tab as the app's do.
pub fn render_links(site: Option<&Site>, groups: &[LinkGroup]) -> String {
    let t = Lang::Vi.texts();
    let content: String = if groups.is_empty() {
        format!("<p class=\"empty\">{}</p>", t.links_none)
    } else {
        groups
            .iter()
            .map(|group| {
                let links: String = group
                    .links
                    .iter()
                    .map(|link| {
                        format!(
                            "<li><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}\
                             <span class=\"visually-hidden\">{}</span></a></li>",
                            escape(&link.url),
                            escape(&link.name),
                            t.links_new_tab
                        )
                    })
                    .collect();
                format!(
                    "<section class=\"link-group\"><h2 class=\"section-heading\">{}</h2>\
                     <ul class=\"link-list\">{links}</ul></section>",
                    escape(&group.name)
                )
            })
            .collect()
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1>{content}</main></div>",
        header = vietnamese_header(site),
        title = t.links_title,
    )
}
