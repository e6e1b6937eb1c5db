-- 0003: cross-report analysis (newsledger/analyze). Every table here is
-- derived from the per-article records and rebuilt by Ledger.analyze(), so
-- none of it needs migrating data: a refresh recomputes it.

-- Stories: articles about the same thing; near-duplicates point at the copy
-- they duplicate (syndicated text).
CREATE TABLE stories (
    id TEXT PRIMARY KEY, label TEXT, size INTEGER, first_date TEXT, last_date TEXT, attrs TEXT
);
CREATE TABLE story_docs (
    story_id TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    duplicate_of TEXT, similarity REAL,
    PRIMARY KEY (story_id, doc_id)
);

-- One real-world event, many reports: events.event_id points here.
CREATE TABLE event_clusters (
    id TEXT PRIMARY KEY, type TEXT, date TEXT, source_id TEXT, source_name TEXT,
    target_id TEXT, target_name TEXT, label TEXT, reports INTEGER, docs INTEGER, attrs TEXT
);

-- Claims about the same fact with conflicting values across sources.
CREATE TABLE contradictions (
    id INTEGER PRIMARY KEY, subject TEXT, subject_name TEXT, predicate TEXT,
    "values" TEXT, docs TEXT, sides TEXT, confidence REAL
);

-- An actor's stance on a tracked issue, one row per statement or event.
CREATE TABLE stances (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    issue TEXT NOT NULL, actor_id TEXT, actor_name TEXT, stance TEXT NOT NULL,
    date TEXT, record TEXT, start INTEGER, "end" INTEGER, text TEXT, cue TEXT, confidence REAL
);

-- Loaded and neutral terms per article (framing lexicon classes).
CREATE TABLE framing_terms (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    concept TEXT NOT NULL, frame TEXT NOT NULL, term TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (doc_id, concept, frame, term)
);

CREATE INDEX story_docs_doc ON story_docs(doc_id);
CREATE INDEX stances_actor ON stances(actor_id);
CREATE INDEX events_event_id ON events(event_id);
