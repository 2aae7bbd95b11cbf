-- Staff accounts, their sessions and the audit log (#17).

CREATE TABLE staff_users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    -- One role for the whole portal. When one deployment serves several sites, a table of
    -- (user, site, role) takes this column's place.
    role          TEXT NOT NULL CHECK (role IN ('editor', 'approver', 'admin')),
    password_hash TEXT NOT NULL,            -- Argon2id, as a PHC string
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL             -- RFC 3339, +07:00
);

-- A session is known by the SHA-256 of its cookie's token: a copy of this table signs nobody
-- in. Times are Unix seconds.
CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES staff_users (id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,            -- however busy, a session ends then
    idle_until INTEGER NOT NULL             -- moved on while it is used
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);

-- Who did what, when, from where. Nothing in the server updates or deletes a line, and the
-- triggers refuse it to anyone else.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                  -- RFC 3339, +07:00
    actor   TEXT,                           -- the staff username; NULL when not signed in
    address TEXT,                           -- the client's address, or 'cli'
    action  TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT ''
);
-- Failed sign-ins to one account in a window: the per-account limit reads them.
CREATE INDEX audit_log_by_subject ON audit_log (action, subject, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
