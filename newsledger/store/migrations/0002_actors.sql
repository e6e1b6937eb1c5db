-- 0002: views for SQL users over actors (issue 5). No new tables: actors live
-- in `entities`, their mentions in `mentions`.

-- Every spelling an actor was named with, and how often (nominal mentions
-- such as "the Iraqi premier" are left out; see actor_descriptions).
CREATE VIEW actor_aliases AS
SELECT m.entity_id AS actor_id, e.name AS actor, m.text AS alias,
       count(*) AS mentions, count(DISTINCT m.doc_id) AS articles
FROM mentions m JOIN entities e ON e.id = m.entity_id
WHERE NOT COALESCE(m.nominal, 0)
GROUP BY m.entity_id, m.text;

-- Role phrases and descriptions that stood for an actor.
CREATE VIEW actor_descriptions AS
SELECT m.entity_id AS actor_id, e.name AS actor, m.text AS description,
       count(*) AS mentions
FROM mentions m JOIN entities e ON e.id = m.entity_id
WHERE COALESCE(m.nominal, 0)
GROUP BY m.entity_id, m.text;

-- One row per actor: mentions, articles, first and last article date.
CREATE VIEW actor_summary AS
SELECT e.id AS actor_id, e.name, e.type, e.kb_id,
       count(m.id) AS mentions, count(DISTINCT m.doc_id) AS articles,
       min(COALESCE(d.published, d.ingested_at)) AS first_seen,
       max(COALESCE(d.published, d.ingested_at)) AS last_seen
FROM entities e
LEFT JOIN mentions m ON m.entity_id = e.id
LEFT JOIN documents d ON d.id = m.doc_id
GROUP BY e.id;
