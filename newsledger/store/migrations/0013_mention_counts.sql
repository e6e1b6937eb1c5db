-- 0013: mentions counted per actor (the actors list) from an index alone.
CREATE INDEX mentions_entity_doc ON mentions(entity_id, doc_id);
