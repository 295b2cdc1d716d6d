-- Customer archive: the archive is searched by any mix of name, address, phone, account, district, tier, water use,
-- kind, critical reason and dates, one page at a time in name order; supervisors keep the filters they use as named
-- segments.

-- A page of the archive walks the customers in name order and stops after its rows; within a district or a tier it
-- walks that district's or tier's customers only (a rare pair such as key customers of one district found none in
-- 1.6 s through the name order alone, at 200,000 customers).
CREATE INDEX customers_name_id_idx ON customers (name, id);
CREATE INDEX customers_district_name_idx ON customers (district, name, id);
CREATE INDEX customers_tier_name_idx ON customers (tier, name, id);
CREATE INDEX customers_created_idx ON customers (created_at);
CREATE INDEX customers_updated_idx ON customers (updated_at);
-- Any part of a phone number (the last four digits a caller reads out) through a trigram index.
CREATE INDEX customer_phones_phone_trgm_idx ON customer_phones USING gin (phone gin_trgm_ops);

-- A supervisor's saved filter: the archive's query parameters as a JSON object, checked as the archive checks them.
CREATE TABLE customer_segments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    filter     JSONB       NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
