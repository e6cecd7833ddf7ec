-- What the built-in customs simulator has received, as customs keeps it (issue 26): orders, payments, waybills and
-- declarations by their customs keys, each as its canonical JSON; a declaration with its buyer's keyed hash, its
-- dutiable value and year (the annual limit), and how far customs took it.
CREATE TABLE simulated_customs (
    message_code VARCHAR(8)    NOT NULL,
    doc_key      VARCHAR(200)  NOT NULL,
    order_no     VARCHAR(60),
    buyer_key    VARCHAR(64),
    amount       DECIMAL(19,2),
    quota_year   INTEGER,
    state        VARCHAR(16)   NOT NULL,
    payload      TEXT          NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_code, doc_key)
);
CREATE INDEX ix_simulated_customs_order ON simulated_customs (message_code, order_no);
CREATE INDEX ix_simulated_customs_buyer ON simulated_customs (buyer_key, quota_year);
