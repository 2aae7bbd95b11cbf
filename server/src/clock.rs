//! The date in Vietnam, which decides "today" for visit counts and "this week" for the
//! schedule, whatever the server's own time zone.

use chrono::NaiveDate;
use portal_contract::to_portal_offset;

pub fn today() -> NaiveDate {
    to_portal_offset(&chrono::Utc::now()).date_naive()
}
