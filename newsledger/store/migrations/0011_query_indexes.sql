-- 0011: indexes for the lists at scale. Quotes with co-speakers are few: a partial index lets
-- a speaker filter read just those besides the speaker's own (store/queries.py).
CREATE INDEX quotes_with_co_speakers ON quotes(id) WHERE attrs NOT LIKE '%"co_speakers": []%';
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
CREATE INDEX documents_published ON documents(published);
