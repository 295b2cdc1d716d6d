-- Planned shut-offs (计划停水): where (districts, streets matched in addresses, or accounts), when, why; the customers
-- it affects, fixed when it is scheduled, so every later notice (reminder, extended, restored) reaches the same
-- people the first one did, and a caller is matched by one index probe.
CREATE TABLE outages (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_kind       TEXT        NOT NULL CHECK (area_kind IN ('districts', 'streets', 'accounts')),
    area            TEXT[]      NOT NULL,                 -- district codes, street names or account numbers
    reason          TEXT        NOT NULL,
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,                 -- the expected end, moved by each extension
    planned_end_at  TIMESTAMPTZ NOT NULL,                 -- the end first announced
    emergency       BOOLEAN     NOT NULL,                 -- scheduled with less notice than the rule asks
    status          TEXT        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'closed')),
    announce_from   TIMESTAMPTZ NOT NULL,                 -- the IVR and the caller card tell callers from then on
    remind_at       TIMESTAMPTZ,                          -- the reminder still to queue; null: queued or not needed
    overrun_told_at TIMESTAMPTZ,                          -- the expected end whose passing customers were told of
    extensions      INT         NOT NULL DEFAULT 0,       -- "extended" notices so far: n of outage:<id>:extended:<n>
    customers       INT         NOT NULL DEFAULT 0,
    notified        INT         NOT NULL DEFAULT 0,       -- notices queued when it was scheduled
    reminded        INT         NOT NULL DEFAULT 0,
    restored        INT         NOT NULL DEFAULT 0,
    next_check_at   TIMESTAMPTZ,                          -- when the scheduler must look again; null: never
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    ended_by        TEXT,                                 -- who cancelled or closed it
    ended_at        TIMESTAMPTZ,
    CHECK (ends_at > starts_at)
);
CREATE INDEX outages_due_idx ON outages (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX outages_scheduled_idx ON outages (starts_at DESC) WHERE status = 'scheduled';

CREATE TABLE outage_customers (
    outage_id   BIGINT NOT NULL REFERENCES outages (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    PRIMARY KEY (outage_id, customer_id)
);
CREATE INDEX outage_customers_customer_idx ON outage_customers (customer_id);

-- A critical facility in a shut-off's area gets a proactive call, a follow-up task like an incident's.
ALTER TABLE followups ADD COLUMN outage_id BIGINT REFERENCES outages (id);
CREATE UNIQUE INDEX followups_one_outage_call ON followups (outage_id, customer_id) WHERE outage_id IS NOT NULL;
