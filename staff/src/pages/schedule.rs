//! `/quan-tri/lich-cong-tac?tuan=YYYY-Www`: the leaders' work schedule, a week at a time,
//! edited as a list of entries and saved whole (approvers and admins).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use portal_contract::editorial::{DatedScheduleEntry, WeekEntries};
use portal_contract::limits::{
    SCHEDULE_CONTENT_MAX_CHARS, SCHEDULE_PERSON_MAX_CHARS, SCHEDULE_PLACE_MAX_CHARS,
    SCHEDULE_WEEK_MAX_ENTRIES,
};
use portal_contract::staff::StaffRole;
use portal_contract::time::format_day;
use portal_contract::week::week_after;
use portal_contract::{iso_week_label, parse_iso_week, weekday_name, WeekSchedule};

use crate::api;
use crate::app::BASE;
use crate::ui::{focus_soon, loaded, Message, MessageArea, RequireRole};

/// This week in Vietnam, whatever the computer's time zone.
fn this_week() -> String {
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .with_timezone(&portal_contract::portal_offset());
    iso_week_label(now.date_naive())
}

fn week_href(week: &str) -> String {
    format!("{BASE}/lich-cong-tac?tuan={week}")
}

/// An entry being edited; `key` tells it apart while entries come and go.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    key: u32,
    entry: DatedScheduleEntry,
}

fn rows_of(week: &WeekSchedule, next_key: &mut u32) -> Vec<Row> {
    week.days
        .iter()
        .flat_map(|day| {
            day.entries.iter().map(move |entry| DatedScheduleEntry {
                date: day.date,
                time: entry.time.clone(),
                content: entry.content.clone(),
                chair: entry.chair.clone(),
                participants: entry.participants.clone(),
                place: entry.place.clone(),
            })
        })
        .map(|entry| {
            *next_key += 1;
            Row {
                key: *next_key,
                entry,
            }
        })
        .collect()
}

/// The entry and field a 422's key names (`entries[3].time`, `entries.3.time`), if any.
fn entry_field(key: &str) -> Option<(usize, String)> {
    let parts: Vec<&str> = key
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|part| !part.is_empty())
        .collect();
    let index = parts.iter().find_map(|part| part.parse::<usize>().ok())?;
    let field = parts.last().filter(|part| part.parse::<usize>().is_err())?;
    Some((index, field.to_string()))
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let query = use_query_map();
    let week = Memo::new(move |_| {
        query
            .read()
            .get("tuan")
            .filter(|week| parse_iso_week(week).is_some())
            .unwrap_or_else(this_week)
    });
    let schedule = LocalResource::new(move || {
        let week = week.get();
        async move { api::week(&week).await }
    });
    view! {
        <Title text="Lịch công tác" />
        <h1 class="page-title">"Lịch công tác"</h1>
        <RequireRole role=StaffRole::Approver>
            {loaded(schedule, |week| view! { <WeekEditor week /> })}
        </RequireRole>
    }
}

