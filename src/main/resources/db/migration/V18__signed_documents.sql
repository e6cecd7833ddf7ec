-- Signed customs documents as their senders sent them (issue 25): the signature is evidence only with the document
-- it signs, so the document is kept whole, once however many messages it held, with what the hub found when it
-- checked the signature. Each message read from it names it.
CREATE TABLE signed_document (
    sha256      VARCHAR(64)   PRIMARY KEY,
    sender      VARCHAR(32)   NOT NULL REFERENCES participant (id),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature   VARCHAR(8)    NOT NULL,
    verdict     VARCHAR(1000),
    document    TEXT          NOT NULL
);
CREATE TABLE message_evidence (
    message_id VARCHAR(36) PRIMARY KEY REFERENCES message (id),
    sha256     VARCHAR(64) NOT NULL REFERENCES signed_document (sha256)
);
