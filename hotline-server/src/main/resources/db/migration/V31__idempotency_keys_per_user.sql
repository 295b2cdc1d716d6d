-- Idempotency keys belong to the user (or system actor) who sent them: one agent's key never answers another's
-- ticket. Each key also keeps the fingerprint of the request that claimed it, so a key reused for a different request
-- is refused rather than answered with the first ticket. Keys from before keep their ticket's creator as scope and no
-- fingerprint (they still answer their ticket).
ALTER TABLE idempotency_keys ADD COLUMN scope TEXT, ADD COLUMN request_hash TEXT;
UPDATE idempotency_keys k SET scope = e.actor
FROM ticket_events e WHERE e.ticket_id = k.ticket_id AND e.action = 'created';
UPDATE idempotency_keys SET scope = '' WHERE scope IS NULL;
ALTER TABLE idempotency_keys ALTER COLUMN scope SET NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (scope, key);
