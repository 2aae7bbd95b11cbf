-- Search within a type, an issuer or a field (issue #24): each document's type, issuer and
-- field as tokens (store::document_search::facets_text), as SQLite's documents_fts holds them,
-- so that GIN gives a type's hits of the words without reading the others' rows.
--
-- Filled by the rebuild that the new layout starts (store::document_search::INDEX_VERSION).
ALTER TABLE documents_search ADD COLUMN facets TSVECTOR NOT NULL DEFAULT '';
CREATE INDEX documents_search_facets ON documents_search USING GIN (facets);
