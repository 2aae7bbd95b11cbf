//! The date in Vietnam, which decides "today" for visit counts and "this week" for the
//! schedule, whatever the server's own time zone.

use chrono::NaiveDate;
use portal_contract::to_portal_offset;

pub fn today() -> NaiveDate {
    to_portal_offset(&chrono::Utc::now()).date_naive()
}

/// `time` as the store writes times: RFC 3339 in +07:00, to the second, so that text order is
/// time order.
pub fn stored_text<Tz: chrono::TimeZone>(time: chrono::DateTime<Tz>) -> String {
    to_portal_offset(&time).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Now, as the store writes times.
pub fn now_text() -> String {
    stored_text(chrono::Utc::now())
}
