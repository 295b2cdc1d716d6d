package hotline.search.internal;

/**
 * The SQL of the search capability: reading the ticket outbox after a cursor, and tickets with their events and
 * customer as index documents. {@code $n} parameters only.
 */
public final class SearchSql {

    /** Ticket rows with everything the index holds; events' data as one JSON array, oldest first. */
    private static final String DOCUMENTS = """
            SELECT t.id, t.number, t.type, t.status, t.channel, t.district, t.created_at, t.updated_at, t.closed_at,
                   t.subject, t.description, t.location, t.caller_number, t.details,
                   c.name AS customer_name, c.account_number, c.address, c.tier,
                   (SELECT coalesce(array_agg(p.phone ORDER BY p.position), '{}')
                      FROM customer_phones p WHERE p.customer_id = t.customer_id) AS phones,
                   (SELECT coalesce(jsonb_agg(e.data ORDER BY e.id), '[]'::jsonb)
                      FROM ticket_event_facts e WHERE e.ticket_id = t.id) AS events
              FROM ticket_facts t LEFT JOIN customers c ON c.id = t.customer_id
            """;

    /** Makes the transaction's prepared statements planned for their parameters at each execution. */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /** $1 ticket ids. */
    public static final String DOCUMENTS_BY_ID = DOCUMENTS + " WHERE t.id = ANY($1)";

    /** $1 after this ticket id, $2 at most this many: a page of every ticket, by id. */
    public static final String DOCUMENTS_AFTER = DOCUMENTS + " WHERE t.id > $1 ORDER BY t.id LIMIT $2";

    /** $1 topic, $2 after this outbox id, $3 at most this many rows. */
    public static final String OUTBOX_AFTER = """
            SELECT id, aggregate_id FROM outbox WHERE topic = $1 AND id > $2 ORDER BY id LIMIT $3""";

    /** $1 topic: the newest outbox id (0 when none). */
    public static final String OUTBOX_HEAD = "SELECT coalesce(max(id), 0) AS head FROM outbox WHERE topic = $1";

    private SearchSql() {
    }
}
