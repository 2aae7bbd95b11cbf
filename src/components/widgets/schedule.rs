//! Lịch công tác: this week's entries, in short.

use leptos::prelude::*;
use portal_contract::week::day_heading;
use portal_contract::WeekSchedule;

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;
use crate::urls;

#[component]
pub fn ScheduleBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <Block id="schedule" heading=t.schedule_title>
            <ThisWeek />
        </Block>
    }
}

/// This week in short and a link to the schedule page: the block's body, and the embed's.
#[component]
pub fn ThisWeek() -> impl IntoView {
    let t = crate::i18n::texts();
    let week = LocalResource::new(|| api::schedule(None));
    view! {
        {loaded(week, Fit::block(t.schedule_empty), |week: WeekSchedule| view! { <WeekSummary week /> })}
        <p class="more-link"><a href=urls::SCHEDULE>{t.schedule_more}</a></p>
    }
}

#[component]
fn WeekSummary(week: WeekSchedule) -> impl IntoView {
    if week.is_empty() {
        return view! { <p class="empty">{crate::i18n::texts().schedule_empty}</p> }.into_any();
    }
    view! {
        <ul class="schedule-summary">
            {week
                .days
                .into_iter()
                .filter(|day| !day.entries.is_empty())
                .map(|day| {
                    let heading = day_heading(crate::i18n::lang(), &day.weekday, day.date);
                    view! {
                        <li>
                            <p class="schedule-summary-day">{heading}</p>
                            <ul>
                                {day.entries.into_iter().map(|entry| view! {
                                    <li><span class="schedule-time">{entry.time}</span> " " {entry.content}</li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
