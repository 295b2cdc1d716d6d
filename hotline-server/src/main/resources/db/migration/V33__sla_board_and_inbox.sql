-- The supervisor's SLA board and "my escalations".
--
-- 1. What the board filters and sorts by, kept in ticket_sla by the SLA listener inside every ticket change (as the
--    due times are), so the board reads one table through one partial index instead of tickets' JSON details:
--    the ticket's type and district, who it is with (owner: a user name or team:<code>; null while nobody was named),
--    and the earliest target not yet met (risk_deadline) with its warning threshold (risk_at) and due time (due_at).
--    risk_at is null when nothing is left to miss (resolved) or an incident carries the ticket (suspended): such a
--    ticket is never on the board.
ALTER TABLE ticket_sla
    ADD COLUMN ticket_type   TEXT NOT NULL DEFAULT '',
    ADD COLUMN district      TEXT NOT NULL DEFAULT '',
    ADD COLUMN owner         TEXT,
    ADD COLUMN risk_deadline TEXT,
    ADD COLUMN risk_at       TIMESTAMPTZ,
    ADD COLUMN due_at        TIMESTAMPTZ;

UPDATE ticket_sla s
SET ticket_type   = t.type,
    district      = t.district,
    owner         = t.details -> 'escalation' ->> 'owner',
    risk_deadline = CASE WHEN s.responded THEN 'resolution' ELSE 'first_response' END,
    risk_at       = CASE WHEN s.resolved OR s.suspended THEN NULL
                         WHEN s.responded THEN s.resolution_warn_at ELSE s.first_response_warn_at END,
    due_at        = CASE WHEN s.responded THEN s.resolution_due ELSE s.first_response_due END
FROM ticket_facts t
WHERE t.id = s.ticket_id;

ALTER TABLE ticket_sla ALTER COLUMN ticket_type DROP DEFAULT, ALTER COLUMN district DROP DEFAULT;

-- Only tickets with a target left, each index with the filter columns included so the board never reads the table
-- to choose its rows: in the board's order (most overdue first) for a page, which stops at the page's last row; by
-- warning threshold for the count of all matches, which reads only the tickets past it; and per district and per
-- owner, the two filters that pick few tickets out of many (type, tier, level and state each match a large share, so
-- the board's order finds a page of them quickly).
CREATE INDEX ticket_sla_board_order_idx ON ticket_sla (due_at, ticket_id)
    INCLUDE (risk_at, ticket_type, district, tier, level, owner) WHERE risk_at IS NOT NULL;
CREATE INDEX ticket_sla_board_risk_idx ON ticket_sla (risk_at)
    INCLUDE (due_at, ticket_type, district, tier, level, owner) WHERE risk_at IS NOT NULL;
CREATE INDEX ticket_sla_board_district_idx ON ticket_sla (district, due_at, ticket_id)
    INCLUDE (risk_at, ticket_type, tier, level, owner) WHERE risk_at IS NOT NULL;
CREATE INDEX ticket_sla_board_owner_idx ON ticket_sla (owner, due_at, ticket_id)
    INCLUDE (risk_at, ticket_type, district, tier, level) WHERE risk_at IS NOT NULL AND owner IS NOT NULL;

-- 2. The warnings and escalations the duty roster addresses to a user, until then only messages on the event bus.
--    A warning is written by the same statement that records it on ticket_sla under the scheduler's claim; an
--    escalation inside the ticket change that escalates (one row per escalation event). The unique indexes make a
--    second row for one warning or one escalation impossible, whatever runs twice.
CREATE TABLE sla_inbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    addressee       TEXT        NOT NULL,
    ticket_id       BIGINT      NOT NULL REFERENCES tickets (id),
    kind            TEXT        NOT NULL CHECK (kind IN ('warning', 'escalation')),
    deadline        TEXT,
    level           TEXT        NOT NULL,
    due_at          TIMESTAMPTZ,
    reason          TEXT,
    event_id        BIGINT UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
    CHECK (kind = 'escalation' OR (deadline IS NOT NULL AND event_id IS NULL))
);
CREATE UNIQUE INDEX sla_inbox_warning_once_idx ON sla_inbox (ticket_id, deadline) WHERE kind = 'warning';
CREATE INDEX sla_inbox_addressee_idx ON sla_inbox (addressee, id DESC);
CREATE INDEX sla_inbox_unread_idx ON sla_inbox (addressee, id DESC) WHERE acknowledged_at IS NULL;
