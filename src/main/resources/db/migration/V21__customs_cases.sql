-- The customs pre-check's results (issue 26). The hub writes them itself as precheck-result messages, journaled under
-- its own participant row: no roles, no credentials, never listed (Participant.HUB).
INSERT INTO participant (id, name, roles, profiles, delivery, created_at, updated_at)
VALUES ('parkhub', 'parkhub', '', '{}', '{"channel":"queue","format":"json"}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Each customs case's latest result, for the console: its state, the rules of its errors and warnings, its message.
CREATE TABLE customs_case (
    ebp_code   VARCHAR(18)  NOT NULL,
    order_no   VARCHAR(60)  NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    rules      VARCHAR(1000) NOT NULL,
    message_id VARCHAR(36)  NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ebp_code, order_no)
);
CREATE INDEX ix_customs_case_state ON customs_case (state, updated_at);

-- The day each rule was first found on a case (customs' own rejection counts as REJECTED): the compliance summary.
CREATE TABLE customs_case_finding (
    ebp_code VARCHAR(18) NOT NULL,
    order_no VARCHAR(60) NOT NULL,
    rule     VARCHAR(20) NOT NULL,
    found_on DATE        NOT NULL,
    PRIMARY KEY (ebp_code, order_no, rule, found_on)
);
CREATE INDEX ix_customs_case_finding_day ON customs_case_finding (found_on, ebp_code);
