-- Administration: a manual tier can be handed back to the tier rules (an event 'tier_cleared' with its reason), and
-- the customers whose tier was set by hand are listed for review.

ALTER TABLE customer_events DROP CONSTRAINT customer_events_action_check;
ALTER TABLE customer_events ADD CONSTRAINT customer_events_action_check
    CHECK (action IN ('created', 'updated', 'tier_overridden', 'tier_cleared', 'imported'));

-- The manual tiers are few among all customers: the review list reads them through this partial index.
CREATE INDEX customers_manual_tier_idx ON customers (id) WHERE tier_reason IS NOT NULL;
