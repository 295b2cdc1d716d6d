-- SLA tracking: one row per ticket with its due times and escalation state, kept by the SLA listener inside every
-- ticket change. The scheduler scans next_check_at (partial index: only rows with something still due).
CREATE TABLE ticket_sla (
    ticket_id              BIGINT PRIMARY KEY REFERENCES tickets (id),
    rule                   TEXT        NOT NULL,
    tier                   TEXT        NOT NULL,
    critical_facility      BOOLEAN     NOT NULL,
    first_response_due     TIMESTAMPTZ NOT NULL,
    resolution_due         TIMESTAMPTZ NOT NULL,
    first_response_warn_at TIMESTAMPTZ NOT NULL,
    resolution_warn_at     TIMESTAMPTZ NOT NULL,
    follow_up_delay_s      BIGINT      NOT NULL,
    escalate_every_s       BIGINT      NOT NULL,
    warning                DOUBLE PRECISION NOT NULL,
    responded              BOOLEAN     NOT NULL DEFAULT FALSE,
    resolved               BOOLEAN     NOT NULL DEFAULT FALSE,
    -- An incident's follow-on reports are carried by the incident: no escalation of their own.
    suspended              BOOLEAN     NOT NULL DEFAULT FALSE,
    level                  TEXT        NOT NULL DEFAULT 'agent',
    warned                 TEXT[]      NOT NULL DEFAULT '{}',
    breached               TEXT[]      NOT NULL DEFAULT '{}',
    next_check_at          TIMESTAMPTZ,
    claimed_until          TIMESTAMPTZ,
    claimed_by             TEXT,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_sla_next_check_idx ON ticket_sla (next_check_at) WHERE next_check_at IS NOT NULL;
