-- The relay clears outbox entries by message id: without this index each clear scans the whole outbox,
-- and a big file's hundreds of thousands of entries made publishing crawl (found in the 1 GB file run).
CREATE INDEX ix_outbox_message ON outbox (message_id);
