-- Documents (văn bản, #18): decisions, plans, notices and the like, with their attached files
-- and the relations between them. A document's status is never stored: it is derived from its
-- dates and relations when it is read (`store::documents`).
--
-- One portal's documents. When one deployment serves a province's many sites, a `site` column
-- joins `documents` (slugs then unique per site); files and blobs follow their document.

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    number       TEXT NOT NULL,              -- số ký hiệu: 125/QĐ-UBND
    kind         TEXT NOT NULL,              -- the type's slug (portal_contract::documents::DOCUMENT_KINDS)
    issuer       TEXT NOT NULL,              -- cơ quan ban hành, as written
    issuer_slug  TEXT NOT NULL,              -- slugify(issuer): the `issuer` filter's value
    signer       TEXT NOT NULL,
    issued_on    TEXT NOT NULL,              -- YYYY-MM-DD, so text order is date order
    effective_on TEXT,                       -- NULL: from its issue
    expires_on   TEXT,                       -- the first day without effect; NULL: none
    field        TEXT NOT NULL,              -- lĩnh vực, as written
    field_slug   TEXT NOT NULL,              -- slugify(field): the `field` filter's value
    summary      TEXT NOT NULL,              -- trích yếu
    body_html    TEXT,                       -- sanitized; NULL when the document is only its files
    body_text    TEXT NOT NULL,              -- the body without tags, for search snippets
    updated_at   TEXT NOT NULL
);
CREATE INDEX documents_by_date ON documents (issued_on DESC, id DESC);
CREATE INDEX documents_by_kind ON documents (kind, issued_on DESC, id DESC);
CREATE INDEX documents_by_issuer ON documents (issuer_slug, issued_on DESC, id DESC);
CREATE INDEX documents_by_field ON documents (field_slug, issued_on DESC, id DESC);

-- Each distinct file once, by the SHA-256 of its bytes, in the database so that every replica
-- serves every file. The bytes are cut into chunks (`store::documents::CHUNK_BYTES`): a range
-- or a download reads a chunk at a time, never a 50 MB value at once.
CREATE TABLE document_blobs (
    sha256     TEXT PRIMARY KEY,             -- lowercase hex
    size       INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE document_blob_chunks (
    sha256   TEXT NOT NULL REFERENCES document_blobs (sha256) ON DELETE CASCADE,
    position INTEGER NOT NULL,               -- from 0
    bytes    BLOB NOT NULL,
    PRIMARY KEY (sha256, position)
);

-- A document's attached files, served at /files/{id}/{name}. AUTOINCREMENT: an id is never
-- given again, even after its row is deleted, because browsers keep what an id and name
-- served for a year (immutable caching); a changed file gets a new row.
CREATE TABLE document_files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,              -- as downloaded: Quyết định 125-QĐ-UBND.pdf
    content_type TEXT NOT NULL,
    sha256       TEXT NOT NULL REFERENCES document_blobs (sha256),
    UNIQUE (document_id, position)
);
CREATE INDEX document_files_by_blob ON document_files (sha256);

-- `document_id` replaces, amends or guides `target_id`; "replaced by" and the others are the
-- same rows read the other way.
CREATE TABLE document_relations (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('replaces', 'amends', 'guides')),
    target_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, kind, target_id)
);
CREATE INDEX document_relations_by_target ON document_relations (target_id, kind);

-- The documents' search index, as articles_fts: folded words, keyed by the issue date and the
-- id (store::document_search::document_key), so hits come newest first off the index.
-- `number` holds the number as people type it (its parts, its parts joined, the type's code:
-- documents::number_words), `title` the abstract, `body` the body.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    number, title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3'
);
