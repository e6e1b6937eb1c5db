-- 0021: every actor's names and aliases folded and keyed (kb.names.fold / key), for the name
-- filters of the lists (store/spellings.py): reading and folding the whole entities table
-- per ledger state cost ~0.5 s (fold) to ~4 s (key) at 20k actors, after every write.
-- Triggers give each written or renamed actor a new revision; a reader folds only the
-- actors past the revision the table holds, once per ledger, not per process.
CREATE TABLE entity_revs (entity_id TEXT PRIMARY KEY, rev INTEGER NOT NULL);
CREATE INDEX entity_revs_rev ON entity_revs(rev);
CREATE TABLE entity_rev (n INTEGER NOT NULL);
INSERT INTO entity_rev (n) VALUES (1);
INSERT INTO entity_revs (entity_id, rev) SELECT id, 1 FROM entities;
-- is_id: the spelling is the actor's id (a name search finds it; a word filter does not)
CREATE TABLE actor_spellings (
    entity_id TEXT NOT NULL, folded TEXT NOT NULL, key TEXT NOT NULL, is_id INTEGER NOT NULL
);
CREATE INDEX actor_spellings_entity ON actor_spellings(entity_id);
CREATE INDEX actor_spellings_key ON actor_spellings(key);
-- any part of a folded name (3 characters or more) found through trigrams, not a scan
CREATE VIRTUAL TABLE actor_spellings_text USING fts5(
    folded, content='actor_spellings', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER actor_spellings_ai AFTER INSERT ON actor_spellings BEGIN
    INSERT INTO actor_spellings_text (rowid, folded) VALUES (NEW.rowid, NEW.folded);
END;
CREATE TRIGGER actor_spellings_ad AFTER DELETE ON actor_spellings BEGIN
    INSERT INTO actor_spellings_text (actor_spellings_text, rowid, folded)
    VALUES ('delete', OLD.rowid, OLD.folded);
END;
-- the words of the folded names (not ids): a word filter reads its candidates by index
CREATE TABLE actor_words (word TEXT NOT NULL, entity_id TEXT NOT NULL);
CREATE INDEX actor_words_word ON actor_words(word, entity_id);
CREATE INDEX actor_words_entity ON actor_words(entity_id);
CREATE TABLE actor_spellings_state (rev INTEGER NOT NULL);
INSERT INTO actor_spellings_state (rev) VALUES (0);

CREATE TRIGGER entity_revs_ai AFTER INSERT ON entities BEGIN
    UPDATE entity_rev SET n = n + 1;
    INSERT OR REPLACE INTO entity_revs (entity_id, rev) VALUES (NEW.id, (SELECT n FROM entity_rev));
END;

CREATE TRIGGER entity_revs_au AFTER UPDATE OF id, name, aliases ON entities
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.aliases IS NOT NEW.aliases BEGIN
    UPDATE entity_rev SET n = n + 1;
    DELETE FROM entity_revs WHERE entity_id = OLD.id AND OLD.id IS NOT NEW.id;
    DELETE FROM actor_spellings WHERE entity_id = OLD.id AND OLD.id IS NOT NEW.id;
    DELETE FROM actor_words WHERE entity_id = OLD.id AND OLD.id IS NOT NEW.id;
    INSERT OR REPLACE INTO entity_revs (entity_id, rev) VALUES (NEW.id, (SELECT n FROM entity_rev));
END;

CREATE TRIGGER entity_revs_ad AFTER DELETE ON entities BEGIN
    UPDATE entity_rev SET n = n + 1;
    DELETE FROM entity_revs WHERE entity_id = OLD.id;
    DELETE FROM actor_spellings WHERE entity_id = OLD.id;
    DELETE FROM actor_words WHERE entity_id = OLD.id;
END;
