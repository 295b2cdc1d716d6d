-- The wallboard: the day's queue figures are read from the call records, so they survive a restart and show the
-- same on every instance.

-- Time the call spent on hold (AMI Hold/Unhold on any of its channels); part of Asterisk's talk time.
ALTER TABLE calls ADD COLUMN hold_seconds INT CHECK (hold_seconds >= 0);

-- One index serves the day's figures, calls per hour and each agent's day as an index-only scan of the day's range
-- (the figures read only these columns); it also serves the newest-first listing that calls_started_idx served.
CREATE INDEX calls_day_figures_idx ON calls (started_at)
    INCLUDE (queue, disposition, wait_seconds, talk_seconds, hold_seconds, answered_at, ended_at, wrapped_up_at,
             agent_user_id);
DROP INDEX calls_started_idx;

-- Satisfaction recorded today, per agent of the call.
CREATE INDEX call_satisfaction_recorded_idx ON call_satisfaction (recorded_at);

-- A supervisor's pause, resume or log-out of an agent's queue membership: who, whom, when, why.
CREATE TABLE agent_queue_interventions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_user_id BIGINT      NOT NULL REFERENCES users (id),
    action        TEXT        NOT NULL CHECK (action IN ('pause', 'resume', 'logout')),
    reason        TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    by_user_id    BIGINT      NOT NULL REFERENCES users (id),
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_queue_interventions_agent_idx ON agent_queue_interventions (agent_user_id, at DESC);
