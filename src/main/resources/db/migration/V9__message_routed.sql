-- A message's routing is journaled in a narrow table of its own. Marking the wide message row ROUTED made the
-- database rewrite the row's entries in all its indexes (H2 re-indexes every column on UPDATE): in the benchmark
-- that update was the router's largest cost. A message is ROUTED once it has a row here, RECEIVED before.
CREATE TABLE message_routed (
    message_id VARCHAR(36) PRIMARY KEY REFERENCES message (id),
    routed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO message_routed (message_id, routed_at) SELECT id, status_at FROM message WHERE status = 'ROUTED';
ALTER TABLE message DROP COLUMN status;
ALTER TABLE message DROP COLUMN status_at;
