-- What each message does to its document (issue 24): creates it, modifies it or cancels it. A cancellation is the
-- document's last revision, and its document's state says so; later arrivals of a cancelled document are refused.
-- Messages journaled before are a document's first revision or a modification, as their revision says (V16).
ALTER TABLE message ADD COLUMN doc_action VARCHAR(6) DEFAULT 'NEW' NOT NULL;
UPDATE message SET doc_action = 'MODIFY' WHERE revision > 1;
