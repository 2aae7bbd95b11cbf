//! Thống kê truy cập: visits today and in all.

use leptos::prelude::*;
use portal_contract::{group_digits, VisitStats};

use crate::api::ApiFailure;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;

/// The statistics after counting this session's visit, loaded once by the app.
pub type SessionVisits = LocalResource<Result<VisitStats, ApiFailure>>;

#[component]
pub fn VisitStatsBlock() -> impl IntoView {
    let stats = expect_context::<SessionVisits>();
    view! {
        <Block id="stats" heading="Thống kê truy cập">
            {loaded(stats, Fit::block("Chưa có số liệu."), |stats| view! { <VisitStatsList stats /> })}
        </Block>
    }
}

#[component]
pub fn VisitStatsList(stats: VisitStats) -> impl IntoView {
    view! {
        <dl class="visit-stats">
            <div><dt>"Hôm nay:"</dt> " " <dd class="visits-today">{group_digits(stats.today)}</dd></div>
            <div><dt>"Đã truy cập:"</dt> " " <dd class="visits-total">{group_digits(stats.total)}</dd></div>
        </dl>
    }
}
