-- English pages (/en…): articles written in English, and English versions of the editorial
-- pages and of the organisation. Vietnamese stays the default of every row.

ALTER TABLE articles ADD COLUMN lang TEXT COLLATE "C" NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en'));
-- The slug of the same news in the other language, written on the English article.
ALTER TABLE articles ADD COLUMN counterpart TEXT COLLATE "C";
-- The English news is a handful among many Vietnamese articles: its list reads this index
-- instead of walking all of them by time.
CREATE INDEX articles_by_lang_time ON articles (lang, published_at DESC, id DESC);
CREATE INDEX articles_by_counterpart ON articles (counterpart) WHERE counterpart IS NOT NULL;

ALTER TABLE site_pages ADD COLUMN lang TEXT COLLATE "C" NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en'));
ALTER TABLE site_pages DROP CONSTRAINT site_pages_pkey;
ALTER TABLE site_pages ADD PRIMARY KEY (slug, lang);

ALTER TABLE organization ADD COLUMN lang TEXT COLLATE "C" NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en'));
ALTER TABLE organization DROP CONSTRAINT organization_pkey;
ALTER TABLE organization DROP COLUMN id;
ALTER TABLE organization ADD PRIMARY KEY (lang);
