-- 0022: the web lists' default orders (store/facets.py: undated last, then by date, then by
-- id) read from indexes, so the first view of /quotes, /events, /articles and
-- /merged-events on a large ledger reads a page, not a sort of the whole table.
CREATE INDEX IF NOT EXISTS quotes_dated ON quotes(sort_date IS NULL, sort_date, id);
CREATE INDEX IF NOT EXISTS events_dated ON events(sort_date IS NULL, sort_date, id);
CREATE INDEX IF NOT EXISTS documents_newest_id ON documents(published IS NULL, published DESC, id);
CREATE INDEX IF NOT EXISTS event_clusters_dated ON event_clusters(date IS NULL, date, id);
-- An actor's quotes and events by date: the speaker and side indexes carry the date, so an
-- actor's page reads its latest records and its records per month from the index alone
-- (they replace the one-column indexes of 0001/0011: no index more to keep on a write).
DROP INDEX IF EXISTS quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker_id, sort_date);
DROP INDEX IF EXISTS events_source;
CREATE INDEX events_source ON events(source_id, sort_date);
DROP INDEX IF EXISTS events_target;
CREATE INDEX events_target ON events(target_id, sort_date, source_id);
-- Events of one type in the web list's order (undated last): the type index carries it.
DROP INDEX IF EXISTS events_type;
CREATE INDEX events_type ON events(type, sort_date IS NULL, sort_date, id);
