package hotline.telephony.switchboard.internal;

/**
 * The SQL of the switchboard: call records and their wrap-up ({@code $n} parameters only). Tickets and users are read
 * through their services, not here; calls name tickets by id.
 */
final class SwitchboardSql {

    private SwitchboardSql() {
    }

    /** A call seen again (after a resync) keeps its first row; the customer link only names an existing customer. */
    static final String INSERT_CALL = """
            INSERT INTO calls (uniqueid, caller_number, called_number, started_at, answered_at, ended_at, ivr_path, queue,
                               wait_seconds, talk_seconds, agent_interface, agent_user_id, disposition, recording,
                               customer_id, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                    (SELECT id FROM customers WHERE id = $15), $16)
            ON CONFLICT (uniqueid) DO NOTHING""";

    /** Links the call with uniqueid {@code $1} to the ticket with id {@code $2}. */
    static final String LINK_TICKET = """
            INSERT INTO call_tickets (call_id, ticket_id)
            SELECT c.id, $2 FROM calls c WHERE c.uniqueid = $1
            ON CONFLICT DO NOTHING""";

    private static final String SELECT_CALLS = """
            SELECT c.uniqueid, c.caller_number, c.called_number, c.started_at, c.answered_at, c.ended_at, c.ivr_path,
                   c.queue, c.wait_seconds, c.talk_seconds, c.agent_interface, c.disposition, c.recording, c.customer_id,
                   c.wrap_up_code, (SELECT s.score FROM call_satisfaction s WHERE s.uniqueid = c.uniqueid) AS satisfaction,
                   COALESCE((SELECT array_agg(ct.ticket_id) FROM call_tickets ct WHERE ct.call_id = c.id), '{}')
                       AS ticket_ids
            FROM calls c""";

    static final String CALLS_OF_CUSTOMER = SELECT_CALLS + " WHERE c.customer_id = $1 ORDER BY c.started_at DESC LIMIT $2";

    static final String CALLS_OF_TICKET = SELECT_CALLS
            + " WHERE c.id IN (SELECT call_id FROM call_tickets WHERE ticket_id = $1) ORDER BY c.started_at DESC LIMIT $2";

    static final String RECENT_CALLS = SELECT_CALLS + " ORDER BY c.started_at DESC LIMIT $1";

    /** Answered calls still without their wrap-up, for the supervisor's board. */
    static final String UNWRAPPED_CALLS = SELECT_CALLS
            + " WHERE c.disposition = 'answered' AND c.wrap_up_code IS NULL ORDER BY c.ended_at DESC LIMIT $1";

    static final String WRAP_UP = """
            UPDATE calls SET wrap_up_code = $2, wrap_up_note = $3, wrapped_up_at = $4, wrapped_up_by = $5
            WHERE uniqueid = $1 AND disposition = 'answered'
            RETURNING id""";

    /** The call an inquiry is opened from; null wrap-up left to fill. */
    static final String CALL_FOR_TICKET = """
            SELECT id, customer_id, caller_number, disposition FROM calls WHERE uniqueid = $1""";

    static final String RECORDING_OF_CALL = "SELECT recording FROM calls WHERE uniqueid = $1";

    static final String LINK_TICKET_ID = """
            INSERT INTO call_tickets (call_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""";

    static final String WRAP_UP_IF_MISSING = """
            UPDATE calls SET wrap_up_code = $2, wrapped_up_at = $3, wrapped_up_by = $4
            WHERE id = $1 AND disposition = 'answered' AND wrap_up_code IS NULL""";
}
