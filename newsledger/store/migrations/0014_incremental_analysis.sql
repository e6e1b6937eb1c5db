-- 0014: the cross-report pass works block by block and only on what changed.
-- Blocks cut the ledger by publication date (0015: the whole ledger, a year or a month);
-- stories, merged events, implied arguments and contradictions are found within one
-- block (with statistics of that block), so adding articles redoes only their blocks.
-- documents_block serves month blocks.

-- Articles whose analysis is not done: written, reprocessed, deleted or touched by an
-- actor correction since the pass last saw them. No foreign key: a deleted article stays
-- here until the pass has redone the block it was in.
CREATE TABLE analysis_pending (doc_id TEXT PRIMARY KEY);
-- The block each article was analysed in (to redo the old block when its date changes).
CREATE TABLE analysis_docs (doc_id TEXT PRIMARY KEY, block TEXT NOT NULL);
CREATE INDEX analysis_docs_block ON analysis_docs(block);
CREATE INDEX documents_block ON documents(COALESCE(substr(published, 1, 7), ''));

ALTER TABLE stories ADD COLUMN block TEXT;
ALTER TABLE event_clusters ADD COLUMN block TEXT;
ALTER TABLE contradictions ADD COLUMN block TEXT;
CREATE INDEX stories_block ON stories(block);
CREATE INDEX event_clusters_block ON event_clusters(block);
CREATE INDEX contradictions_block ON contradictions(block);
CREATE INDEX stances_doc ON stances(doc_id);

-- Every path that changes what the analysis reads marks the article pending (ingest,
-- reprocess, the REST API, deletes, actor merges and splits), whatever code does it.
CREATE TRIGGER documents_pending_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (NEW.id);
END;
CREATE TRIGGER documents_pending_update AFTER UPDATE ON documents BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (OLD.id);
    INSERT OR IGNORE INTO analysis_pending VALUES (NEW.id);
END;
CREATE TRIGGER documents_pending_delete AFTER DELETE ON documents BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (OLD.id);
END;
CREATE TRIGGER mentions_pending AFTER UPDATE OF entity_id, entity_name ON mentions BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (NEW.doc_id);
END;
CREATE TRIGGER quotes_pending AFTER UPDATE OF speaker_id, speaker_name ON quotes BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (NEW.doc_id);
END;
CREATE TRIGGER events_pending AFTER UPDATE OF source_id, source_name, target_id, target_name ON events BEGIN
    INSERT OR IGNORE INTO analysis_pending VALUES (NEW.doc_id);
END;

-- Tables built by the whole-ledger pass carry no block: derive them again, block by block.
DELETE FROM story_docs;
DELETE FROM stories;
DELETE FROM event_arguments;
DELETE FROM event_clusters;
DELETE FROM contradictions;
DELETE FROM stances;
DELETE FROM framing_terms;
UPDATE events SET event_id = NULL;
INSERT OR IGNORE INTO analysis_pending SELECT id FROM documents;
