-- Each inventory declaration's customs lifecycle (issue 25), kept in step with the journal in its transaction:
-- the declaration by its copNo with the numbers customs gives it (preNo, invtNo) and the codes of its parties, and
-- every customs answer about it. An answer may arrive before the declaration or name it only by preNo or invtNo:
-- answers keep the keys they carry and are tied to the declaration that holds any of them.
CREATE TABLE declaration (
    cop_no        VARCHAR(20)  PRIMARY KEY,
    pre_no        VARCHAR(18),
    invt_no       VARCHAR(18),
    order_no      VARCHAR(60),
    logistics_no  VARCHAR(60),
    ebp_code      VARCHAR(18),
    ebc_code      VARCHAR(18),
    agent_code    VARCHAR(18),
    area_code     VARCHAR(18),
    trade_mode    VARCHAR(4),
    message_id    VARCHAR(36),
    state         VARCHAR(16)  NOT NULL,
    status        INTEGER,
    status_at     TIMESTAMP WITH TIME ZONE,
    reason        VARCHAR(5000),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_declaration_pre_no ON declaration (pre_no);
CREATE INDEX ix_declaration_order_no ON declaration (order_no);
CREATE INDEX ix_declaration_invt_no ON declaration (invt_no);
CREATE INDEX ix_declaration_state ON declaration (state, status_at);

CREATE TABLE declaration_event (
    message_id    VARCHAR(36)  PRIMARY KEY REFERENCES message (id),
    message_code  VARCHAR(6)   NOT NULL,
    cop_no        VARCHAR(20),
    pre_no        VARCHAR(18),
    invt_no       VARCHAR(18),
    status        INTEGER      NOT NULL,
    status_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(5000),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_declaration_event_cop_no ON declaration_event (cop_no);
CREATE INDEX ix_declaration_event_pre_no ON declaration_event (pre_no);
CREATE INDEX ix_declaration_event_invt_no ON declaration_event (invt_no);
