-- 0012: the analyst's marks on records. A quote, event, contradiction or actor can be marked
-- 'wrong' or 'confirmed' with a note; every mark is kept (who, when), the latest one counts.
-- Records marked wrong are left out of lists and counts by default (store/feedback.py).
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    record_table TEXT NOT NULL,      -- 'quotes', 'events', 'contradictions', 'entities'
    record_id TEXT NOT NULL,
    mark TEXT NOT NULL CHECK (mark IN ('wrong', 'confirmed', 'cleared')),
    note TEXT,
    by TEXT,
    at TEXT NOT NULL
);
CREATE INDEX feedback_record ON feedback(record_table, record_id);
CREATE VIEW feedback_current AS
    SELECT f.* FROM feedback f
    WHERE f.id = (SELECT MAX(g.id) FROM feedback g
                  WHERE g.record_table = f.record_table AND g.record_id = f.record_id);