#[component]
fn WeekEditor(week: WeekSchedule) -> impl IntoView {
    let monday = week.starts_on;
    let label = week.week.clone();
    let days: Vec<NaiveDate> = week.days.iter().map(|day| day.date).collect();
    let next_key = StoredValue::new(0u32);
    let rows = RwSignal::new(
        next_key
            .try_update_value(|key| rows_of(&week, key))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let message = RwSignal::new(Message::None);
    let (busy, set_busy) = signal(false);

    let add = move || {
        let key = next_key.try_update_value(|key| {
            *key += 1;
            *key
        });
        let Some(key) = key else { return };
        rows.update(|rows| {
            // A new entry starts on the day of the one before it, the Monday otherwise.
            let date = rows.last().map_or(monday, |row| row.entry.date);
            rows.push(Row {
                key,
                entry: DatedScheduleEntry {
                    date,
                    time: String::new(),
                    content: String::new(),
                    chair: String::new(),
                    participants: String::new(),
                    place: String::new(),
                },
            });
        });
        focus_soon(format!("entry-{key}-date"));
    };
    let remove = Callback::new(move |key: u32| {
        let position = rows.with_untracked(|rows| rows.iter().position(|row| row.key == key));
        rows.update(|rows| rows.retain(|row| row.key != key));
        // The focus goes to the entry that took its place, or to "Thêm mục".
        let next = rows.with_untracked(|rows| {
            position
                .and_then(|at| rows.get(at).or_else(|| rows.last()))
                .map(|row| format!("entry-{}-date", row.key))
        });
        focus_soon(next.unwrap_or_else(|| "add-entry".into()));
        errors.set(BTreeMap::new());
    });
    let save = {
        let label = label.clone();
        move || {
            let entries: Vec<DatedScheduleEntry> =
                rows.with_untracked(|rows| rows.iter().map(|row| row.entry.clone()).collect());
            let label = label.clone();
            set_busy.set(true);
            message.set(Message::None);
            leptos::task::spawn_local(async move {
                let result = api::save_week(&label, &WeekEntries { entries }).await;
                set_busy.set(false);
                match result {
                    Ok(saved) => {
                        let fresh = next_key
                            .try_update_value(|key| rows_of(&saved, key))
                            .unwrap_or_default();
                        rows.set(fresh);
                        errors.set(BTreeMap::new());
                        message.set(Message::Done(format!(
                            "Đã lưu lịch tuần {} ({} – {}).",
                            week_number(&saved.week),
                            format_day(saved.starts_on),
                            format_day(saved.ends_on)
                        )));
                    }
                    Err(failure) => {
                        let fields = failure.fields();
                        let general: Vec<String> = fields
                            .iter()
                            .filter(|(key, _)| entry_field(key).is_none())
                            .map(|(_, text)| text.clone())
                            .collect();
                        let first = fields.keys().find_map(|key| entry_field(key));
                        errors.set(fields);
                        let mut text = format!("Chưa lưu được lịch tuần. {}", failure.message());
                        for line in general {
                            text.push(' ');
                            text.push_str(&line);
                        }
                        message.set(Message::Problem(text));
                        if let Some((index, field)) = first {
                            let key =
                                rows.with_untracked(|rows| rows.get(index).map(|row| row.key));
                            if let Some(key) = key {
                                focus_soon(format!("entry-{key}-{field}"));
                            }
                        }
                    }
                }
            });
        }
    };
    // By entry and field, for the notes under each field.
    let entry_errors = Memo::new(move |_| {
        errors.with(|errors| {
            errors
                .iter()
                .filter_map(|(key, text)| entry_field(key).map(|at| (at, text.clone())))
                .collect::<BTreeMap<(usize, String), String>>()
        })
    });

    let previous = week_after(monday, -7);
    let next = week_after(monday, 7);
    let public = format!("/lich-cong-tac?tuan={label}");
    view! {
        <nav class="week-nav" aria-label="Chọn tuần">
            {previous.map(|week| view! { <a href=week_href(&week) rel="prev">"‹ Tuần trước"</a> })}
            <a href=week_href(&this_week())>"Tuần này"</a>
            {next.map(|week| view! { <a href=week_href(&week) rel="next">"Tuần sau ›"</a> })}
        </nav>
        <h2 class="week-range">
            {format!(
                "Tuần {} ({} – {})",
                week_number(&label),
                format_day(week.starts_on),
                format_day(week.ends_on)
            )}
        </h2>
        <p class="hint">
            "Lưu xong, lịch hiện ngay trên trang công khai: "
            <a href=public.clone() target="_blank" rel="noopener">"xem lịch tuần này trên cổng"</a>"."
        </p>
        <form
            class="staff-form"
            novalidate
            on:submit={
                let save = save.clone();
                move |event| {
                    event.prevent_default();
                    save();
                }
            }
        >
            {move || rows.with(Vec::is_empty).then(|| view! {
                <p class="empty">"Tuần này chưa có lịch. Bấm “Thêm mục” để thêm."</p>
            })}
            <ol class="schedule-rows">
                <For
                    each=move || rows.get()
                    key=|row| row.key
                    children=move |row| {
                        let days = days.clone();
                        view! { <EntryFields row rows days entry_errors remove /> }
                    }
                />
            </ol>
            <div class="staff-actions">
                <button
                    id="add-entry"
                    type="button"
                    class="button button-secondary"
                    disabled=move || rows.with(|rows| rows.len() >= SCHEDULE_WEEK_MAX_ENTRIES)
                    on:click=move |_| add()
                >
                    "Thêm mục"
                </button>
                <button type="submit" class="button" disabled=busy>
                    {move || if busy.get() { "Đang lưu…" } else { "Lưu lịch tuần" }}
                </button>
            </div>
            <MessageArea message />
        </form>
    }
}

fn week_number(label: &str) -> String {
    label
        .rsplit('W')
        .next()
        .unwrap_or_default()
        .trim_start_matches('0')
        .to_string()
}

#[component]
fn EntryFields(
    row: Row,
    rows: RwSignal<Vec<Row>>,
    days: Vec<NaiveDate>,
    entry_errors: Memo<BTreeMap<(usize, String), String>>,
    remove: Callback<u32>,
) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|row| row.key == key)));
    let number = move || index.get().map_or(0, |index| index + 1);
    let edit = move |change: &dyn Fn(&mut DatedScheduleEntry)| {
        rows.update(|rows| {
            if let Some(row) = rows.iter_mut().find(|row| row.key == key) {
                change(&mut row.entry);
            }
        });
    };
    let error = move |field: &'static str| {
        Signal::derive(move || {
            let index = index.get()?;
            entry_errors.with(|errors| errors.get(&(index, field.to_string())).cloned())
        })
    };
    let id = move |field: &str| format!("entry-{key}-{field}");
    let text =
        move |field: &'static str, label: &'static str, max: usize, value: String, long: bool| {
            let error = error(field);
            let error_id = id(&format!("{field}-error"));
            let described = {
                let error_id = error_id.clone();
                move || error.get().map(|_| error_id.clone())
            };
            let write = move |event: leptos::ev::Event| {
                let typed = event_target_value(&event);
                edit(&|entry| match field {
                    "content" => entry.content = typed.clone(),
                    "chair" => entry.chair = typed.clone(),
                    "participants" => entry.participants = typed.clone(),
                    _ => entry.place = typed.clone(),
                });
            };
            let control = if long {
                view! {
                    <textarea
                        id=id(field)
                        rows="2"
                        maxlength=max
                        aria-invalid=move || error.get().map(|_| "true")
                        aria-describedby=described
                        prop:value=value
                        on:input=write
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        id=id(field)
                        type="text"
                        maxlength=max
                        aria-invalid=move || error.get().map(|_| "true")
                        aria-describedby=described
                        prop:value=value
                        on:input=write
                    />
                }
                .into_any()
            };
            view! {
                <div class=format!("field field-{field}")>
                    <label for=id(field)>{label}</label>
                    {control}
                    <crate::ui::FieldError id=error_id error />
                </div>
            }
        };
    let date_error = error("date");
    let time_error = error("time");
    let entry = row.entry;
    view! {
        <li>
            <fieldset class="schedule-row">
                <legend>{move || format!("Mục {}", number())}</legend>
                <div class="field field-date">
                    <label for=id("date")>"Ngày"</label>
                    <select
                        id=id("date")
                        aria-invalid=move || date_error.get().map(|_| "true")
                        aria-describedby=move || date_error.get().map(|_| id("date-error"))
                        on:change=move |event| {
                            if let Ok(date) = event_target_value(&event).parse::<NaiveDate>() {
                                edit(&|entry| entry.date = date);
                            }
                        }
                    >
                        {days.into_iter().map(|day| view! {
                            <option value=day.to_string() selected=day == entry.date>
                                {format!("{} {:02}/{:02}", weekday_name(day.weekday()), day.day(), day.month())}
                            </option>
                        }).collect_view()}
                    </select>
                    <crate::ui::FieldError id=id("date-error") error=date_error />
                </div>
                <div class="field field-time">
                    <label for=id("time")>"Giờ"</label>
                    <input
                        id=id("time")
                        type="time"
                        required
                        aria-invalid=move || time_error.get().map(|_| "true")
                        aria-describedby=move || time_error.get().map(|_| id("time-error"))
                        prop:value=entry.time.clone()
                        on:input=move |event| {
                            let typed = event_target_value(&event);
                            edit(&|entry| entry.time = typed.clone());
                        }
                    />
                    <crate::ui::FieldError id=id("time-error") error=time_error />
                </div>
                {text("content", "Nội dung", SCHEDULE_CONTENT_MAX_CHARS, entry.content.clone(), true)}
                {text("chair", "Chủ trì", SCHEDULE_PERSON_MAX_CHARS, entry.chair.clone(), false)}
                {text("participants", "Thành phần", SCHEDULE_CONTENT_MAX_CHARS, entry.participants.clone(), false)}
                {text("place", "Địa điểm", SCHEDULE_PLACE_MAX_CHARS, entry.place.clone(), false)}
                <button
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Xóa mục {}", number())
                    on:click=move |_| remove.run(key)
                >
                    "Xóa mục"
                </button>
            </fieldset>
        </li>
    }
}
