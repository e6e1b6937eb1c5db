-- 0010: whether the cross-report tables are up to date. Every article write bumps `written`;
-- a finished analysis pass records the `written` it saw, in its own transaction. A pass killed
-- half-way leaves `analyzed` behind, so the next ingest (even of nothing new) or `stats` sees
-- the tables are stale and the pass runs again.
CREATE TABLE analysis_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    written INTEGER NOT NULL DEFAULT 0,
    analyzed INTEGER NOT NULL DEFAULT 0,
    analyzed_at TEXT,
    seconds REAL
);
INSERT INTO analysis_state (id, written, analyzed)
    SELECT 1, COUNT(*), CASE WHEN EXISTS (SELECT 1 FROM stories) THEN COUNT(*) ELSE 0 END
    FROM documents;
