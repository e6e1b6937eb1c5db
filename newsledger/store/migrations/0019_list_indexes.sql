-- 0019: merged events paged in date order (undated last) from an index
-- (store/analysis_query.py), not sorted whole per request.
CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters(COALESCE(date, '9999'), id);
-- Articles newest first (undated last, then by name), as /api/documents lists them: the
-- first page is read from this index, not a sort of every article.
CREATE INDEX IF NOT EXISTS documents_newest ON documents(published IS NULL, published DESC, name);
