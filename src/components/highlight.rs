//! Search hits' text with the searched words marked.

use leptos::prelude::*;
use portal_contract::Segment;

/// Text with its matched parts in `<mark>`; the parts are text nodes, never parsed as HTML.
pub fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| {
            if segment.matched {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
}

/// `text` as one unmarked part, for a hit without a highlight.
pub fn plain(text: String) -> Vec<Segment> {
    vec![Segment {
        text,
        matched: false,
    }]
}
