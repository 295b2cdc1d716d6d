-- A proactive call planned for a shut-off that was then cancelled is closed without being made: neither answered nor
-- unreachable, and no return visit for the reports.
ALTER TABLE followups DROP CONSTRAINT followups_outcome_check;
ALTER TABLE followups ADD CONSTRAINT followups_outcome_check CHECK (outcome IN ('answered', 'unreachable', 'cancelled'));
