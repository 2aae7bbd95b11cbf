-- Search within a type, an issuer or a field (issue #24): the index holds each document's
-- type, issuer and field as tokens of a column of their own (`facets`), as articles_fts holds
-- the category, so that a search of common words within a type reads only that type's hits.
-- Before, every hit of the words was checked against `documents` (`kinh phi` within one
-- type: 8 ms at the median and 63 at the 99th percentile on 100,000 documents).
--
-- The index is filled by the rebuild that the new layout starts
-- (store::document_search::INDEX_VERSION).
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    number, title, body, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3'
);
