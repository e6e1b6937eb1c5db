-- 0001: the ledger's tables. Every spanned record carries doc_id, start, end
-- (offsets into documents.text), its extractor and a confidence; fields a
-- table has no column for live in its attrs JSON.

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY,       -- hash of the normalised text
    name                TEXT NOT NULL,          -- first file stem / JSONL id it came as
    text                TEXT NOT NULL,          -- the article as read; offsets index it
    title               TEXT,
    title_start         INTEGER,
    outlet              TEXT,
    url                 TEXT,
    published           TEXT,                   -- ISO date, or NULL with published_note
    published_precision TEXT,                   -- day | month | year
    published_method    TEXT,                   -- input | html_meta | dateline | ...
    published_note      TEXT,
    fmt                 TEXT,
    encoding            TEXT,
    source              TEXT,
    source_line         INTEGER,
    chars               INTEGER,
    model               TEXT,
    pipeline_version    TEXT,
    ingested_at         TEXT NOT NULL,
    processed_at        TEXT,
    attrs               TEXT
);

-- Every name/path an article arrived under (the same text twice is stored once).
CREATE TABLE document_sources (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    source      TEXT,
    source_line INTEGER,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (doc_id, name)
);

CREATE TABLE excluded_spans (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    reason TEXT, extractor TEXT, confidence REAL, attrs TEXT
);

-- Actors across the whole ledger; mentions point at them.
CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, kb_id TEXT,
    aliases TEXT, attrs TEXT
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT, entity_id TEXT, entity_name TEXT, nominal INTEGER,
    sent_start INTEGER, sent_end INTEGER, extractor TEXT, confidence REAL, attrs TEXT
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT, cue TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker_id TEXT, speaker_name TEXT, speaker_start INTEGER, speaker_end INTEGER,
    medium TEXT, date TEXT,
    sent_start INTEGER, sent_end INTEGER, extractor TEXT, confidence REAL, attrs TEXT
);

CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT, value TEXT, anchor TEXT, mod TEXT,
    sent_start INTEGER, sent_end INTEGER, extractor TEXT, confidence REAL, attrs TEXT
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, source_id TEXT, source_name TEXT, target_id TEXT, target_name TEXT,
    date TEXT, location TEXT, mode TEXT, negated INTEGER, hypothetical INTEGER,
    cameo TEXT, quad_class INTEGER, goldstein REAL, event_id TEXT,
    sent_start INTEGER, sent_end INTEGER, extractor TEXT, confidence REAL, attrs TEXT
);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    subject TEXT, predicate TEXT, object TEXT, subject_name TEXT, object_name TEXT,
    sent_start INTEGER, sent_end INTEGER, extractor TEXT, confidence REAL, attrs TEXT
);

CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX timexes_doc ON timexes(doc_id);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX excluded_doc ON excluded_spans(doc_id);

-- Full-text search over articles and quotes (external content, kept by triggers).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.id, old.text, old.speaker_name);
END;
