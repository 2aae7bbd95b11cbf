-- Search at a province's scale (issue #24), measured on 100,000 articles:
--
-- * The word still being typed is a prefix (`huyen`*). FTS5 reads a prefix that its prefix
--   index does not hold (here, over 3 letters) by merging every hit of every matching word
--   before it returns the first: 8 ms for `huyen`, against 0.2 ms for the whole word. A
--   folded Vietnamese syllable has at most 7 letters (`nghieng`), so prefixes of 2 to 7 are
--   indexed, and a prefix is read hit by hit like a word.
-- * The title tiers read a word's every hit to find the few with it in the title: FTS5 keeps
--   one list of hits per word, for all columns (4 ms for `huyen` in 11 titles of its 70,000
--   articles; 42 ms for six common words that no title holds together). The titles get an
--   index of their own, whose lists hold only titles.
-- * The words as typed are only ever asked whole: their index needs no prefixes.
--
-- The indexes are filled by the rebuild that the new layout starts
-- (store::search::INDEX_VERSION).
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body, category,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3 4 5 6 7'
);
DROP TABLE articles_marked_fts;
CREATE VIRTUAL TABLE articles_marked_fts USING fts5 (
    title, summary, body, category,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE articles_title_fts USING fts5 (
    title, category,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61', prefix = '2 3 4 5 6 7'
);
