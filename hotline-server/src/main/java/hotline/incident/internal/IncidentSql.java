package hotline.incident.internal;

/** Every SQL statement of the incident capability ({@code $n} parameters only). */
public final class IncidentSql {

    private IncidentSql() {
    }

    /**
     * Serialises attaching per category and district ($1 the key text) until the transaction ends, so two reports of
     * one burst arriving together cannot both open an incident.
     */
    public static final String LOCK_PLACE = "SELECT pg_advisory_xact_lock(hashtext($1))";

    /** Open incidents of category $1 in district $2. */
    public static final String OPEN_AT = "SELECT * FROM incidents WHERE status = 'open' AND category = $1 AND district = $2";

    /** Opens an incident: $1 category, $2 district, $3 location, $4 latitude, $5 longitude, $6 first ticket, $7 now. */
    public static final String OPEN = """
            INSERT INTO incidents (category, district, location, latitude, longitude, status, first_ticket_id,
                                   opened_at, last_report_at)
            VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7)
            RETURNING *
            """;

    /** Adds ticket $1 to incident $2 at $3 and moves the incident's last report time. */
    public static final String ATTACH = """
            WITH r AS (INSERT INTO incident_reports (ticket_id, incident_id, attached_at) VALUES ($1, $2, $3))
            UPDATE incidents SET last_report_at = greatest(last_report_at, $3) WHERE id = $2
            """;

    private static final String WITH_COUNT = """
            SELECT i.*, (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id) AS report_count
            FROM incidents i
            """;

    /**
     * The incidents {@code listed} selects, with what a supervisor weighs them by: their reports
     * ({@code report_count}), the reports still open, each of whose reporter is told when the incident closes
     * ({@code reporters_to_tell}; $1 the final ticket statuses), and the critical facilities affected
     * ({@code critical_facility_count}): those of its district (the customers the follow-ups call proactively when it
     * opens; none without a district) and those among its reporters not counted with the district. Set-based, so a board of hundreds of incidents reads their
     * reports and the critical facilities once each (see docs/benchmarks.md).
     */
    private static String summary(String listed) {
        return """
                WITH listed AS (%s),
                reports AS (SELECT r.incident_id, t.status, t.customer_id
                            FROM incident_reports r JOIN ticket_facts t ON t.id = r.ticket_id
                            WHERE r.incident_id IN (SELECT id FROM listed)),
                critical AS (SELECT c.id, c.district FROM customers c WHERE c.critical_facility),
                of_district AS (SELECT district, count(*) AS n FROM critical WHERE district <> '' GROUP BY district),
                reporting AS (SELECT r.incident_id, count(DISTINCT c.id) AS n
                              FROM reports r JOIN critical c ON c.id = r.customer_id
                              JOIN listed l ON l.id = r.incident_id AND (c.district <> l.district OR l.district = '')
                              GROUP BY r.incident_id)
                SELECT l.*, coalesce(s.report_count, 0) AS report_count,
                       coalesce(s.reporters_to_tell, 0) AS reporters_to_tell,
                       coalesce(d.n, 0) + coalesce(e.n, 0) AS critical_facility_count
                FROM listed l
                LEFT JOIN (SELECT incident_id, count(*) AS report_count,
                                  count(*) FILTER (WHERE NOT status = ANY ($1)) AS reporters_to_tell
                           FROM reports GROUP BY incident_id) s ON s.incident_id = l.id
                LEFT JOIN of_district d ON d.district = l.district
                LEFT JOIN reporting e ON e.incident_id = l.id
                ORDER BY l.opened_at DESC, l.id DESC
                """.formatted(listed);
    }

    /**
     * Makes the transaction's prepared statements planned for their parameters at each execution: the list's cached
     * generic plan, not knowing how many incidents it lists, looks their reports up one by one (about twice the time
     * of the custom plan's join at 500 open incidents, docs/benchmarks.md). Planning takes about 2 ms.
     */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /** Incidents of status $2 (null: any) in district $3 (null: any), newest first, at most $4; $1 as in summary. */
    public static final String LIST = summary("""
            SELECT * FROM incidents i WHERE ($2::text IS NULL OR i.status = $2) AND ($3::text IS NULL OR i.district = $3)
            ORDER BY i.opened_at DESC, i.id DESC LIMIT $4""");

    /** Incident $2 with its summary; $1 as in summary. */
    public static final String BY_ID = summary("SELECT * FROM incidents i WHERE i.id = $2");

