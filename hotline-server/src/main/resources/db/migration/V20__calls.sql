-- Telephony: one row per finished call (from the AMI events of the caller's channel), and the tickets it concerned.

CREATE TABLE calls (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uniqueid        TEXT        NOT NULL UNIQUE,
    caller_number   TEXT,
    called_number   TEXT,
    started_at      TIMESTAMPTZ NOT NULL,
    answered_at     TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ NOT NULL,
    ivr_path        TEXT,
    queue           TEXT,
    wait_seconds    INT,
    talk_seconds    INT,
    agent_interface TEXT,
    agent_user_id   BIGINT REFERENCES users (id),
    disposition     TEXT        NOT NULL CHECK (disposition IN ('ivr_completed', 'answered', 'abandoned', 'missed')),
    -- The MixMonitor file name the dialplan set (HOTLINE_RECORDING).
    recording       TEXT,
    customer_id     BIGINT REFERENCES customers (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX calls_started_idx ON calls (started_at DESC);
CREATE INDEX calls_customer_idx ON calls (customer_id, started_at DESC);
CREATE INDEX calls_caller_idx ON calls (caller_number);

CREATE TABLE call_tickets (
    call_id   BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    PRIMARY KEY (call_id, ticket_id)
);
CREATE INDEX call_tickets_ticket_idx ON call_tickets (ticket_id);
