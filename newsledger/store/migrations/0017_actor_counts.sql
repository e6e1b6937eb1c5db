-- 0017: mentions and articles per actor, for the actors list (store/facets.py): counting
-- every mention on each page view is what made the list slow on a large ledger. Refreshed
-- by the reader when `actor_counts_state` no longer matches the ledger (a write, a merge).
CREATE TABLE actor_counts (
    entity_id TEXT PRIMARY KEY,
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX actor_counts_mentions ON actor_counts(mentions);
CREATE TABLE actor_counts_state (state TEXT);
