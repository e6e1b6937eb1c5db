-- 0004: arguments an event report leaves unsaid, read from the other reports
-- of the same merged event (newsledger/analyze/implicit.py). Derived: rebuilt
-- by every analysis pass; the per-article events rows are never rewritten.
CREATE TABLE event_arguments (
    event_row INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL,             -- 'source' or 'target'
    actor_id TEXT, actor_name TEXT,
    via TEXT NOT NULL,              -- 'report': another report of the event says it;
                                    -- 'coordinated': the same act on a coordinated party
    from_row INTEGER,               -- the events row that states the argument
    from_doc TEXT,
    event_id TEXT, confidence REAL,
    PRIMARY KEY (event_row, role)
);
CREATE INDEX event_arguments_doc ON event_arguments(doc_id);
