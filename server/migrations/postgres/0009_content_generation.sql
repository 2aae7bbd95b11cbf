-- A number that grows with every change to the articles or the categories. The answer cache
-- (answer_cache.rs) keeps a list of articles only while the number is the one it was
-- computed under, so a change shows at once, written through this server or any other on
-- the same database. Triggers, so that no writer can forget it.
--
-- Once per transaction, not per statement: readers see a transaction's changes together,
-- when it commits, so one step is enough; and a bulk import's thousands of statements would
-- otherwise each add a version of this one row, which every next update walks.
CREATE TABLE content_generation (
    generation BIGINT NOT NULL,
    -- The transaction that last moved it.
    moved_by BIGINT
);
INSERT INTO content_generation (generation) VALUES (0);

CREATE FUNCTION bump_content_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_generation SET generation = generation + 1, moved_by = txid_current()
    WHERE moved_by IS DISTINCT FROM txid_current();
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_content AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
CREATE TRIGGER categories_content AFTER INSERT OR UPDATE OR DELETE ON categories
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
