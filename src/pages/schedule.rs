//! `/lich-cong-tac?tuan=YYYY-Www`: the leaders' work schedule, one ISO week at a time.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_contract::week::{day_heading, week_href, week_range, WEEK_PARAM};
use portal_contract::{parse_iso_week, WeekSchedule};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::reading_view;
use crate::urls;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let t = crate::i18n::texts();
    let query = use_query_map();
    // None: this week. Some(Err): an address with a week that does not exist.
    let requested = Memo::new(move |_| {
        query.read().get(WEEK_PARAM).map(|week| {
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
    reading_view::hand_over_when_loaded(schedule);
    view! {
        <Title text=t.schedule_title />
        <Meta name="description" content=t.schedule_description />
        <h1 class="page-title">{t.schedule_title}</h1>
        {loaded(schedule, Fit::page(8), move |week| match week {
            Some(week) => view! { <Week week /> }.into_any(),
            None => view! {
                <p class="empty">{t.schedule_bad_week} <a href=urls::SCHEDULE>{t.schedule_this_week_link}</a></p>
            }
            .into_any(),
        })}
    }
}

#[component]
fn Week(week: WeekSchedule) -> impl IntoView {
    let (t, lang) = (crate::i18n::texts(), crate::i18n::lang());
    let range = week_range(lang, &week);
    let empty = week.is_empty();
    view! {
        <nav class="week-nav" aria-label=t.schedule_week_nav>
            {week.previous_week.as_deref().map(|previous| view! {
                <a href=week_href(previous) rel="prev">{t.schedule_previous}</a>
            })}
            <a href=urls::SCHEDULE>{t.schedule_this_week}</a>
            {week.next_week.as_deref().map(|next| view! {
                <a href=week_href(next) rel="next">{t.schedule_next}</a>
            })}
        </nav>
        <p class="week-range" aria-live="polite">{range}</p>
        {if empty {
            view! { <p class="schedule-empty">{t.schedule_empty}</p> }.into_any()
        } else {
            week.days
                .into_iter()
                .filter(|day| !day.entries.is_empty())
                .map(|day| {
                    let heading = day_heading(lang, &day.weekday, day.date);
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
                                            <div><dt>{t.schedule_chair}</dt> " " <dd>{entry.chair}</dd></div>
                                            <div><dt>{t.schedule_participants}</dt> " " <dd>{entry.participants}</dd></div>
                                            <div><dt>{t.schedule_place}</dt> " " <dd>{entry.place}</dd></div>
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
