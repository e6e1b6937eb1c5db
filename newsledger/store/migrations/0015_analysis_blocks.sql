-- 0015: how the ledger's cross-report pass is cut into blocks, as the number of leading
-- characters of the publication date that name a block: 0 = one block, the whole ledger
-- (the default: reports of one event are merged whatever their dates), 4 = a year,
-- 7 = a month (adding articles redoes only their months; nothing spans two). A ledger
-- setting, not a config file: the stored rows depend on it. `newsledger analyze --blocks`.
ALTER TABLE analysis_state ADD COLUMN block_chars INTEGER NOT NULL DEFAULT 0;
