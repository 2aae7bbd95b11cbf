//! ISO weeks (`2026-W48`) for the work schedule, its page's address, and how a week and its
//! days are named.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::i18n::{fill, Lang};
use crate::limits::{FIRST_YEAR, LAST_YEAR};
use crate::time::format_day_in;
use crate::WeekSchedule;

/// The work schedule's page: this week, or the week its `WEEK_PARAM` names.
pub const SCHEDULE_PAGE_PATH: &str = "/lich-cong-tac";
/// The schedule page's parameter (`?tuan=2026-W48`); the calendar file takes it too.
pub const WEEK_PARAM: &str = "tuan";

/// The schedule page of ISO week `week` (`2026-W48`).
pub fn week_href(week: &str) -> String {
    format!("{SCHEDULE_PAGE_PATH}?{WEEK_PARAM}={week}")
}

/// "Tuần 48: từ 23/11/2026 đến 29/11/2026", as the schedule page names the week it shows.
pub fn week_range(lang: Lang, schedule: &WeekSchedule) -> String {
    let number = schedule
        .week
        .rsplit('W')
        .next()
        .unwrap_or_default()
        .trim_start_matches('0');
    fill(
        lang.texts().schedule_range,
        &[
            ("week", number),
            ("from", &format_day_in(lang, schedule.starts_on)),
            ("to", &format_day_in(lang, schedule.ends_on)),
        ],
    )
}

/// A day's heading in the schedule: "Thứ Hai, 23/11/2026".
pub fn day_heading(lang: Lang, weekday: &str, date: NaiveDate) -> String {
    format!("{weekday}, {}", format_day_in(lang, date))
}

/// The Monday that starts ISO week `label` (`YYYY-Www`), if there is such a week in the
/// years a date may name (`limits::FIRST_YEAR` to `LAST_YEAR`).
pub fn parse_iso_week(label: &str) -> Option<NaiveDate> {
    let (year, week) = label.split_once("-W")?;
    if year.len() != 4
        || week.len() != 2
        || !year.bytes().chain(week.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_isoywd_opt(year, week.parse().ok()?, Weekday::Mon)
}

/// The label of the week `days` days from the week that starts on `monday`, when that week
/// can be asked for: the calendar's first and last weeks have nothing past them.
pub fn week_after(monday: NaiveDate, days: i64) -> Option<String> {
    let other = monday.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    let label = iso_week_label(other);
    parse_iso_week(&label).map(|_| label)
}

/// The ISO week that `date` belongs to, as `YYYY-Www`. Near New Year the week's year can
/// differ from the date's: 30 December 2024 is in `2025-W01`.
pub fn iso_week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// The Monday of the week that `date` belongs to.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// `Thứ Hai` … `Chủ Nhật`.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_is_named_by_its_number_and_first_and_last_days() {
        let schedule = WeekSchedule {
            week: "2026-W05".into(),
            starts_on: date(2026, 1, 26),
            ends_on: date(2026, 2, 1),
            previous_week: None,
            next_week: None,
            days: Vec::new(),
        };
        assert_eq!(
            week_range(Lang::Vi, &schedule),
            "Tuần 5: từ 26/01/2026 đến 01/02/2026"
        );
        assert_eq!(week_href("2026-W05"), "/lich-cong-tac?tuan=2026-W05");
        assert_eq!(
            day_heading(Lang::Vi, "Thứ Hai", date(2026, 1, 26)),
            "Thứ Hai, 26/01/2026"
        );
    }

    #[test]
    fn the_calendars_edges_have_no_week_past_them() {
        let last = parse_iso_week("2100-W52").unwrap();
        assert_eq!(week_after(last, 7), None);
        assert_eq!(week_after(last, -7).as_deref(), Some("2100-W51"));
        let first = parse_iso_week("1900-W01").unwrap();
        assert_eq!(week_after(first, -7), None);
        assert_eq!(week_after(first, 7).as_deref(), Some("1900-W02"));
        assert_eq!(parse_iso_week("9999-W52"), None);
        assert_eq!(parse_iso_week("0000-W01"), None);
        assert_eq!(parse_iso_week("1899-W52"), None);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_ordinary_weeks() {
        assert_eq!(parse_iso_week("2026-W48"), Some(date(2026, 11, 23)));
        assert_eq!(parse_iso_week("2024-W01"), Some(date(2024, 1, 1)));
    }

    #[test]
    fn week_one_can_start_in_the_previous_year() {
        assert_eq!(parse_iso_week("2025-W01"), Some(date(2024, 12, 30)));
        assert_eq!(iso_week_label(date(2024, 12, 30)), "2025-W01");
        assert_eq!(iso_week_label(date(2027, 1, 1)), "2026-W53");
    }

    #[test]
    fn week_53_exists_only_in_long_years() {
        assert_eq!(parse_iso_week("2020-W53"), Some(date(2020, 12, 28)));
        assert_eq!(parse_iso_week("2026-W53"), Some(date(2026, 12, 28)));
        assert_eq!(parse_iso_week("2021-W53"), None);
        assert_eq!(parse_iso_week("2025-W53"), None);
    }

    #[test]
    fn rejects_malformed_labels() {
        for label in [
            "2026-W00", "2026-W54", "2026-48", "2026W48", "26-W48", "2026-W4", "2026-w48", "",
            "abcd-Wef", "2026-W+1",
        ] {
            assert_eq!(parse_iso_week(label), None, "{label}");
        }
    }

    #[test]
    fn week_start_is_monday() {
        assert_eq!(week_start(date(2026, 11, 29)), date(2026, 11, 23));
        assert_eq!(week_start(date(2026, 11, 23)), date(2026, 11, 23));
        assert_eq!(week_start(date(2021, 1, 1)), date(2020, 12, 28));
    }

    #[test]
    fn day_names() {
        assert_eq!(weekday_name(Weekday::Mon), "Thứ Hai");
        assert_eq!(weekday_name(Weekday::Sun), "Chủ Nhật");
    }
}
