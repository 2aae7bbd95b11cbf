-- The documents library's lists are kept by the answer cache too (answer_cache.rs), so every
-- change to what they show moves the content's generation (0009_content_generation.sql), once
-- per transaction: a document, and its relations (a replacement changes the replaced one's
-- status). Its files are not in a list.
CREATE TRIGGER documents_content AFTER INSERT OR UPDATE OR DELETE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
CREATE TRIGGER document_relations_content AFTER INSERT OR UPDATE OR DELETE ON document_relations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
