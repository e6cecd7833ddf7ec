-- Files received through FTP or a watched directory: one row per distinct (participant, name, content),
-- so the same file sent twice is recognised, and a file whose processing was cut off resumes.
CREATE TABLE inbound_file (
    id            VARCHAR(36)  PRIMARY KEY,
    participant   VARCHAR(32)  NOT NULL REFERENCES participant (id),
    file_name     VARCHAR(255) NOT NULL,
    type_folder   VARCHAR(20)  NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    rows_accepted INTEGER,
    rows_rejected INTEGER,
    CONSTRAINT uq_inbound_file UNIQUE (participant, file_name, sha256)
);

-- uploads that started and have not ended: what is left here after a crash was cut off
CREATE TABLE ftp_upload (
    path        VARCHAR(1000) PRIMARY KEY,
    participant VARCHAR(32)   NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- which row of which inbound file a message came from: a resumed file skips the rows already journaled
ALTER TABLE message ADD COLUMN file_id VARCHAR(36);
ALTER TABLE message ADD COLUMN file_row INTEGER;
CREATE INDEX ix_message_file_row ON message (file_id, file_row);
