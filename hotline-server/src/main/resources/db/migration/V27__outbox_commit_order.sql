-- Outbox readers follow commits, not ids: an id is drawn before its transaction commits, so a smaller id can become
-- visible after a larger one was read. Each row now records its transaction; a reader remembers the snapshot it read
-- at and next takes the rows of transactions that snapshot did not yet see as finished.
-- Rows written before this migration get 0: finished before any snapshot a reader will hold.
ALTER TABLE outbox ADD COLUMN xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE outbox ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
DROP INDEX outbox_topic_idx;
CREATE INDEX outbox_xid_idx ON outbox (xid, id);

-- One row per search index (each instance keeps its own): the position its index has durably applied and when the
-- instance last said so. Rows silent for longer than search.instanceExpirySeconds are dropped.
CREATE TABLE search_feeds (
    instance_id TEXT        PRIMARY KEY,
    position    pg_snapshot NOT NULL,
    heartbeat   TIMESTAMPTZ NOT NULL
);

-- Outbox rows of the search's topics with a transaction below this one are gone: an index whose position is older
-- cannot catch up from the outbox and rebuilds from the tickets instead. Only raised, in the pruning transaction.
CREATE TABLE outbox_pruned (
    singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    below     xid8    NOT NULL
);
INSERT INTO outbox_pruned (below) VALUES ('0');
