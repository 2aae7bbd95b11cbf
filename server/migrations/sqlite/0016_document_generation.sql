-- The documents library's lists are kept by the answer cache too (answer_cache.rs), so every
-- change to what they show moves the content's generation (0014_content_generation.sql): a
-- document, and its relations (a replacement changes the replaced one's status). Its files
-- are not in a list.
CREATE TRIGGER documents_inserted_content AFTER INSERT ON documents
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER documents_updated_content AFTER UPDATE ON documents
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER documents_deleted_content AFTER DELETE ON documents
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER document_relations_inserted_content AFTER INSERT ON document_relations
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER document_relations_updated_content AFTER UPDATE ON document_relations
BEGIN UPDATE content_generation SET generation = generation + 1; END;
CREATE TRIGGER document_relations_deleted_content AFTER DELETE ON document_relations
BEGIN UPDATE content_generation SET generation = generation + 1; END;
