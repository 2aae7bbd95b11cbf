-- The search index gains the summary, between the title and the body in rank; the article's
-- category, so that a search in one category reads only that category's hits; and the same
-- words with their tone marks (see crate::search::marked_words): a query typed with marks
-- (`văn phòng`) ranks the articles that have those marks above tone-less collisions (`vận
-- phòng`). `words` and `marked` hold all three fields, for matching. Filled by the rebuild
-- that the new index layout starts (store::search::INDEX_VERSION).
ALTER TABLE articles_search ADD COLUMN summary TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE articles_search ADD COLUMN marked_title TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE articles_search ADD COLUMN marked_summary TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE articles_search ADD COLUMN marked_body TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE articles_search ADD COLUMN marked TSVECTOR NOT NULL DEFAULT '';
ALTER TABLE articles_search ADD COLUMN category_id BIGINT;
CREATE INDEX articles_search_marked ON articles_search USING GIN (marked);
CREATE INDEX articles_search_category ON articles_search (category_id, key);
