-- Places on the district map, served as GeoJSON by GET /map.

CREATE TABLE map_places (
    id          TEXT PRIMARY KEY,   -- stable, URL-safe
    position    INTEGER NOT NULL,   -- display order of the list
    kind        TEXT NOT NULL,      -- a PlaceKind code: huyen, xa-thi-tran, cua-khau...
    name        TEXT NOT NULL,
    address     TEXT,
    link_target TEXT,               -- 'category' or 'article'
    link_slug   TEXT,
    geometry    TEXT NOT NULL,      -- GeoJSON geometry object
    approximate INTEGER NOT NULL    -- 1: drawn by hand, not surveyed
) WITHOUT ROWID;
