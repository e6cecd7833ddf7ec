-- API key rotation: the key replaced by a rotation stays valid until the end of its grace period, so firms
-- can switch their systems over without an outage.
ALTER TABLE participant ADD COLUMN previous_api_key_hash VARCHAR(255);
ALTER TABLE participant ADD COLUMN previous_api_key_until TIMESTAMP WITH TIME ZONE;
