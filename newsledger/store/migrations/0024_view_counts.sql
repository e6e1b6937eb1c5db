-- 0024: what the first view of a page counts, kept as rows are written instead of counted
-- per view on a large ledger (issues 16 and 18).
--
-- Rows per table (the home page and /api/stats: count(*) of 1M-row tables, 0.4-1 s cold) and
-- articles per pipeline version (the stale count scanned every article with its text), kept
-- by triggers on insert and delete (and on a new pipeline version of an article).
CREATE TABLE row_counts (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE version_counts (version TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

INSERT INTO row_counts (tbl, n) SELECT 'documents', COUNT(*) FROM documents;
INSERT INTO row_counts (tbl, n) SELECT 'mentions', COUNT(*) FROM mentions;
INSERT INTO row_counts (tbl, n) SELECT 'quotes', COUNT(*) FROM quotes;
INSERT INTO row_counts (tbl, n) SELECT 'timexes', COUNT(*) FROM timexes;
INSERT INTO row_counts (tbl, n) SELECT 'events', COUNT(*) FROM events;
INSERT INTO row_counts (tbl, n) SELECT 'claims', COUNT(*) FROM claims;
INSERT INTO row_counts (tbl, n) SELECT 'entities', COUNT(*) FROM entities;
INSERT INTO version_counts (version, n)
    SELECT COALESCE(pipeline_version, ''), COUNT(*) FROM documents GROUP BY 1;

CREATE TRIGGER row_counts_documents_ai AFTER INSERT ON documents BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'documents';
END;
CREATE TRIGGER row_counts_documents_ad AFTER DELETE ON documents BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'documents';
END;
CREATE TRIGGER row_counts_mentions_ai AFTER INSERT ON mentions BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'mentions';
END;
CREATE TRIGGER row_counts_mentions_ad AFTER DELETE ON mentions BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'mentions';
END;
CREATE TRIGGER row_counts_quotes_ai AFTER INSERT ON quotes BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'quotes';
END;
CREATE TRIGGER row_counts_quotes_ad AFTER DELETE ON quotes BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'quotes';
END;
CREATE TRIGGER row_counts_timexes_ai AFTER INSERT ON timexes BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'timexes';
END;
CREATE TRIGGER row_counts_timexes_ad AFTER DELETE ON timexes BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'timexes';
END;
CREATE TRIGGER row_counts_events_ai AFTER INSERT ON events BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'events';
END;
CREATE TRIGGER row_counts_events_ad AFTER DELETE ON events BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'events';
END;
CREATE TRIGGER row_counts_claims_ai AFTER INSERT ON claims BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'claims';
END;
CREATE TRIGGER row_counts_claims_ad AFTER DELETE ON claims BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'claims';
END;
CREATE TRIGGER row_counts_entities_ai AFTER INSERT ON entities BEGIN
    UPDATE row_counts SET n = n + 1 WHERE tbl = 'entities';
END;
CREATE TRIGGER row_counts_entities_ad AFTER DELETE ON entities BEGIN
    UPDATE row_counts SET n = n - 1 WHERE tbl = 'entities';
END;

CREATE TRIGGER version_counts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO version_counts (version, n) VALUES (COALESCE(NEW.pipeline_version, ''), 1)
    ON CONFLICT (version) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER version_counts_ad AFTER DELETE ON documents BEGIN
    UPDATE version_counts SET n = n - 1 WHERE version = COALESCE(OLD.pipeline_version, '');
END;
CREATE TRIGGER version_counts_au AFTER UPDATE OF pipeline_version ON documents
WHEN OLD.pipeline_version IS NOT NEW.pipeline_version BEGIN
    UPDATE version_counts SET n = n - 1 WHERE version = COALESCE(OLD.pipeline_version, '');
    INSERT INTO version_counts (version, n) VALUES (COALESCE(NEW.pipeline_version, ''), 1)
    ON CONFLICT (version) DO UPDATE SET n = n + 1;
END;

-- A name looked up as spelled (store/spellings.spelled: the actor page, the brief) was a scan
-- of every folded spelling.
CREATE INDEX actor_spellings_folded ON actor_spellings(folded);
-- Lists filtered by outlet: its articles by index (a rare outlet's records are read from
-- them; a frequent one's page walks the sort index, store/facets.py, and tests each row's
-- outlet in (id, outlet): an article's row holds its text before its outlet, so reading the
-- outlet from the table walks the text's overflow pages).
CREATE INDEX documents_outlet ON documents(outlet, published);
CREATE INDEX documents_id_outlet ON documents(id, outlet);
-- The date orders of 0022 carry the article: a walk testing the outlet (and a count along it)
-- reads the index alone until a row matches.
DROP INDEX IF EXISTS quotes_dated;
CREATE INDEX quotes_dated ON quotes(sort_date IS NULL, sort_date, id, doc_id);
DROP INDEX IF EXISTS events_dated;
CREATE INDEX events_dated ON events(sort_date IS NULL, sort_date, id, doc_id);
-- An article asked for by name (its page, /api/documents/{key}) was a scan of every article.
CREATE INDEX documents_name ON documents(name);
CREATE INDEX document_sources_name ON document_sources(name);
-- Quotes and events sorted by confidence (the lists' column sort) walk an index.
CREATE INDEX quotes_confidence ON quotes(confidence, id);
CREATE INDEX events_confidence ON events(confidence, id);
