-- The search index gains the summary, between the title and the body in rank; the article's
-- category (its id, the column's one token), so that a search in one category reads only
-- that category's hits; and a second index of the same words with their tone marks (see
-- crate::search::marked_words) under the same keys: a query typed with marks (`văn phòng`)
-- ranks the articles that have those marks above tone-less collisions (`vận phòng`). The
-- marked words have a table of their own, so that the folded index, which every search
-- reads, does not grow. Both are filled by the rebuild that the new index layout starts
-- (store::search::INDEX_VERSION).
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body, category,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3'
);
-- `remove_diacritics 0`: the marks are what this index is for.
CREATE VIRTUAL TABLE articles_marked_fts USING fts5 (
    title, summary, body, category,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
);
