-- Relationship health: each customer's return visits and open tickets are read per customer (the customer page) and
-- for every customer at once (the list of customers at risk).
CREATE INDEX followups_customer_idx ON followups (customer_id, done_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX tickets_open_customer_idx ON tickets (customer_id) WHERE closed_at IS NULL AND customer_id IS NOT NULL;
