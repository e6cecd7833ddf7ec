-- API keys carry a public key id (phk_<key id>_<secret>), so that the hub finds the one key a request names and
-- checks one hash, not every participant's. Keys made before have no id and keep working until rotated.
ALTER TABLE participant ADD COLUMN api_key_id VARCHAR(32);
ALTER TABLE participant ADD COLUMN previous_api_key_id VARCHAR(32);
CREATE UNIQUE INDEX uq_participant_api_key_id ON participant (api_key_id);
