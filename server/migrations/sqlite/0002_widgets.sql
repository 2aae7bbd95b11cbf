-- The sidebar blocks: work schedule, visit counts, linked websites.

CREATE TABLE schedule_entries (
    id           INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,   -- YYYY-MM-DD, in +07:00
    time         TEXT NOT NULL,   -- HH:MM
    content      TEXT NOT NULL,
    chair        TEXT NOT NULL,
    participants TEXT NOT NULL,
    place        TEXT NOT NULL
);
CREATE INDEX schedule_by_day ON schedule_entries (day, time);

-- One counter per local day; nothing about a visitor is kept.
CREATE TABLE visit_days (
    day   TEXT PRIMARY KEY,       -- YYYY-MM-DD, in +07:00
    count INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE link_groups (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL
);

CREATE TABLE links (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES link_groups (id),
    name     TEXT NOT NULL,
    url      TEXT NOT NULL,
    position INTEGER NOT NULL
);
