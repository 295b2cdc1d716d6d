-- Notices: what Hotline must tell a customer, queued in the same transaction as the change that causes it.
-- One row per customer (or, for a caller without a record, per phone number) and reason; the unique dedupe key makes
-- queuing idempotent, so a retried change or a second instance never tells anyone twice. How and when each notice
-- is delivered (channels, attempts, quiet hours, opt-outs) is the notification worker's business, in its own tables.
CREATE TABLE notices (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('ticket_received', 'repair_dispatched', 'repair_done',
                                                     'incident_update', 'incident_closed', 'follow_up_reminder',
                                                     'outage_notice', 'outage_reminder', 'outage_extended',
                                                     'supply_restored')),
    customer_id BIGINT      REFERENCES customers (id),
    phone       TEXT,                                  -- a reporter without a customer record is told by SMS here
    ticket_id   BIGINT      REFERENCES tickets (id),
    variables   JSONB       NOT NULL DEFAULT '{}'::jsonb,
    dedupe_key  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (customer_id IS NOT NULL OR phone IS NOT NULL)
);
CREATE INDEX notices_customer_idx ON notices (customer_id, id DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX notices_ticket_idx ON notices (ticket_id, id) WHERE ticket_id IS NOT NULL;
