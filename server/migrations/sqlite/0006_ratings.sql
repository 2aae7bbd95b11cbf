-- "Thông tin này có hữu ích không?": one row per rating. No address, no cookie, nothing about
-- the reader but the comment they chose to write.

CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY,
    page        TEXT NOT NULL,           -- the page's path, such as /tin-tuc/{slug}
    useful      INTEGER NOT NULL CHECK (useful IN (0, 1)),
    comment     TEXT NOT NULL,
    received_at TEXT NOT NULL            -- RFC 3339, +07:00
);
CREATE INDEX ratings_by_page ON ratings (page, id);
