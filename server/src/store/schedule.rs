//! The leaders' work schedule, a week at a time.

use chrono::NaiveDate;
use portal_contract::{weekday_name, ScheduleDay, ScheduleEntry, WeekSchedule};

use crate::db::{Conn, Result};

/// One schedule entry as content files and the store keep it.
#[derive(Debug, Clone)]
pub struct NewScheduleEntry {
    pub day: NaiveDate,
    pub entry: ScheduleEntry,
}

pub fn add_schedule_entry(conn: &mut Conn, new: &NewScheduleEntry) -> Result<()> {
    let entry = &new.entry;
    conn.execute(
        "INSERT INTO schedule_entries (day, time, content, chair, participants, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            &new.day.to_string(),
            &entry.time,
            &entry.content,
            &entry.chair,
            &entry.participants,
            &entry.place,
        ],
    )?;
    Ok(())
}

/// Replaces the entries of the week that starts on `monday` with `entries`.
pub fn replace_week(
    conn: &mut Conn,
    monday: NaiveDate,
    entries: &[NewScheduleEntry],
) -> Result<()> {
    let sunday = monday + chrono::Days::new(6);
    conn.execute(
        "DELETE FROM schedule_entries WHERE day >= ?1 AND day <= ?2",
        &[&monday.to_string(), &sunday.to_string()],
    )?;
    for entry in entries {
        add_schedule_entry(conn, entry)?;
    }
    Ok(())
}

/// The seven days from `monday`, each with its entries in time order.
pub fn week_schedule(conn: &mut Conn, monday: NaiveDate) -> Result<Vec<ScheduleDay>> {
    let days: Vec<NaiveDate> = monday.iter_days().take(7).collect();
    let rows: Vec<(String, ScheduleEntry)> = conn.query(
        "SELECT day, time, content, chair, participants, place FROM schedule_entries
         WHERE day BETWEEN ?1 AND ?2 ORDER BY day, time, id",
        &[&days[0].to_string(), &days[6].to_string()],
        |row| {
            Ok((
                row.get(0)?,
                ScheduleEntry {
                    time: row.get(1)?,
                    content: row.get(2)?,
                    chair: row.get(3)?,
                    participants: row.get(4)?,
                    place: row.get(5)?,
                },
            ))
        },
    )?;
    let mut schedule: Vec<ScheduleDay> = days
        .iter()
        .map(|date| ScheduleDay {
            date: *date,
            weekday: weekday_name(chrono::Datelike::weekday(date)).to_string(),
            entries: Vec::new(),
        })
        .collect();
    for (day, entry) in rows {
        if let Some(slot) = schedule.iter_mut().find(|d| d.date.to_string() == day) {
            slot.entries.push(entry);
        }
    }
    Ok(schedule)
}

/// Builds the full answer for the week starting `monday`.
pub fn week(conn: &mut Conn, monday: NaiveDate) -> Result<WeekSchedule> {
    use portal_contract::{iso_week_label, week::week_after};
    let days = week_schedule(conn, monday)?;
    Ok(WeekSchedule {
        week: iso_week_label(monday),
        starts_on: monday,
        ends_on: monday + chrono::Days::new(6),
        previous_week: week_after(monday, -7),
        next_week: week_after(monday, 7),
        days,
    })
}
