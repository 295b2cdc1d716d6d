-- Delivery of notices: the worker plans each notice once it is due (created_at is the earliest time it may go out),
-- one row per channel, then claims due rows with FOR UPDATE SKIP LOCKED, sends, and records the outcome. A claim is
-- a lease: it moves next_attempt_at to the lease's end and names the claimer, so other workers pass the row by.
-- status: queued (waiting for next_attempt_at; last_error says why an earlier attempt failed), sent, failed (cannot
-- be sent: no or invalid address, a refusal by the far side; last_error says why), given_up (max attempts reached),
-- skipped (the customer opted out of this channel). A row whose lease ran out while queued was claimed by a sender
-- that stopped before recording the outcome: it is sent again under the same id (the SMTP Message-ID and the SMS
-- reference), so the far side can recognise the repeat.
ALTER TABLE notices ADD COLUMN planned_at TIMESTAMPTZ;
CREATE INDEX notices_unplanned_idx ON notices (created_at, id) WHERE planned_at IS NULL;

CREATE TABLE notice_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id       BIGINT      NOT NULL REFERENCES notices (id),
    channel         TEXT        NOT NULL CHECK (channel IN ('sms', 'email')),
    address         TEXT,
    language        TEXT        NOT NULL CHECK (language IN ('zh', 'en')),
    status          TEXT        NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'given_up', 'skipped')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    claimed_by      TEXT,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (notice_id, channel),
    CHECK (status <> 'queued' OR next_attempt_at IS NOT NULL)
);
CREATE INDEX notice_deliveries_due_idx ON notice_deliveries (next_attempt_at) WHERE status = 'queued';
