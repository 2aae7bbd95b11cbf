-- What the server keeps about itself between runs, by name: the version of the article
-- sanitizer the stored bodies passed, so that a stricter one re-cleans them on start.

CREATE TABLE server_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
