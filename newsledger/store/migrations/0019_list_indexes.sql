-- 0019: merged events paged in date order (undated last) from an index
-- (store/analysis_query.py), not sorted whole per request.
CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters(COALESCE(date, '9999'), id);
