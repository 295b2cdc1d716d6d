package hotline.telephony.switchboard.internal;

/** The SQL of the switchboard: call records and their wrap-up ({@code $n} parameters only). */
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

    /** Links a call to a ticket by their outside names; an unknown ticket number links nothing. */
    static final String LINK_TICKET = """
            INSERT INTO call_tickets (call_id, ticket_id)
            SELECT c.id, t.id FROM calls c, tickets t WHERE c.uniqueid = $1 AND t.number = $2
            ON CONFLICT DO NOTHING""";

    static final String AGENTS_BY_INTERFACE = """
            SELECT id, username, phone_interface FROM users WHERE phone_interface IS NOT NULL AND active""";

    private static final String SELECT_CALLS = """
            SELECT c.uniqueid, c.caller_number, c.called_number, c.started_at, c.answered_at, c.ended_at, c.ivr_path,
                   c.queue, c.wait_seconds, c.talk_seconds, c.agent_interface, c.disposition, c.recording, c.customer_id,
                   c.wrap_up_code, (SELECT s.score FROM call_satisfaction s WHERE s.uniqueid = c.uniqueid) AS satisfaction,
                   COALESCE((SELECT array_agg(t.number ORDER BY t.number) FROM call_tickets ct JOIN tickets t ON t.id = ct.ticket_id
                             WHERE ct.call_id = c.id), '{}') AS ticket_numbers
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

    /** Links like {@link #LINK_TICKET} and answers whether the ticket exists ({@code found} 1 or 0). */
    static final String LINK_TICKET_CHECKED = """
            WITH t AS (SELECT id FROM tickets WHERE number = $2),
                 linked AS (INSERT INTO call_tickets (call_id, ticket_id)
                            SELECT c.id, t.id FROM calls c, t WHERE c.uniqueid = $1 ON CONFLICT DO NOTHING)
            SELECT count(*) AS found FROM t""";

    static final String LINK_TICKET_ID = """
            INSERT INTO call_tickets (call_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""";

    static final String WRAP_UP_IF_MISSING = """
            UPDATE calls SET wrap_up_code = $2, wrapped_up_at = $3, wrapped_up_by = $4
            WHERE id = $1 AND disposition = 'answered' AND wrap_up_code IS NULL"""; 

    static final String PHONE_OF_USER = "SELECT phone_interface FROM users WHERE id = $1";
}
