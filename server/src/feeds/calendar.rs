//! `/lich-cong-tac.ics?tuan=YYYY-Www`: a week of the work schedule as iCalendar (RFC 5545),
//! for a phone's calendar to add or subscribe to; without `tuan`, this week and the next.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Days, NaiveDate, Utc};
use portal_contract::{parse_iso_week, week_start, WeekSchedule};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::document;
use crate::clock;
use crate::state::AppState;
use crate::store;

/// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975: one standard rule.
const TIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\nBEGIN:STANDARD\r\n\
    DTSTART:19750613T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nTZNAME:ICT\r\n\
    END:STANDARD\r\nEND:VTIMEZONE\r\n";

/// `?tuan=YYYY-Www`, the page's own parameter name (as `/lich-cong-tac?tuan=`).
#[derive(Debug, Deserialize)]
pub struct CalendarQuery {
    tuan: Option<String>,
}

pub async fn schedule_calendar(
    State(state): State<AppState>,
    Query(query): Query<CalendarQuery>,
) -> Response {
    let mondays: Vec<NaiveDate> = match &query.tuan {
        Some(label) => match parse_iso_week(label) {
            Some(monday) => vec![monday],
            None => {
                return (
                    StatusCode::BAD_REQUEST,
                    [("content-type", "text/plain; charset=utf-8")],
                    format!("`tuan` phải là một tuần như 2026-W48, không phải {label:?}.\n"),
                )
                    .into_response()
            }
        },
        None => {
            let this_week = week_start(clock::today());
            vec![this_week, this_week + Days::new(7)]
        }
    };
    let host = state
        .site_origin()
        .split("://")
        .nth(1)
        .unwrap_or("portal")
        .to_string();
    let weeks = state
        .db(move |conn| {
            mondays
                .into_iter()
                .map(|monday| Ok(store::schedule::week(conn, monday)?))
                .collect::<Result<Vec<_>, crate::error::AppError>>()
        })
        .await;
    match weeks {
        Ok(weeks) => {
            let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
            document(
                "text/calendar; charset=utf-8",
                render(&weeks, &host, &stamp),
            )
        }
        Err(err) => err.into_response(),
    }
}

/// The calendar of `weeks`; `stamp` is DTSTAMP (when it was made, in UTC), `host` makes the
/// UIDs the portal's own.
pub fn render(weeks: &[WeekSchedule], host: &str, stamp: &str) -> String {
    let mut calendar = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Cong thong tin dien tu huyen Binh Lieu//Lich cong tac//VI".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", text("Lịch công tác")),
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh".to_string(),
    ] {
        calendar.push_str(&fold(&line));
    }
    calendar.push_str(TIMEZONE);
    for week in weeks {
        for day in &week.days {
            for entry in &day.entries {
                // Stable: the same entry gets the same UID in every download, so a calendar
                // that subscribed updates it instead of adding it twice.
                let uid = Sha256::digest(
                    format!(
                        "{}|{}|{}|{}",
                        day.date, entry.time, entry.content, entry.place
                    )
                    .as_bytes(),
                );
                let uid: String = uid[..12].iter().map(|b| format!("{b:02x}")).collect();
                let date = day.date.format("%Y%m%d");
                let start = match parse_time(&entry.time) {
                    Some((hour, minute)) => {
                        format!("DTSTART;TZID=Asia/Ho_Chi_Minh:{date}T{hour:02}{minute:02}00")
                    }
                    None => format!("DTSTART;VALUE=DATE:{date}"),
                };
                let mut description = format!("Chủ trì: {}", entry.chair);
                if !entry.participants.is_empty() {
                    description.push_str(&format!("\nThành phần: {}", entry.participants));
                }
                for line in [
                    "BEGIN:VEVENT".to_string(),
                    format!("UID:{uid}@{host}"),
                    format!("DTSTAMP:{stamp}"),
                    start,
                    format!("SUMMARY:{}", text(&entry.content)),
                    format!("LOCATION:{}", text(&entry.place)),
                    format!("DESCRIPTION:{}", text(&description)),
                    "END:VEVENT".to_string(),
                ] {
                    calendar.push_str(&fold(&line));
                }
            }
        }
    }
    calendar.push_str("END:VCALENDAR\r\n");
    calendar
}

/// `HH:MM` as the schedule keeps it.
fn parse_time(time: &str) -> Option<(u32, u32)> {
    let (hour, minute) = time.trim().split_once(':')?;
    let (hour, minute) = (hour.parse().ok()?, minute.parse().ok()?);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

/// A TEXT value (RFC 5545, 3.3.11): backslashes, semicolons, commas and line breaks escaped.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// One content line, folded (RFC 5545, 3.1): no physical line longer than 75 octets, a
/// continuation starting with a space, never inside a UTF-8 character; CRLF after each.
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > 75 {
            folded.push_str("\r\n ");
            // The space that starts a continuation counts.
            octets = 1;
        }
        folded.push(c);
        octets += width;
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Hội nghị trực tuyến ".repeat(10));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical:?}",
                physical.len()
            );
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
