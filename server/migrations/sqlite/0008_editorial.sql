-- The staff's articles through their workflow (#17), and uploaded photos.
--
-- `articles` stays what citizens read, and nothing else: a draft, a submitted or scheduled
-- article and an unpublished one are never in it, so no public query can show them. Each
-- article staff work on has one line here, with its working copy; publishing copies the
-- working copy into `articles` (`store::editorial`).

-- One site's articles: when one deployment serves a province's sites, a `site` column joins
-- `slug` in the unique key here and in `articles`.
CREATE TABLE editorial_articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,       -- kept for good once created
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'unpublished')),
    -- Up by one at every save and state change: a save that names an older version is refused.
    version      INTEGER NOT NULL,
    title        TEXT NOT NULL,              -- the working copy's, for lists
    title_folded TEXT NOT NULL,              -- the same, folded (portal_contract::fold), for staff's search
    content_json TEXT NOT NULL,              -- the working copy (portal_contract::editorial::ArticleContent)
    published_json TEXT,                     -- what citizens read, while published
    publish_at   TEXT,                       -- when it was, or is to be, published (RFC 3339, +07:00)
    created_at   TEXT NOT NULL,
    created_by   TEXT,                       -- a staff username; NULL for imports
    updated_at   TEXT NOT NULL,
    updated_by   TEXT
);
CREATE INDEX editorial_by_time ON editorial_articles (updated_at DESC, id DESC);
CREATE INDEX editorial_by_status ON editorial_articles (status, updated_at DESC, id DESC);

-- Every saved working copy, kept: staff compare two and restore one.
CREATE TABLE article_revisions (
    article_id   INTEGER NOT NULL REFERENCES editorial_articles (id),
    number       INTEGER NOT NULL,
    saved_at     TEXT NOT NULL,
    saved_by     TEXT,
    reason       TEXT NOT NULL,              -- created, saved, restored, imported
    content_json TEXT NOT NULL,
    PRIMARY KEY (article_id, number)
);

-- Photos staff uploaded, each width in each format, under a name made from the original's
-- content hash: served at /media/{name} and cached for good. In the database, so that every
-- replica serves every photo.
CREATE TABLE media_files (
    name         TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    created_at   TEXT NOT NULL
);
