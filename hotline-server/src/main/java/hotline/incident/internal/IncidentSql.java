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

    /** Incidents of status $1 (null: any) in district $2 (null: any), newest first. */
    public static final String LIST = WITH_COUNT + """
            WHERE ($1::text IS NULL OR i.status = $1) AND ($2::text IS NULL OR i.district = $2)
            ORDER BY i.opened_at DESC, i.id DESC
            LIMIT 200
            """;

    public static final String BY_ID = WITH_COUNT + "WHERE i.id = $1";

    /** Open incidents of category $1 in district $2, with their report counts. */
    public static final String OPEN_AT_COUNTED = WITH_COUNT + "WHERE i.status = 'open' AND i.category = $1 AND i.district = $2";

    /** Locks incidents $1 (an array) in id order, so two merges never deadlock. */
    public static final String LOCK = WITH_COUNT + "WHERE i.id = ANY ($1) ORDER BY i.id FOR UPDATE";

    /** The reports of incident $1, oldest ticket first. */
    public static final String REPORTS = """
            SELECT t.id, t.number, t.status, t.created_at FROM incident_reports r JOIN ticket_facts t ON t.id = r.ticket_id
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
     * resumable), a merged one not at all.
     */
    public static final String CLOSE = """
            UPDATE incidents SET status = 'closed', resolution = COALESCE(resolution, $2), closed_at = COALESCE(closed_at, $3)
            WHERE id = $1 AND status IN ('open', 'closed')
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

    /** Queues a notification ($3 payload) for ticket $1 from its event $2 at $4. */
    public static final String NOTIFY = """
            INSERT INTO outbox (topic, aggregate_id, event_id, payload, created_at) VALUES ('notification', $1, $2, $3, $4)
            """;
}
