package hotline.telephony.internal;

/** The SQL of telephony ({@code $n} parameters only). */
final class TelephonySql {

    private TelephonySql() {
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
                   COALESCE((SELECT array_agg(t.number ORDER BY t.number) FROM call_tickets ct JOIN tickets t ON t.id = ct.ticket_id
                             WHERE ct.call_id = c.id), '{}') AS ticket_numbers
            FROM calls c""";

    static final String CALLS_OF_CUSTOMER = SELECT_CALLS + " WHERE c.customer_id = $1 ORDER BY c.started_at DESC LIMIT $2";

    static final String CALLS_OF_TICKET = SELECT_CALLS
            + " WHERE c.id IN (SELECT call_id FROM call_tickets WHERE ticket_id = $1) ORDER BY c.started_at DESC LIMIT $2";

    static final String RECENT_CALLS = SELECT_CALLS + " ORDER BY c.started_at DESC LIMIT $1";

    static final String TICKET_STATUS_BY_NUMBER = "SELECT status FROM tickets WHERE number = $1";

    static final String PHONE_OF_USER = "SELECT phone_interface FROM users WHERE id = $1";
}
