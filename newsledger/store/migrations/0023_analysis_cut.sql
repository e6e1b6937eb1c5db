-- 0023: the default cut of the cross-report pass becomes "window" blocks (block_chars = -1,
-- analyze/cut.py): runs of dated articles with no gap wider than the linkers' largest date
-- window (months where a run is too large), undated articles by storage order. The cut
-- depends on the articles around each one, so it is kept here, recomputed by every pass.
-- What the cut reads, kept for each article by the pass: its home day (an ordinal: its
-- publication date, else its first act day),
-- its storage order (rowid when first analysed) and its points on the date line ("ordinal
-- ...": that day and the days its acts and claims are dated to).
CREATE TABLE analysis_cut (
    doc_id TEXT PRIMARY KEY, block TEXT NOT NULL, day INTEGER, seq INTEGER, points TEXT
);
CREATE INDEX analysis_cut_block ON analysis_cut(block);
CREATE INDEX analysis_cut_day ON analysis_cut(day);
-- Each article's points, to find the articles near a day.
CREATE TABLE analysis_points (day INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX analysis_points_day ON analysis_points(day, doc_id);
CREATE INDEX analysis_points_doc ON analysis_points(doc_id);

-- Ledgers on the old default (one block) move to the new one: their rows are redone.
DELETE FROM story_docs WHERE (SELECT block_chars FROM analysis_state) = 0;
DELETE FROM stories WHERE (SELECT block_chars FROM analysis_state) = 0;
DELETE FROM event_arguments WHERE (SELECT block_chars FROM analysis_state) = 0;
DELETE FROM event_clusters WHERE (SELECT block_chars FROM analysis_state) = 0;
DELETE FROM contradictions WHERE (SELECT block_chars FROM analysis_state) = 0;
DELETE FROM analysis_docs WHERE (SELECT block_chars FROM analysis_state) = 0;
UPDATE events SET event_id = NULL
    WHERE event_id IS NOT NULL AND (SELECT block_chars FROM analysis_state) = 0;
INSERT OR IGNORE INTO analysis_pending
    SELECT id FROM documents WHERE (SELECT block_chars FROM analysis_state) = 0;
UPDATE analysis_state SET block_chars = -1 WHERE block_chars = 0;
