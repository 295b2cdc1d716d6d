-- Callbacks offered by the IVR instead of a long wait. The caller keeps their place: the dialler takes the highest
-- queue priority first, then the earliest requested_at (the moment they would have joined the queue). due_at is the
-- SLA clock (requested_at + telephony.callbackDueMinutes). One row per call (call_uniqueid), so a retried IVR request
-- books nothing twice.
CREATE TABLE callbacks (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_uniqueid   TEXT        NOT NULL UNIQUE,
    customer_id     BIGINT      REFERENCES customers (id),
    caller_number   TEXT        NOT NULL CHECK (caller_number ~ '^[0-9]{3,20}$'),
    ticket_number   TEXT        REFERENCES tickets (number),
    priority        INTEGER     NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('requested', 'dialling', 'connected', 'failed', 'cancelled')),
    attempts        INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    agent_interface TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX callbacks_pending ON callbacks (priority DESC, requested_at) WHERE status = 'requested';
CREATE INDEX callbacks_status ON callbacks (status, requested_at);
