-- Incidents: many repair reports of one burst main. The first report opens the incident; every report (the first
-- included) is a row of incident_reports, each ticket in at most one incident.
CREATE TABLE incidents (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category        TEXT        NOT NULL,
    district        TEXT        NOT NULL,
    location        TEXT        NOT NULL DEFAULT '',
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    status          TEXT        NOT NULL CHECK (status IN ('open', 'closed', 'merged')),
    first_ticket_id BIGINT      NOT NULL REFERENCES tickets (id),
    crew_id         BIGINT REFERENCES crews (id),
    eta             TIMESTAMPTZ,
    resolution      TEXT,
    merged_into     BIGINT REFERENCES incidents (id),
    opened_at       TIMESTAMPTZ NOT NULL,
    last_report_at  TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX incidents_open_idx ON incidents (category, district) WHERE status = 'open';
CREATE INDEX incidents_status_idx ON incidents (status, district, opened_at DESC);

CREATE TABLE incident_reports (
    ticket_id   BIGINT PRIMARY KEY REFERENCES tickets (id),
    incident_id BIGINT      NOT NULL REFERENCES incidents (id),
    attached_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_reports_incident_idx ON incident_reports (incident_id, ticket_id);
