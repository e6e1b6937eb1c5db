-- 0005: analysts' corrections of actors, kept across reprocessing and later
-- ingests, and scored "possibly the same as" links between actors kept apart.

-- One row per decision, applied in id order to every article written after it
-- (and, when taken, to the whole ledger). merge: `other` becomes `actor`;
-- split: mentions of `actor` spelled `name` become the actor `new_id`.
CREATE TABLE actor_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    actor TEXT NOT NULL,
    other TEXT,
    name TEXT,
    new_id TEXT,
    decided_by TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);

-- Two actors the evidence did not join (a shared surname, a short form, a
-- near spelling): shown with the actor, for an analyst to merge or leave.
CREATE TABLE actor_links (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score REAL NOT NULL,
    reason TEXT,
    created_at TEXT,
    PRIMARY KEY (a, b)
);
CREATE INDEX actor_links_b ON actor_links(b);

-- The last word of each actor id (a surname, an organisation's last word):
-- where the linker looks for actors a new one may be the same as.
CREATE TABLE actor_tails (
    tail TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (tail, id)
);
