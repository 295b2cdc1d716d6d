-- Wrap-up (话后处理): after each answered call the agent records a disposition code and, if any, the ticket it concerned.

ALTER TABLE calls
    ADD COLUMN wrap_up_code  TEXT CHECK (wrap_up_code IN ('resolved', 'ticket_created', 'ticket_updated',
                                                          'information_given', 'transferred', 'callback_promised',
                                                          'wrong_number', 'nuisance', 'other')),
    ADD COLUMN wrap_up_note  TEXT,
    ADD COLUMN wrapped_up_at TIMESTAMPTZ,
    ADD COLUMN wrapped_up_by BIGINT REFERENCES users (id);

-- The supervisor's list of answered calls still waiting for their wrap-up.
CREATE INDEX calls_unwrapped_idx ON calls (ended_at DESC) WHERE disposition = 'answered' AND wrap_up_code IS NULL;
