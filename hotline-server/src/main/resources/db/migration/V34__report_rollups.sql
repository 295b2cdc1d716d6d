-- Reports read daily roll-ups, not the millions of tickets and calls behind them. Each table holds, per local day of
-- the utility, one row per grouping (dim) and value (key): dim '' with key '' is the day's total, then one row per
-- district, type, agent ... . The reports capability's catch-up job rewrites whole days from the base tables (recent
-- days on every run, older days a slice at a time), so a roll-up row is always a recount, never an increment.

-- The creating event's actor is the agent who took the ticket (created_by is null for the IVR and system users).
CREATE OR REPLACE VIEW ticket_event_facts AS
SELECT id, ticket_id, at, action, data, actor
FROM ticket_events;

-- Tickets by created day: volumes (created), complaints, and first-contact resolution of the contacts (tickets of a known
-- customer): repeated = the same customer came back on the same category within 7 days; pending = no repeat yet
-- and the 7 days not over.
CREATE TABLE report_ticket_days (
    dim        TEXT NOT NULL,
    day        DATE NOT NULL,
    key        TEXT NOT NULL,
    created    INT  NOT NULL,
    complaints INT  NOT NULL,
    contacts   INT  NOT NULL,
    repeated   INT  NOT NULL,
    pending    INT  NOT NULL,
    PRIMARY KEY (dim, day, key)
);

-- Calls that reached the agents' queue, by the day they started.
CREATE TABLE report_call_days (
    dim             TEXT   NOT NULL,
    day             DATE   NOT NULL,
    key             TEXT   NOT NULL,
    offered         INT    NOT NULL,
    answered        INT    NOT NULL,
    abandoned       INT    NOT NULL,
    short_abandoned INT    NOT NULL,
    answered_within INT    NOT NULL,
    wait_seconds    BIGINT NOT NULL,
    handle_seconds  BIGINT NOT NULL,
    PRIMARY KEY (dim, day, key)
);

-- SLA outcomes by the day the resolution was due.
CREATE TABLE report_sla_days (
    dim                     TEXT NOT NULL,
    day                     DATE NOT NULL,
    key                     TEXT NOT NULL,
    due                     INT  NOT NULL,
    met                     INT  NOT NULL,
    breached                INT  NOT NULL,
    pending                 INT  NOT NULL,
    first_response_breached INT  NOT NULL,
    PRIMARY KEY (dim, day, key)
);

-- Satisfaction answers (return calls and the IVR survey after a call) by the day they were given.
CREATE TABLE report_satisfaction_days (
    dim       TEXT NOT NULL,
    day       DATE NOT NULL,
    key       TEXT NOT NULL,
    answers   INT  NOT NULL,
    score_sum INT  NOT NULL,
    satisfied INT  NOT NULL,
    PRIMARY KEY (dim, day, key)
);

-- Customers per district as last counted (complaints per 1,000 customers).
CREATE TABLE report_customer_districts (
    district  TEXT PRIMARY KEY,
    customers INT  NOT NULL
);

-- Where the catch-up job stands: the last run, and the next older day it re-counts (it walks back through history
-- a slice per run, then starts again from the recent days).
CREATE TABLE report_rollup_state (
    singleton   BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    ran_at      TIMESTAMPTZ NOT NULL,
    older_until DATE
);

-- The SLA roll-up counts a day by when resolutions were due.
CREATE INDEX ticket_sla_resolution_due_idx ON ticket_sla (resolution_due);
