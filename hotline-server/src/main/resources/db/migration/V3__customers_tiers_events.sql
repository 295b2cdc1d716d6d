-- Customers: the consumption figure the tier rules read, the reason of a manual tier, prefix search indexes,
-- and the append-only history of every change to a customer.

ALTER TABLE customers ADD COLUMN monthly_consumption NUMERIC(12, 2) CHECK (monthly_consumption >= 0);
-- NULL: the tier comes from the rules; otherwise a supervisor set it by hand and this says why.
ALTER TABLE customers ADD COLUMN tier_reason TEXT;
ALTER TABLE customers ADD CONSTRAINT customers_account_number_format CHECK (account_number ~ '^[0-9]{6,12}$');
ALTER TABLE customers ADD CONSTRAINT customers_critical_reason_code CHECK (critical_reason IS NULL OR critical_reason
    IN ('hospital', 'school', 'home_dialysis', 'fire_service', 'care_home', 'water_plant', 'other'));

-- Free-text search is a case-insensitive prefix match on name, address or account number.
CREATE INDEX customers_address_lower_idx ON customers (lower(address) text_pattern_ops);
CREATE INDEX customers_account_prefix_idx ON customers (account_number text_pattern_ops);

-- Append-only: the application never updates or deletes a row here.
CREATE TABLE customer_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customers (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('created', 'updated', 'tier_overridden', 'imported')),
    changes     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    reason      TEXT
);
CREATE INDEX customer_events_customer_idx ON customer_events (customer_id, id DESC);
