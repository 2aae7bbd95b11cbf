//! Thống kê truy cập: visits today and in all.

use leptos::prelude::*;
use portal_contract::VisitStats;

use crate::api::ApiFailure;
use crate::components::counts::number;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;

/// The statistics after counting this session's visit, loaded once by the app.
pub type SessionVisits = LocalResource<Result<VisitStats, ApiFailure>>;

#[component]
pub fn VisitStatsBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    let stats = expect_context::<SessionVisits>();
    view! {
        <Block id="stats" heading=t.visit_stats_heading>
            {loaded(stats, Fit::block(t.visit_stats_none), |stats| view! { <VisitStatsList stats /> })}
        </Block>
    }
}

#[component]
pub fn VisitStatsList(stats: VisitStats) -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <dl class="visit-stats">
            <div><dt>{t.visits_today}</dt> " " <dd class="visits-today">{number(stats.today)}</dd></div>
            <div><dt>{t.visits_total}</dt> " " <dd class="visits-total">{number(stats.total)}</dd></div>
        </dl>
    }
}
