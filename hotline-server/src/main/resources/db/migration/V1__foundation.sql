-- Foundation: customers, users and sessions, tickets with their append-only events, the outbox.
-- Enumerations are text with CHECK constraints so a new value is one migration, not a type rewrite.

CREATE TABLE customers (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_number    TEXT        NOT NULL UNIQUE,
    name              TEXT        NOT NULL,
    address           TEXT        NOT NULL DEFAULT '',
    district          TEXT        NOT NULL DEFAULT '',
    water_use         TEXT        NOT NULL CHECK (water_use IN ('residential', 'commercial', 'industrial', 'public')),
    kind              TEXT        NOT NULL CHECK (kind IN ('individual', 'organisation')),
    tier              TEXT        NOT NULL CHECK (tier IN ('key', 'ordinary', 'small')),
    critical_facility BOOLEAN     NOT NULL DEFAULT FALSE,
    critical_reason   TEXT,
    notes             TEXT        NOT NULL DEFAULT '',
    version           INT         NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (NOT critical_facility OR critical_reason IS NOT NULL)
);
CREATE INDEX customers_district_idx ON customers (district);
CREATE INDEX customers_name_lower_idx ON customers (lower(name) text_pattern_ops);

-- Caller-ID lookup is an exact match on the normalised number, hence its own indexed table.
CREATE TABLE customer_phones (
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    phone       TEXT   NOT NULL,
    position    INT    NOT NULL,
    PRIMARY KEY (customer_id, phone)
);
CREATE INDEX customer_phones_phone_idx ON customer_phones (phone);

CREATE TABLE users (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       TEXT        NOT NULL UNIQUE,
    display_name   TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    password_hash  TEXT        NOT NULL,
    phone_interface TEXT UNIQUE,
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL
);

-- Only a hash of each session token is stored: a leaked table does not leak sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed log-ins, counted per user name and per address over a sliding window (shared by every instance).
CREATE TABLE login_failures (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username   TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_address_idx ON login_failures (address, at);

-- Ticket numbers come from a sequence: unique and never reused, even after a rolled-back insert.
CREATE SEQUENCE ticket_number_seq;

CREATE TABLE tickets (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number          TEXT        NOT NULL UNIQUE,
    type            TEXT        NOT NULL CHECK (type IN ('repair', 'complaint', 'inquiry', 'suggestion', 'help')),
    channel         TEXT        NOT NULL CHECK (channel IN ('phone', 'ivr', 'web', 'walk_in')),
    status          TEXT        NOT NULL,
    priority        TEXT        NOT NULL CHECK (priority IN ('critical', 'high', 'normal', 'low')),
    urgent          BOOLEAN     NOT NULL DEFAULT FALSE,
    customer_id     BIGINT REFERENCES customers (id),
    caller_number   TEXT,
    subject         TEXT        NOT NULL,
    description     TEXT        NOT NULL DEFAULT '',
    location        TEXT        NOT NULL DEFAULT '',
    district        TEXT        NOT NULL DEFAULT '',
    category        TEXT,
    -- Workflow data (the fields of each step) lives here, keyed by step; the events keep its history.
    details         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_by      BIGINT REFERENCES users (id),
    version         INT         NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX tickets_status_idx ON tickets (status, created_at DESC);
CREATE INDEX tickets_type_idx ON tickets (type, created_at DESC);
CREATE INDEX tickets_customer_idx ON tickets (customer_id, created_at DESC);
CREATE INDEX tickets_district_idx ON tickets (district, created_at DESC);
CREATE INDEX tickets_created_idx ON tickets (created_at DESC);
CREATE INDEX tickets_caller_idx ON tickets (caller_number);

-- Append-only: the application never updates or deletes a row here.
CREATE TABLE ticket_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  BIGINT      NOT NULL REFERENCES tickets (id),
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    channel    TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    changes    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    data       JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- Written in the same transaction as the change; readers (search index, console push) keep their own cursor.
CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        TEXT        NOT NULL,
    aggregate_id BIGINT      NOT NULL,
    event_id     BIGINT,
    payload      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX outbox_topic_idx ON outbox (topic, id);

CREATE TABLE idempotency_keys (
    key        TEXT PRIMARY KEY,
    ticket_id  BIGINT      NOT NULL REFERENCES tickets (id),
    created_at TIMESTAMPTZ NOT NULL
);
