package hotline.search.internal;

/**
 * The SQL of the search capability: reading the outbox by commit order, the instances' positions and the pruning of
 * what all have applied, and tickets with their events and customer as index documents. {@code $n} parameters only.
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

    /** How many tickets a rebuild copies (counted at its start, for its progress). */
    public static final String COUNT_TICKETS = "SELECT count(*) FROM ticket_facts";

    /** Makes the transaction's prepared statements planned for their parameters at each execution. */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /** $1 ticket ids, $2 customer ids: those tickets and every ticket of those customers. */
    public static final String DOCUMENTS_OF = DOCUMENTS + " WHERE t.id = ANY($1) OR t.customer_id = ANY($2)";

    /** $1 after this ticket id, $2 at most this many: a page of every ticket, by id. */
    public static final String DOCUMENTS_AFTER = DOCUMENTS + " WHERE t.id > $1 ORDER BY t.id LIMIT $2";

    /**
     * A page of the outbox rows of topics $1 (text[]) written by transactions that had finished by snapshot
     * {@code upto} but not yet by the position $2 (pg_snapshot text), after ($4 xid text, $5 id), at most $6, in
     * (xid, id) order. {@code upto} is $3 when given (the first page's), else this statement's own snapshot, and is
     * answered on every row (a single row of nulls besides when there are none). {@code behind}: rows the position
     * still needs may have been pruned.
     */
    public static final String OUTBOX_PAGE = """
            WITH bound AS (
                SELECT coalesce($3::text::pg_snapshot, pg_current_snapshot()) AS upto,
                       (SELECT below FROM outbox_pruned) > pg_snapshot_xmin($2::text::pg_snapshot) AS behind
            )
            SELECT bound.upto::text AS upto, bound.behind, o.xid::text AS xid, o.id, o.topic, o.aggregate_id
            FROM bound LEFT JOIN LATERAL (
                SELECT xid, id, topic, aggregate_id FROM outbox
                WHERE xid >= pg_snapshot_xmin($2::text::pg_snapshot) AND xid < pg_snapshot_xmax(bound.upto)
                  AND (xid, id) > ($4::text::xid8, $5::bigint)
                  AND NOT pg_visible_in_snapshot(xid, $2::text::pg_snapshot) AND pg_visible_in_snapshot(xid, bound.upto)
                  AND topic = ANY($1::text[])
                ORDER BY xid, id LIMIT $6
            ) o ON true
            ORDER BY o.xid, o.id""";

    /** $1 topics, $2 position, $3 cap: how many committed outbox rows the position has not seen, counted up to $3. */
    public static final String OUTBOX_PENDING = """
            SELECT count(*) AS pending FROM (
                SELECT 1 FROM outbox
                WHERE xid >= pg_snapshot_xmin($2::text::pg_snapshot)
                  AND NOT pg_visible_in_snapshot(xid, $2::text::pg_snapshot)
                  AND topic = ANY($1::text[])
                LIMIT $3) unseen""";

    /**
     * $1 instance id: the snapshot a rebuild starts from, registered in the same statement as that instance's
     * position unless it has one (older, so it protects more of the outbox from pruning).
     */
    public static final String REBUILD_START = """
            INSERT INTO search_feeds (instance_id, position, heartbeat) VALUES ($1, pg_current_snapshot(), now())
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat = now()
            RETURNING pg_current_snapshot()::text AS start""";

    /** $1 instance id, $2 the position its index has durably applied. */
    public static final String HEARTBEAT = """
            INSERT INTO search_feeds (instance_id, position, heartbeat) VALUES ($1, $2::text::pg_snapshot, now())
            ON CONFLICT (instance_id) DO UPDATE SET position = EXCLUDED.position, heartbeat = now()""";

    /**
     * $1 seconds of silence after which an instance counts as gone: drops those instances and raises the pruning
     * horizon to the oldest position of the others. Answers {@code expired}, the instances dropped.
     */
    public static final String RAISE_HORIZON = """
            WITH expired AS (
                DELETE FROM search_feeds WHERE heartbeat < now() - make_interval(secs => $1::int) RETURNING instance_id
            ), live AS (
                SELECT min(pg_snapshot_xmin(position)) AS horizon FROM search_feeds
                WHERE heartbeat >= now() - make_interval(secs => $1::int)
            )
            UPDATE outbox_pruned SET below = greatest(below, (SELECT horizon FROM live))
            RETURNING (SELECT array_agg(instance_id) FROM expired) AS expired""";

    /** $1 topics, $2 at most this many: deletes outbox rows below the pruning horizon. */
    public static final String PRUNE = """
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE xid < (SELECT below FROM outbox_pruned) AND topic = ANY($1::text[])
                LIMIT $2)""";

    private SearchSql() {
    }
}
