package hotline.notify.internal;

/** The notify capability's SQL: notices coming due, their deliveries, contact preferences. */
public final class NotifySql {

    private NotifySql() {
    }

    /**
     * Marks up to $2 notices due at $1 (created at or before it) as planned, skipping those another worker holds, and
     * answers each with its customer's contact preferences (nulls when none) and phones in order.
     */
    public static final String PLAN_DUE = """
            WITH picked AS (
                UPDATE notices SET planned_at = $1
                WHERE id IN (SELECT id FROM notices WHERE planned_at IS NULL AND created_at <= $1
                             ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, customer_id, phone, created_at)
            SELECT p.id, p.kind, p.customer_id, p.phone, p.created_at, c.email, c.language, c.sms_opt_out,
                   c.email_opt_out,
                   ARRAY(SELECT ph.phone FROM customer_phones ph WHERE ph.customer_id = p.customer_id
                         ORDER BY ph.position) AS phones
            FROM picked p LEFT JOIN notify_contacts c ON c.customer_id = p.customer_id
            """;

    /** Stores planned deliveries (arrays $1..$7, one element each) at $8. */
    public static final String INSERT_DELIVERIES = """
            INSERT INTO notice_deliveries (notice_id, channel, address, language, status, last_error, next_attempt_at,
                                           updated_at)
            SELECT notice_id, channel, address, language, status, last_error, next_attempt_at, $8
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
                 AS d (notice_id, channel, address, language, status, last_error, next_attempt_at)
            ON CONFLICT (notice_id, channel) DO NOTHING
            """;

    /**
     * Claims up to $4 queued deliveries due at $1 for claimer $3 until $2 (the lease: their next attempt moves there,
     * so other workers pass them by), counting the attempt; answers each with its notice's kind and variables.
     */
    public static final String CLAIM = """
            UPDATE notice_deliveries d SET claimed_by = $3, next_attempt_at = $2, attempts = d.attempts + 1,
                                           updated_at = $1
            FROM notices n
            WHERE n.id = d.notice_id
              AND d.id IN (SELECT id FROM notice_deliveries WHERE status = 'queued' AND next_attempt_at <= $1
                           ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.channel, d.address, d.language, d.attempts, n.kind, n.variables
            """;

    /** Delivery $1 was sent at $2, recorded only while claimer $3 holds it. */
    public static final String SENT = """
            UPDATE notice_deliveries SET status = 'sent', sent_at = $2, updated_at = $2, claimed_by = NULL,
                                         next_attempt_at = NULL, last_error = NULL
            WHERE id = $1 AND claimed_by = $3
            """;

    /** Delivery $1 failed at $4 with $3 and is tried again at $2, recorded only while claimer $5 holds it. */
    public static final String RETRY = """
            UPDATE notice_deliveries SET next_attempt_at = $2, last_error = $3, updated_at = $4, claimed_by = NULL
            WHERE id = $1 AND claimed_by = $5
            """;

    /** Delivery $1 ends with status $2 ('failed' or 'given_up') and reason $3 at $4, while claimer $5 holds it. */
    public static final String SETTLE = """
            UPDATE notice_deliveries SET status = $2, last_error = $3, updated_at = $4, claimed_by = NULL,
                                         next_attempt_at = NULL
            WHERE id = $1 AND claimed_by = $5
            """;

    private static final String NOTICES_WITH_DELIVERIES = """
            SELECT n.id AS notice_id, n.kind, n.ticket_id, t.number, n.created_at, n.planned_at, d.channel, d.address,
                   d.status, d.attempts, d.next_attempt_at, d.last_error, d.sent_at, d.claimed_by
            FROM notices n
            LEFT JOIN notice_deliveries d ON d.notice_id = n.id
            LEFT JOIN ticket_facts t ON t.id = n.ticket_id
            """;

    /** The newest $2 notices of customer $1 with their deliveries (one row per delivery; one without any). */
    public static final String OF_CUSTOMER = NOTICES_WITH_DELIVERIES + """
            WHERE n.id IN (SELECT id FROM notices WHERE customer_id = $1 ORDER BY id DESC LIMIT $2)
            ORDER BY n.id DESC, d.channel
            """;

    /** The notices about ticket $1 with their deliveries, oldest first, at most $2 notices. */
    public static final String OF_TICKET = NOTICES_WITH_DELIVERIES + """
            WHERE n.id IN (SELECT id FROM notices WHERE ticket_id = $1 ORDER BY id LIMIT $2)
            ORDER BY n.id, d.channel
            """;

    public static final String CUSTOMER_EXISTS = "SELECT 1 FROM customers WHERE id = $1";

    public static final String CONTACT = "SELECT * FROM notify_contacts WHERE customer_id = $1";

    /** Stores customer $1's preferences: $2 e-mail, $3 language, $4 SMS opt-out, $5 e-mail opt-out, by $6 at $7. */
    public static final String SAVE_CONTACT = """
            INSERT INTO notify_contacts (customer_id, email, language, sms_opt_out, email_opt_out, updated_by, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (customer_id) DO UPDATE SET email = $2, language = $3, sms_opt_out = $4, email_opt_out = $5,
                                                    updated_by = $6, updated_at = $7
            RETURNING *
            """;
}
