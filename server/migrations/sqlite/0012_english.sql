-- English pages (/en…): articles written in English, and English versions of the editorial
-- pages and of the organisation. Vietnamese stays the default of every row.

ALTER TABLE articles ADD COLUMN lang TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en'));
-- The slug of the same news in the other language, written on the English article.
ALTER TABLE articles ADD COLUMN counterpart TEXT;
-- The English news is a handful among many Vietnamese articles: its list reads this index
-- instead of walking all of them by time.
CREATE INDEX articles_by_lang_time ON articles (lang, published_at DESC, id DESC);
CREATE INDEX articles_by_counterpart ON articles (counterpart) WHERE counterpart IS NOT NULL;

-- SQLite cannot change a primary key: the two tables are rebuilt with the language in it.
CREATE TABLE site_pages_by_lang (
    slug       TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (slug, lang)
);
INSERT INTO site_pages_by_lang (slug, lang, title, summary, body_html, updated_at)
    SELECT slug, 'vi', title, summary, body_html, updated_at FROM site_pages;
DROP TABLE site_pages;
ALTER TABLE site_pages_by_lang RENAME TO site_pages;

CREATE TABLE organization_by_lang (
    lang       TEXT PRIMARY KEY CHECK (lang IN ('vi', 'en')),
    json       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO organization_by_lang (lang, json, updated_at)
    SELECT 'vi', json, updated_at FROM organization;
DROP TABLE organization;
ALTER TABLE organization_by_lang RENAME TO organization;
