//! Times as the portal shows them: in Vietnam's time (+07:00, no daylight saving).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};

/// Asia/Ho_Chi_Minh is UTC+7 all year, so a fixed offset is exact.
pub const PORTAL_OFFSET_SECONDS: i32 = 7 * 3600;

pub fn portal_offset() -> FixedOffset {
    FixedOffset::east_opt(PORTAL_OFFSET_SECONDS).expect("+07:00 is a valid offset")
}

/// The same instant, expressed in +07:00.
pub fn to_portal_offset<Tz: TimeZone>(time: &DateTime<Tz>) -> DateTime<FixedOffset> {
    time.with_timezone(&portal_offset())
}

// Written with `format!` rather than chrono's `format`: its strftime interpreter would add
// about 8 KB to the web app's wasm for these two patterns.

/// `03/12/2021 14:57`, in +07:00 whatever offset `time` carries.
pub fn format_display<Tz: TimeZone>(time: &DateTime<Tz>) -> String {
    let time = to_portal_offset(time);
    format!(
        "{} {:02}:{:02}",
        format_day(time.date_naive()),
        time.hour(),
        time.minute()
    )
}

/// `03/12/2021`, in +07:00.
pub fn format_date<Tz: TimeZone>(time: &DateTime<Tz>) -> String {
    format_day(to_portal_offset(time).date_naive())
}

/// `03/12/2021`.
pub fn format_day(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// English month names, for English pages' dates (Vietnamese dates are all digits).
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A time as a page in `lang` shows it: `03/12/2021 14:57`, or `3 December 2021, 14:57`.
pub fn format_display_in<Tz: TimeZone>(lang: crate::Lang, time: &DateTime<Tz>) -> String {
    match lang {
        crate::Lang::Vi => format_display(time),
        crate::Lang::En => {
            let time = to_portal_offset(time);
            format!(
                "{}, {:02}:{:02}",
                format_day_in(lang, time.date_naive()),
                time.hour(),
                time.minute()
            )
        }
    }
}

/// A day as a page in `lang` shows it: `03/12/2021`, or `3 December 2021`.
pub fn format_day_in(lang: crate::Lang, date: NaiveDate) -> String {
    match lang {
        crate::Lang::Vi => format_day(date),
        crate::Lang::En => format!(
            "{} {} {}",
            date.day(),
            ENGLISH_MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates_read_as_words() {
        let time = DateTime::parse_from_rfc3339("2021-12-03T07:57:00Z").unwrap();
        assert_eq!(
            format_display_in(crate::Lang::En, &time),
            "3 December 2021, 14:57"
        );
        assert_eq!(
            format_display_in(crate::Lang::Vi, &time),
            "03/12/2021 14:57"
        );
    }

    #[test]
    fn displays_in_vietnam_time() {
        let time = DateTime::parse_from_rfc3339("2021-12-03T14:57:00+07:00").unwrap();
        assert_eq!(format_display(&time), "03/12/2021 14:57");
        assert_eq!(format_date(&time), "03/12/2021");
    }

    #[test]
    fn days_and_months_have_two_digits() {
        let time = DateTime::parse_from_rfc3339("2026-01-05T08:05:00+07:00").unwrap();
        assert_eq!(format_display(&time), "05/01/2026 08:05");
        assert_eq!(
            format_day(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
            "30/11/2026"
        );
    }

    #[test]
    fn converts_other_offsets() {
        // 20:30 UTC on 31 December is already the next year in Vietnam.
        let time = DateTime::parse_from_rfc3339("2021-12-31T20:30:00Z").unwrap();
        assert_eq!(format_display(&time), "01/01/2022 03:30");
        assert_eq!(
            to_portal_offset(&time).offset().local_minus_utc(),
            PORTAL_OFFSET_SECONDS
        );
    }
}
