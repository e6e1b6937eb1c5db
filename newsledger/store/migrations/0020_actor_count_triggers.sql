-- 0020: mentions and articles per actor (0017's table) kept by triggers as mentions are
-- written, deleted (an article reprocessed or removed) or moved to another actor (a merge or
-- split), so that the actors list never recounts the mentions table (~1.2 s at 1M mentions
-- after every write). A mention adds an article to its actor when it is the first of that
-- actor in that article (looked up in the (entity_id, doc_id) index of 0013).
DELETE FROM actor_counts;
INSERT INTO actor_counts (entity_id, mentions, articles)
    SELECT entity_id, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions
    WHERE entity_id IS NOT NULL GROUP BY entity_id;
DELETE FROM actor_counts_state;
INSERT INTO actor_counts_state (state) VALUES ('triggers');

CREATE TRIGGER actor_counts_ai AFTER INSERT ON mentions WHEN NEW.entity_id IS NOT NULL BEGIN
    INSERT INTO actor_counts (entity_id, mentions, articles) VALUES (NEW.entity_id, 1, 1)
    ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1,
        articles = articles + NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = NEW.entity_id
                                          AND doc_id = NEW.doc_id AND id <> NEW.id);
END;

CREATE TRIGGER actor_counts_ad AFTER DELETE ON mentions WHEN OLD.entity_id IS NOT NULL BEGIN
    UPDATE actor_counts SET mentions = mentions - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = OLD.entity_id
                                          AND doc_id = OLD.doc_id)
    WHERE entity_id = OLD.entity_id;
    DELETE FROM actor_counts WHERE entity_id = OLD.entity_id AND mentions <= 0;
END;

CREATE TRIGGER actor_counts_au AFTER UPDATE OF entity_id, doc_id ON mentions
WHEN OLD.entity_id IS NOT NEW.entity_id OR OLD.doc_id IS NOT NEW.doc_id BEGIN
    UPDATE actor_counts SET mentions = mentions - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = OLD.entity_id
                                          AND doc_id = OLD.doc_id)
    WHERE OLD.entity_id IS NOT NULL AND entity_id = OLD.entity_id;
    DELETE FROM actor_counts WHERE OLD.entity_id IS NOT NULL AND entity_id = OLD.entity_id
        AND mentions <= 0;
    INSERT INTO actor_counts (entity_id, mentions, articles)
        SELECT NEW.entity_id, 1, 1 WHERE NEW.entity_id IS NOT NULL
    ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1,
        articles = articles + NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = NEW.entity_id
                                          AND doc_id = NEW.doc_id AND id <> NEW.id);
END;
