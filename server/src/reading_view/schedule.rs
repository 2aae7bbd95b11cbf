//! The work schedule's page (`src/pages/schedule.rs`): the week's links, its range and each
//! day that has entries.

use portal_contract::week::{day_heading, week_href, week_range, SCHEDULE_PAGE_PATH};
use portal_contract::{Lang, Site, WeekSchedule, READING_VIEW_ID};

use super::header::vietnamese_header;
use crate::html::escape;

/// The schedule's page under the portal's name and menu: `week`, or, for an address whose
/// week does not exist (`None`), the sentence that says so with a link to this week.
pub fn render_schedule(site: Option<&Site>, week: Option<&WeekSchedule>) -> String {
    let t = Lang::Vi.texts();
    let content = match week {
        Some(week) => week_content(week),
        None => format!(
            // The sentence ends with its space.
            "<p class=\"empty\">{}<a href=\"{SCHEDULE_PAGE_PATH}\">{}</a></p>",
            t.schedule_bad_week, t.schedule_this_week_link
        ),
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1>{content}</main></div>",
        header = vietnamese_header(site),
        title = t.schedule_title,
    )
}

fn week_content(week: &WeekSchedule) -> String {
    let t = Lang::Vi.texts();
    let link = |week: &Option<String>, rel: &str, text: &str| {
        week.as_deref()
            .map(|week| {
                format!(
                    "<a href=\"{}\" rel=\"{rel}\">{text}</a>",
                    escape(&week_href(week))
                )
            })
            .unwrap_or_default()
    };
    let days: String = if week.is_empty() {
        format!("<p class=\"schedule-empty\">{}</p>", t.schedule_empty)
    } else {
        week.days
            .iter()
            .filter(|day| !day.entries.is_empty())
            .map(|day| {
                let entries: String = day
                    .entries
                    .iter()
                    .map(|entry| {
                        format!(
                            "<li class=\"schedule-entry\"><p class=\"schedule-entry-head\">\
                             <span class=\"schedule-time\">{time}</span> \
                             <span class=\"schedule-content\">{content}</span></p><dl>\
                             <div><dt>{chair_term}</dt> <dd>{chair}</dd></div>\
                             <div><dt>{participants_term}</dt> <dd>{participants}</dd></div>\
                             <div><dt>{place_term}</dt> <dd>{place}</dd></div></dl></li>",
                            time = escape(&entry.time),
                            content = escape(&entry.content),
                            chair_term = t.schedule_chair,
                            chair = escape(&entry.chair),
                            participants_term = t.schedule_participants,
                            participants = escape(&entry.participants),
                            place_term = t.schedule_place,
                            place = escape(&entry.place),
                        )
                    })
                    .collect();
                format!(
                    "<section class=\"schedule-day\"><h2 class=\"section-heading\">{}</h2>\
                     <ul class=\"schedule-entries\">{entries}</ul></section>",
                    escape(&day_heading(Lang::Vi, &day.weekday, day.date))
                )
            })
            .collect()
    };
    format!(
        "<nav class=\"week-nav\" aria-label=\"{nav_label}\">{previous}\
         <a href=\"{SCHEDULE_PAGE_PATH}\">{this_week}</a>{next}</nav>\
         <p class=\"week-range\" aria-live=\"polite\">{range}</p>{days}",
        nav_label = t.schedule_week_nav,
        previous = link(&week.previous_week, "prev", t.schedule_previous),
        this_week = t.schedule_this_week,
        next = link(&week.next_week, "next", t.schedule_next),
        range = escape(&week_range(Lang::Vi, week)),
    )
}
