-- Thủ tục hành chính and Giới thiệu (#20): the procedures citizens come for, the portal's
-- editorial pages and its organisation, each seeded from content/ (seed::procedures).
--
-- One portal's. When one deployment serves a province's many sites, a `site` column joins
-- each table here (slugs then unique per site); a province's procedures shared by its
-- communes would be linked to, not copied.

CREATE TABLE procedure_fields (
    slug     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE procedures (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    code         TEXT NOT NULL,              -- mã thủ tục: 1.001193
    name         TEXT NOT NULL,
    field        TEXT NOT NULL REFERENCES procedure_fields (slug),
    level        TEXT NOT NULL CHECK (level IN ('cap-xa', 'cap-huyen', 'cap-tinh')),
    online       TEXT NOT NULL CHECK (online IN ('full', 'partial', 'none')),
    -- Steps, ways, requirements (with their forms' document slugs), time, fees, result,
    -- legal bases, the agency and the service's address: read whole with the procedure, never
    -- queried apart, so one JSON document (store::procedures::Details).
    details_json TEXT NOT NULL,
    search_title TEXT NOT NULL,              -- folded words, each after a space, as feedback's
    search_text  TEXT NOT NULL,
    position     INTEGER NOT NULL            -- the content file's order
);
CREATE INDEX procedures_by_field ON procedures (field, position);

-- Editorial pages (/gioi-thieu): sanitized HTML.
CREATE TABLE site_pages (
    slug       TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The organisation tree (/co-cau-to-chuc) as one JSON document: read whole, and changed
-- whole by whoever edits it.
CREATE TABLE organization (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
