package hotline.telephony.callback;

/** The SQL of callbacks ({@code callbacks} table, V23); prepared statements with {@code $n} parameters. */
final class CallbackSql {

    private CallbackSql() {
    }

    private static final String COLUMNS = "id, call_uniqueid, customer_id, caller_number, ticket_number, priority, "
            + "requested_at, due_at, status, attempts, agent_interface";

    /** $1 uniqueid, $2 customer, $3 number, $4 ticket, $5 priority, $6 now, $7 due. A repeated call books nothing twice. */
    static final String REQUEST = """
            INSERT INTO callbacks (call_uniqueid, customer_id, caller_number, ticket_number, priority, requested_at,
                                   due_at, status, next_attempt_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $6, $6)
            ON CONFLICT (call_uniqueid) DO UPDATE SET updated_at = callbacks.updated_at
            RETURNING\s""" + COLUMNS;

    /** $1 status (null: all), $2 limit; the dialler's order. */
    static final String LIST = "SELECT " + COLUMNS + " FROM callbacks WHERE ($1::text IS NULL OR status = $1) "
            + "ORDER BY priority DESC, requested_at, id LIMIT $2";

    /**
     * $1 agent interface, $2 now. Claims the first pending callback whose retry time has come; SKIP LOCKED lets another
     * instance claim the next one instead of waiting, and the status condition makes a claim happen once.
     */
    static final String CLAIM_NEXT = """
            UPDATE callbacks SET status = 'dialling', attempts = attempts + 1, agent_interface = $1, updated_at = $2
            WHERE id = (SELECT id FROM callbacks WHERE status = 'requested' AND next_attempt_at <= $2
                        ORDER BY priority DESC, requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
              AND status = 'requested'
            RETURNING\s""" + COLUMNS;

    /** $1 id, $2 now. */
    static final String CONNECTED = "UPDATE callbacks SET status = 'connected', updated_at = $2 "
            + "WHERE id = $1 AND status = 'dialling' RETURNING " + COLUMNS;

    /** $1 id, $2 now, $3 max attempts, $4 next attempt at: back to requested while attempts remain, else failed. */
    static final String ATTEMPT_FAILED = """
            UPDATE callbacks SET status = CASE WHEN attempts < $3 THEN 'requested' ELSE 'failed' END,
                                 next_attempt_at = $4, agent_interface = NULL, updated_at = $2
            WHERE id = $1 AND status = 'dialling'
            RETURNING\s""" + COLUMNS;

    /** $1 now: callbacks still to make (requested or being dialled) and those of them past their due time. */
    static final String SUMMARY = """
            SELECT count(*)::int AS pending, count(*) FILTER (WHERE due_at < $1)::int AS overdue
            FROM callbacks WHERE status IN ('requested', 'dialling')""";
}
