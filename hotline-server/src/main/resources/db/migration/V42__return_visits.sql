-- The return-visit programme (回访): a follow-up's outcome (answered, or unreachable after the attempts of
-- conf/visits.json), the failed attempts before it, and the satisfaction as indicators. satisfaction stays the overall
-- score (asked, or derived from speed, attitude and result when overall_derived), so everything reading it still works.
ALTER TABLE followups
    ADD COLUMN outcome         TEXT CHECK (outcome IN ('answered', 'unreachable')),
    ADD COLUMN attempts        INT     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN last_attempt_at TIMESTAMPTZ,
    ADD COLUMN overall_derived BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN score_speed     INT CHECK (score_speed BETWEEN 1 AND 5),
    ADD COLUMN score_attitude  INT CHECK (score_attitude BETWEEN 1 AND 5),
    ADD COLUMN score_result    INT CHECK (score_result BETWEEN 1 AND 5),
    -- Reason codes of a dissatisfied customer (conf/visits.json); reason_text: the one written down ("other").
    ADD COLUMN reasons         TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN reason_text     TEXT;

-- Every follow-up done before this answered with a score.
UPDATE followups SET outcome = 'answered' WHERE done_at IS NOT NULL;

ALTER TABLE followups ADD CONSTRAINT followups_outcome_when_done CHECK ((done_at IS NULL) = (outcome IS NULL));
ALTER TABLE followups ADD CONSTRAINT followups_answered_scored
    CHECK (outcome IS DISTINCT FROM 'answered' OR satisfaction IS NOT NULL);

-- The visit reports read the follow-ups done in a period, answered or not.
CREATE INDEX followups_done_at_idx ON followups (done_at) WHERE done_at IS NOT NULL;
