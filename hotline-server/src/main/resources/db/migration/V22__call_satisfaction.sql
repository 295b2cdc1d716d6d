-- Satisfaction by IVR: after the agent hangs up, the caller presses 1-5. Keyed by the call's uniqueid because the
-- survey runs before the call record is written (at the caller's hang-up).
CREATE TABLE call_satisfaction (
    uniqueid    TEXT        PRIMARY KEY,
    score       SMALLINT    NOT NULL CHECK (score BETWEEN 1 AND 5),
    recorded_at TIMESTAMPTZ NOT NULL
);
