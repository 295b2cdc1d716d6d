-- Supervisor alerts, e.g. a cluster of water-quality reports in one district-hour (at most one per district-hour).
CREATE TABLE alerts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT        NOT NULL CHECK (kind IN ('water_quality')),
    district   TEXT        NOT NULL,
    hour_start TIMESTAMPTZ NOT NULL,
    count      INT         NOT NULL,
    baseline   DOUBLE PRECISION NOT NULL,
    threshold  DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, district, hour_start)
);
CREATE INDEX alerts_created_idx ON alerts (created_at DESC);
-- Water-quality counting per district and hour.
CREATE INDEX tickets_category_district_idx ON tickets (category, district, created_at) WHERE category IS NOT NULL;
