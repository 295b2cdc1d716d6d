-- Follow-up tasks (回访): return calls after a resolved complaint or a verified repair of a key or critical customer,
-- and proactive calls to critical facilities when an incident opens in their district.
CREATE TABLE followups (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('complaint', 'repair', 'proactive')),
    ticket_id    BIGINT REFERENCES tickets (id),
    incident_id  BIGINT REFERENCES incidents (id),
    customer_id  BIGINT REFERENCES customers (id),
    ticket_type  TEXT,
    district     TEXT        NOT NULL DEFAULT '',
    -- The user who resolved the ticket (the agent the satisfaction is credited to), or '' for proactive calls.
    agent        TEXT        NOT NULL DEFAULT '',
    assignee     TEXT        NOT NULL DEFAULT '',
    due_at       TIMESTAMPTZ NOT NULL,
    done_at      TIMESTAMPTZ,
    done_by      TEXT,
    satisfaction INT CHECK (satisfaction BETWEEN 1 AND 5),
    comment      TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX followups_open_idx ON followups (due_at) WHERE done_at IS NULL;
CREATE INDEX followups_done_idx ON followups (done_at) WHERE satisfaction IS NOT NULL;
CREATE UNIQUE INDEX followups_one_open_per_ticket ON followups (ticket_id, kind) WHERE done_at IS NULL AND ticket_id IS NOT NULL;
CREATE UNIQUE INDEX followups_one_proactive ON followups (incident_id, customer_id) WHERE kind = 'proactive';
