-- 0006: how the text holds each event (issue 14): asserted, reported, denied,
-- negated, hypothetical or future. Views and exports count asserted events by
-- default; rows coded before this migration read as NULL and are taken from
-- their negated/hypothetical flags (store/events_query.py).
ALTER TABLE events ADD COLUMN factuality TEXT;
CREATE INDEX events_factuality ON events(factuality);

-- Why the sides of a contradiction are taken as the same fact (same merged event,
-- same actor and act within a window, ...): every contradiction says so.
ALTER TABLE contradictions ADD COLUMN why TEXT;
