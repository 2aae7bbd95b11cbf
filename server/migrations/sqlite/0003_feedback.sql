-- Citizens' feedback. Nothing about the sender is kept beyond what they typed.

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    reference   TEXT UNIQUE,             -- PH-YYYY-NNNNNN, set right after the insert
    received_at TEXT NOT NULL,           -- RFC 3339, +07:00
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    phone       TEXT NOT NULL,
    title       TEXT NOT NULL,
    message     TEXT NOT NULL,
    article     TEXT,                    -- the slug of the article it is about
    held_reason TEXT                     -- set when held back as likely spam
);
CREATE INDEX feedback_by_time ON feedback (received_at DESC, id DESC);
