-- 0009: live ingestion. A source is a feed or a page the user named (`fetch`, `watch`, the
-- REST API); its last poll, status and counts are kept so a restart resumes where it stopped
-- and the UI can show what failed. source_items remembers every feed entry seen, so an entry
-- is fetched once (failed ones are retried a few times). Articles keep their author.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,              -- 'feed' or 'page'
    title TEXT,
    added_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    last_poll TEXT,
    last_status TEXT,                -- 'ok', 'not-modified', 'failed'
    last_error_code TEXT,
    last_error TEXT,
    etag TEXT,
    last_modified TEXT,
    polls INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0   -- new articles stored from it, all polls
);
CREATE TABLE source_items (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,          -- the entry's id, else its link
    url TEXT NOT NULL,
    status TEXT NOT NULL,            -- 'stored', 'unchanged', 'failed'
    doc_id TEXT,
    error_code TEXT,
    error TEXT,
    tries INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT NOT NULL,
    last_tried TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key)
);
ALTER TABLE documents ADD COLUMN author TEXT;