    /**
     * The critical facilities incident $1 in district $2 affects: those of the district (none without one) and those
     * among its reporters (whether each reported it), reporters first.
     */
    public static final String CRITICAL_FACILITIES = """
            WITH reporters AS (SELECT DISTINCT t.customer_id FROM incident_reports r JOIN ticket_facts t ON t.id = r.ticket_id
                               WHERE r.incident_id = $1 AND t.customer_id IS NOT NULL)
            SELECT c.id, c.name, c.critical_reason, c.district, c.id IN (SELECT customer_id FROM reporters) AS reported
            FROM customers c
            WHERE c.critical_facility AND (c.district = $2 AND $2 <> '' OR c.id IN (SELECT customer_id FROM reporters))
            ORDER BY reported DESC, c.name, c.id
            """;

    /** Open incidents of category $1 in district $2, with their report counts. */
    public static final String OPEN_AT_COUNTED = WITH_COUNT + "WHERE i.status = 'open' AND i.category = $1 AND i.district = $2";

    /** Open incidents of category $1 with their report counts, newest first, at most $2. */
    public static final String OPEN_OF_CATEGORY = WITH_COUNT + """
            WHERE i.status = 'open' AND i.category = $1 ORDER BY i.opened_at DESC, i.id DESC LIMIT $2
            """;

    /** Locks incidents $1 (an array) in id order, so two merges never deadlock. */
    public static final String LOCK = WITH_COUNT + "WHERE i.id = ANY ($1) ORDER BY i.id FOR UPDATE";

    /** The reports of incident $1 with who made them (the customer, when known), oldest ticket first. */
    public static final String REPORTS = """
            SELECT t.id, t.number, t.status, t.created_at, t.subject, t.location, t.caller_number, t.customer_id,
                   c.name AS customer_name, c.critical_facility
            FROM incident_reports r JOIN ticket_facts t ON t.id = r.ticket_id LEFT JOIN customers c ON c.id = t.customer_id
            WHERE r.incident_id = $1 ORDER BY t.id
            """;

    /** The incident that ticket $1 is a report of. */
    public static final String OF_TICKET = "SELECT incident_id FROM incident_reports WHERE ticket_id = $1";

    /** Records crew $2 and eta $3 on open incident $1. */
    public static final String DISPATCH = """
            UPDATE incidents SET crew_id = $2, eta = $3 WHERE id = $1 AND status = 'open'
            RETURNING *, (SELECT count(*) FROM incident_reports r WHERE r.incident_id = $1) AS report_count
            """;

    /**
     * Closes incident $1 with resolution $2 at $3; a closed one answers again (closing its remaining reports is
     * resumable), a merged one not at all. With $4, the number of reporters to tell the closer was shown, only an open
     * incident with exactly that many open reports ($5 the final ticket statuses) closes.
     */
    public static final String CLOSE = """
            UPDATE incidents SET status = 'closed', resolution = COALESCE(resolution, $2), closed_at = COALESCE(closed_at, $3)
            WHERE id = $1 AND status IN ('open', 'closed')
              AND ($4::bigint IS NULL OR status = 'open' AND $4 = (
                  SELECT count(*) FROM incident_reports r JOIN ticket_facts t ON t.id = r.ticket_id
                  WHERE r.incident_id = $1 AND NOT t.status = ANY ($5)))
            RETURNING *, (SELECT count(*) FROM incident_reports r WHERE r.incident_id = $1) AS report_count
            """;

    /** Moves every report of incident $1 to incident $2. */
    public static final String MOVE_ALL = "UPDATE incident_reports SET incident_id = $2 WHERE incident_id = $1";

    /** Moves reports $3 (an array of ticket ids) of incident $1 to incident $2. */
    public static final String MOVE_SOME = """
            UPDATE incident_reports SET incident_id = $2 WHERE incident_id = $1 AND ticket_id = ANY ($3)
            """;

    /** Marks incident $1 merged into $2 at $3, and takes its latest report time over to $2. */
    public static final String MERGED = """
            WITH source AS (UPDATE incidents SET status = 'merged', merged_into = $2, closed_at = $3 WHERE id = $1
                            RETURNING last_report_at)
            UPDATE incidents SET last_report_at = greatest(incidents.last_report_at, source.last_report_at)
            FROM source WHERE incidents.id = $2
            """;

}
