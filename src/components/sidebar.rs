//! The column of blocks beside the content (below it on phones).

use leptos::prelude::*;

use crate::components::widgets::article_block::{DepartmentNewsBlock, FeaturedBlock, PressBlock};
use crate::components::widgets::links::LinksBlock;
use crate::components::widgets::map_sketch::MapBlock;
use crate::components::widgets::schedule::ScheduleBlock;
use crate::components::widgets::visit_stats::VisitStatsBlock;

/// `featured` is off on the home page, which shows featured news in its main column.
#[component]
pub fn Sidebar(#[prop(default = true)] featured: bool) -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <aside class="sidebar" aria-label=t.sidebar_label>
            {featured.then(|| view! { <FeaturedBlock /> })}
            <DepartmentNewsBlock />
            <PressBlock />
            <ScheduleBlock />
            <MapBlock />
            <VisitStatsBlock />
            <LinksBlock />
        </aside>
    }
}
