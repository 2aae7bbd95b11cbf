-- The portal's content. Times are RFC 3339 text normalized to +07:00
-- (`2021-12-03T14:57:00+07:00`), so text order is time order.

CREATE TABLE site (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    parent   TEXT REFERENCES categories (slug),
    position INTEGER NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body_html    TEXT NOT NULL,
    -- The body without tags: search snippets are cut from it.
    body_text    TEXT NOT NULL,
    published_at TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    author       TEXT NOT NULL,
    category_id  INTEGER NOT NULL REFERENCES categories (id),
    image_json   TEXT,
    featured     INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1))
);

CREATE INDEX articles_by_time ON articles (published_at DESC, id DESC);
CREATE INDEX articles_by_category_time ON articles (category_id, published_at DESC, id DESC);
CREATE INDEX articles_featured_time ON articles (featured, published_at DESC, id DESC);

-- Full-text index of folded text (lowercase, no tone marks, `đ` as `d`: see
-- portal_contract::fold), kept in step with `articles` by the store; rowid = articles.id.
-- Contentless: the text lives in `articles`; the prefix index serves the last, unfinished word.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3'
);
