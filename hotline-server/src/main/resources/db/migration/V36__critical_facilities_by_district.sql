-- The critical facilities of a district, without reading its other customers: the incident board counts them for
-- every open incident, and the proactive calls of a new incident go to them. Only critical customers are in it, so
-- it stays small and costs nothing on the writes of everyone else. (docs/benchmarks.md: the incident board.)
CREATE INDEX customers_critical_district_idx ON customers (district, id) WHERE critical_facility;
