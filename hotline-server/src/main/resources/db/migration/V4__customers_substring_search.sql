-- Agents look customers up by any part of a name or address (第一 in 西湖第一人民医院): trigram indexes serve
-- LIKE '%...%' on the lower-cased text. Account numbers stay a prefix match on their own index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_name_trgm_idx ON customers USING gin (lower(name) gin_trgm_ops);
CREATE INDEX customers_address_trgm_idx ON customers USING gin (lower(address) gin_trgm_ops);
