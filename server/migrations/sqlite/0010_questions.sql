-- Hỏi đáp (#19): a citizen's feedback moves from received to answered (or not handled), and
-- the answers the citizen allowed and staff chose are published as questions and answers.
--
-- One portal's feedback. When one deployment serves a province's many sites, a `site` column
-- joins `feedback` and `question_fields` (references stay unique across the deployment).

-- The fields (lĩnh vực) a citizen can file a question under, seeded from content/questions.json.
CREATE TABLE question_fields (
    slug     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);

ALTER TABLE feedback ADD COLUMN field TEXT REFERENCES question_fields (slug);
ALTER TABLE feedback ADD COLUMN allow_publish INTEGER NOT NULL DEFAULT 0 CHECK (allow_publish IN (0, 1));
ALTER TABLE feedback ADD COLUMN status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'in_progress', 'answered', 'declined'));
-- The unit handling it (đang xử lý), set when staff assign it.
ALTER TABLE feedback ADD COLUMN unit TEXT;
-- spam, duplicate or out_of_scope, when not handled.
ALTER TABLE feedback ADD COLUMN decline_reason TEXT;
ALTER TABLE feedback ADD COLUMN answer_html TEXT;        -- sanitized as an article's body
ALTER TABLE feedback ADD COLUMN answered_at TEXT;        -- RFC 3339, +07:00
ALTER TABLE feedback ADD COLUMN answered_by TEXT;        -- the answering unit
ALTER TABLE feedback ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));
-- When it was answered or declined: `purge-contacts` counts from here.
ALTER TABLE feedback ADD COLUMN closed_at TEXT;
-- What the public sees of the asker: a given name (or nothing), taken when it was sent, so
-- that purging the contact details leaves the published question as it was.
ALTER TABLE feedback ADD COLUMN asker TEXT NOT NULL DEFAULT '';
-- The title and question as the public reads them, when staff reworded them for publication
-- (a name or an address the citizen wrote); NULL: the citizen's own, contacts masked.
ALTER TABLE feedback ADD COLUMN public_title TEXT;
ALTER TABLE feedback ADD COLUMN public_question TEXT;
-- Folded (tone-less) words of the public title, and of the public title, question and answer,
-- each word after a space, for search with LIKE ' word%'. Built from the public wording, so a
-- search for a phone number finds nothing. Published questions are a few thousand at most,
-- unlike articles.
ALTER TABLE feedback ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE INDEX feedback_published ON feedback (published, answered_at DESC, id DESC);
CREATE INDEX feedback_by_status ON feedback (status, received_at DESC, id DESC);

-- What an audit entry changed, where the action alone does not say: an answer's earlier text.
ALTER TABLE audit_log ADD COLUMN detail TEXT;
