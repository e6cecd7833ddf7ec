-- A message's correlation keys (order, logistics, payment, inventory number, SKU, batch) in one narrow table with
-- one index, instead of six indexes on the wide message table: H2 rewrites every index it touched on each commit,
-- and six key indexes, mostly holding NULLs, were six more B-trees written for every journaled message. The
-- columns stay on the message (they are part of its envelope); the keys are looked up here.
-- No foreign key to message: it would want an index of its own, and keys are written with their message only.
CREATE TABLE message_key (
    key_value  VARCHAR(64) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    message_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (key_value, message_id, kind)
);
INSERT INTO message_key (key_value, kind, message_id) SELECT order_no, 'order_no', id FROM message WHERE order_no IS NOT NULL;
INSERT INTO message_key (key_value, kind, message_id)
    SELECT logistics_no, 'logistics_no', id FROM message WHERE logistics_no IS NOT NULL;
INSERT INTO message_key (key_value, kind, message_id)
    SELECT pay_transaction_id, 'pay_transaction_id', id FROM message WHERE pay_transaction_id IS NOT NULL;
INSERT INTO message_key (key_value, kind, message_id) SELECT invt_no, 'invt_no', id FROM message WHERE invt_no IS NOT NULL;
INSERT INTO message_key (key_value, kind, message_id) SELECT sku, 'sku', id FROM message WHERE sku IS NOT NULL;
INSERT INTO message_key (key_value, kind, message_id) SELECT batch_no, 'batch_no', id FROM message WHERE batch_no IS NOT NULL;
DROP INDEX ix_message_order_no;
DROP INDEX ix_message_logistics_no;
DROP INDEX ix_message_sku_batch;
DROP INDEX ix_message_pay_transaction;
DROP INDEX ix_message_invt_no;
DROP INDEX ix_message_batch_no;
