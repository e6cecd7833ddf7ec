-- The buyer's calendar-year total for customs' annual limit (issue 26): each declaration's dutiable value under a
-- keyed hash of its buyer's identity (never the number itself), what returns within 30 days gave back, and each
-- declared line's unit price, which a return (CEB625, quantities only) is valued at.
CREATE TABLE buyer_quota (
    cop_no      VARCHAR(20)   PRIMARY KEY,
    buyer_key   VARCHAR(64)   NOT NULL,
    quota_year  INTEGER       NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    refunded    DECIMAL(19,2) DEFAULT 0 NOT NULL,
    declared_on DATE          NOT NULL
);
CREATE INDEX ix_buyer_quota_buyer ON buyer_quota (buyer_key, quota_year);
CREATE TABLE buyer_quota_line (
    cop_no VARCHAR(20)   NOT NULL,
    gnum   INTEGER       NOT NULL,
    price  DECIMAL(19,5) NOT NULL,
    PRIMARY KEY (cop_no, gnum)
);
