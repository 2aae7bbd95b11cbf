-- A number that grows with every change to the articles or the categories. The answer cache
-- (answer_cache.rs) keeps a list of articles only while the number is the one it was
-- computed under, so a change shows at once, written here or through another server on the
-- same database. Triggers, so that no writer can forget it.
CREATE TABLE content_generation (generation INTEGER NOT NULL);
INSERT INTO content_generation (generation) VALUES (0);

CREATE TRIGGER articles_inserted_content AFTER INSERT ON articles
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER articles_updated_content AFTER UPDATE ON articles
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER articles_deleted_content AFTER DELETE ON articles
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER categories_inserted_content AFTER INSERT ON categories
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER categories_updated_content AFTER UPDATE ON categories
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER categories_deleted_content AFTER DELETE ON categories
BEGIN UPDATE content_generation SET generation = generation + 1; END;
