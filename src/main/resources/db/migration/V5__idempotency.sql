-- Requests a sender marked with a key (REST Idempotency-Key, the broker message id): a retry with the same
-- key and body gets the first outcome again instead of being journaled twice; the same key with another
-- body is a conflict.
CREATE TABLE idempotency_key (
    participant VARCHAR(32)  NOT NULL REFERENCES participant (id),
    request_key VARCHAR(200) NOT NULL,
    body_sha256 VARCHAR(64)  NOT NULL,
    outcome     TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (participant, request_key)
);
