-- Remote sources: per participant, servers or directories the hub polls for files (JSON list).
ALTER TABLE participant ADD COLUMN sources TEXT DEFAULT '[]' NOT NULL;

-- Durable idempotent repository of Camel's file and FTP consumers (JdbcMessageIdRepository's layout,
-- with room for long file names): a remote file is taken once, across restarts and nodes.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1000) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
