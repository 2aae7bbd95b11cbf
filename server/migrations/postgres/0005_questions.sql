-- Hỏi đáp (#19): the same as sqlite/0010_questions.sql, which explains each column.

CREATE TABLE question_fields (
    slug     TEXT COLLATE "C" PRIMARY KEY,
    name     TEXT NOT NULL,
    position BIGINT NOT NULL
);

ALTER TABLE feedback
    ADD COLUMN field TEXT COLLATE "C" REFERENCES question_fields (slug),
    ADD COLUMN allow_publish BIGINT NOT NULL DEFAULT 0 CHECK (allow_publish IN (0, 1)),
    ADD COLUMN status TEXT COLLATE "C" NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'in_progress', 'answered', 'declined')),
    ADD COLUMN unit TEXT,
    ADD COLUMN decline_reason TEXT,
    ADD COLUMN answer_html TEXT,
    ADD COLUMN answered_at TEXT COLLATE "C",
    ADD COLUMN answered_by TEXT,
    ADD COLUMN published BIGINT NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    ADD COLUMN closed_at TEXT COLLATE "C",
    ADD COLUMN asker TEXT NOT NULL DEFAULT '',
    ADD COLUMN public_title TEXT,
    ADD COLUMN public_question TEXT,
    ADD COLUMN search_title TEXT NOT NULL DEFAULT '',
    ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE INDEX feedback_published ON feedback (published, answered_at DESC, id DESC);
CREATE INDEX feedback_by_status ON feedback (status, received_at DESC, id DESC);

ALTER TABLE audit_log ADD COLUMN detail TEXT;
