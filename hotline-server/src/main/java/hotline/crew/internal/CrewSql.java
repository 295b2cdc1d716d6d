package hotline.crew.internal;

/** Every SQL statement of the crew capability ({@code $n} parameters only). */
public final class CrewSql {

    private CrewSql() {
    }

    /** Every crew with its open jobs (tickets dispatched or on site, open incidents), by name. */
    public static final String LIST = """
            SELECT c.*,
                   ARRAY(SELECT t.id FROM ticket_facts t
                         WHERE t.type = 'repair' AND t.status IN ('dispatched', 'on_site')
                           AND t.details -> 'dispatch' ->> 'crewId' = c.id::text ORDER BY t.id) AS open_tickets,
                   ARRAY(SELECT i.id FROM incidents i WHERE i.crew_id = c.id AND i.status = 'open' ORDER BY i.id)
                       AS open_incidents
            FROM crews c ORDER BY c.name
            """;

    /** Creates a crew: $1 name, $2 district, $3 phone, $4 on duty, $5 now; no row when the name is taken. */
    public static final String CREATE = """
            INSERT INTO crews (name, district, phone, on_duty, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO NOTHING
            RETURNING *, ARRAY[]::bigint[] AS open_tickets, ARRAY[]::bigint[] AS open_incidents
            """;

    /** Whether crew $1 exists and is on duty. */
    public static final String ON_DUTY = "SELECT on_duty FROM crews WHERE id = $1";
}
