//! `/lich-cong-tac?tuan=YYYY-Www`: the leaders' work schedule, one ISO week at a time.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_contract::time::format_day;
use portal_contract::{parse_iso_week, WeekSchedule};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::schedule::day_heading;
use crate::urls::{self, week_href};

#[component]
pub fn SchedulePage() -> impl IntoView {
    let query = use_query_map();
    // None: this week. Some(Err): an address with a week that does not exist.
    let requested = Memo::new(move |_| {
        query.read().get("tuan").map(|week| {
            let week = week.trim().to_string();
            if parse_iso_week(&week).is_some() {
                Ok(week)
            } else {
                Err(week)
            }
        })
    });
    let schedule = LocalResource::new(move || {
        let requested = requested.get();
        async move {
            match requested {
                Some(Ok(week)) => api::schedule(Some(&week)).await.map(Some),
                Some(Err(_)) => Ok(None),
                None => api::schedule(None).await.map(Some),
            }
        }
    });
    view! {
        <Title text="Lịch công tác" />
        <Meta name="description" content="Lịch công tác hằng tuần của lãnh đạo UBND huyện Bình Liêu." />
        <h1 class="page-title">"Lịch công tác"</h1>
        {loaded(schedule, Fit::page(8), |week| match week {
            Some(week) => view! { <Week week /> }.into_any(),
            None => view! {
                <p class="empty">"Tuần trong địa chỉ không hợp lệ. " <a href=urls::SCHEDULE>"Xem lịch tuần này"</a></p>
            }
            .into_any(),
        })}
    }
}

#[component]
fn Week(week: WeekSchedule) -> impl IntoView {
    let week_number = week
        .week
        .rsplit('W')
        .next()
        .unwrap_or_default()
        .trim_start_matches('0')
        .to_string();
    let range = format!(
        "Tuần {week_number}: từ {} đến {}",
        format_day(week.starts_on),
        format_day(week.ends_on)
    );
    let empty = week.is_empty();
    view! {
        <nav class="week-nav" aria-label="Chọn tuần">
            {week.previous_week.as_deref().map(|previous| view! {
                <a href=week_href(previous) rel="prev">"‹ Tuần trước"</a>
            })}
            <a href=urls::SCHEDULE>"Tuần này"</a>
            {week.next_week.as_deref().map(|next| view! {
                <a href=week_href(next) rel="next">"Tuần sau ›"</a>
            })}
        </nav>
        <p class="week-range" aria-live="polite">{range}</p>
        {if empty {
            view! { <p class="schedule-empty">"Lịch công tác trống"</p> }.into_any()
        } else {
            week.days
                .into_iter()
                .filter(|day| !day.entries.is_empty())
                .map(|day| {
                    let heading = day_heading(&day.weekday, day.date);
                    view! {
                        <section class="schedule-day">
                            <h2 class="section-heading">{heading}</h2>
                            <ul class="schedule-entries">
                                {day.entries.into_iter().map(|entry| view! {
                                    <li class="schedule-entry">
                                        <p class="schedule-entry-head">
                                            <span class="schedule-time">{entry.time}</span>
                                            " " <span class="schedule-content">{entry.content}</span>
                                        </p>
                                        <dl>
                                            <div><dt>"Chủ trì:"</dt> " " <dd>{entry.chair}</dd></div>
                                            <div><dt>"Thành phần:"</dt> " " <dd>{entry.participants}</dd></div>
                                            <div><dt>"Địa điểm:"</dt> " " <dd>{entry.place}</dd></div>
                                        </dl>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }}
    }
}
