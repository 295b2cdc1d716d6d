package hotline.followup.internal;

/** Every SQL statement of the follow-up capability ({@code $n} parameters only). */
public final class FollowUpSql {

    private FollowUpSql() {
    }

    /** The tier and critical flag of customer $1 (a repair's return call may depend on them). */
    public static final String CUSTOMER = "SELECT tier, critical_facility FROM customers WHERE id = $1";

    /**
     * Plans a return call: $1 kind, $2 ticket, $3 customer, $4 ticket type, $5 district, $6 agent, $7 assignee,
     * $8 due, $9 now. Nothing when the ticket already has an open one of that kind.
     */
    public static final String PLAN = """
            INSERT INTO followups (kind, ticket_id, customer_id, ticket_type, district, agent, assignee, due_at,
                                   created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT DO NOTHING
            """;

    /** Proactive calls to every critical-facility customer of district $2 for incident $1, due $3, created $4. */
    public static final String PROACTIVE = """
            INSERT INTO followups (kind, incident_id, customer_id, district, due_at, created_at)
            SELECT 'proactive', $1, c.id, c.district, $3, $4 FROM customers c
            WHERE c.district = $2 AND c.critical_facility
            ON CONFLICT DO NOTHING
            """;

    /**
     * Proactive calls to every critical-facility customer of planned shut-off $1 (its customers as fixed in
     * {@code outage_customers}), due $2, created $3.
     */
    public static final String PROACTIVE_OUTAGE = """
            INSERT INTO followups (kind, outage_id, customer_id, district, due_at, created_at)
            SELECT 'proactive', $1, c.id, c.district, $2, $3
            FROM outage_customers oc JOIN customers c ON c.id = oc.customer_id
            WHERE oc.outage_id = $1 AND c.critical_facility
            ON CONFLICT DO NOTHING
            """;

    /** Cancels the open calls of shut-off $1 that is no longer coming: done $2 by $3, the comment $4 says why. */
    public static final String DROP_OUTAGE_CALLS = """
            UPDATE followups SET done_at = $2, done_by = $3, comment = $4, outcome = 'cancelled'
            WHERE outage_id = $1 AND done_at IS NULL
            """;

    /**
     * Records the outcome of ticket $1's open follow-up of kind $2: $3 done at, $4 by, then the answers: $5 outcome,
     * $6 satisfaction (the overall), $7 overall derived, $8 speed, $9 attitude, $10 result, $11 reasons, $12 reason
     * text, $13 comment. An unreachable outcome is one more failed attempt.
     */
    public static final String COMPLETE_FOR_TICKET = """
            UPDATE followups SET done_at = $3, done_by = $4, outcome = $5, satisfaction = $6, overall_derived = $7,
                   score_speed = $8, score_attitude = $9, score_result = $10, reasons = $11, reason_text = $12,
                   comment = $13,
                   attempts = attempts + CASE WHEN $5 = 'unreachable' THEN 1 ELSE 0 END,
                   last_attempt_at = CASE WHEN $5 = 'unreachable' THEN $3 ELSE last_attempt_at END
            WHERE ticket_id = $1 AND kind = $2 AND done_at IS NULL
            """;

    /** The same for follow-up $1 ($2..$12 as $3..$13 above) unless already recorded. */
    public static final String COMPLETE = """
            UPDATE followups SET done_at = $2, done_by = $3, outcome = $4, satisfaction = $5, overall_derived = $6,
                   score_speed = $7, score_attitude = $8, score_result = $9, reasons = $10, reason_text = $11,
                   comment = $12,
                   attempts = attempts + CASE WHEN $4 = 'unreachable' THEN 1 ELSE 0 END,
                   last_attempt_at = CASE WHEN $4 = 'unreachable' THEN $2 ELSE last_attempt_at END
            WHERE id = $1 AND done_at IS NULL
            RETURNING *
            """;

    /**
     * A failed attempt at open follow-up $1 that has made $2 attempts so far (else nothing: someone else recorded
     * one meanwhile): $3 now, $4 when it is due again, $5 comment.
     */
    public static final String FAILED_ATTEMPT = """
            UPDATE followups SET attempts = attempts + 1, last_attempt_at = $3, due_at = $4, comment = $5
            WHERE id = $1 AND attempts = $2 AND done_at IS NULL
            RETURNING *
            """;

    /** The open follow-up of ticket $1 of kind $2, if any. */
    public static final String OPEN_FOR_TICKET =
            "SELECT * FROM followups WHERE ticket_id = $1 AND kind = $2 AND done_at IS NULL";

    /** The latest $2 follow-ups of customer $1, done or not, newest due first. */
    public static final String OF_CUSTOMER = "SELECT * FROM followups WHERE customer_id = $1 ORDER BY due_at DESC, id DESC LIMIT $2";

    public static final String BY_ID = "SELECT * FROM followups WHERE id = $1";

    /** Open follow-ups due in [$1, $2) ($1 null: no lower bound), of assignee $3 (null: anyone), earliest first. */
    public static final String DUE = """
            SELECT * FROM followups
            WHERE done_at IS NULL AND ($1::timestamptz IS NULL OR due_at >= $1) AND due_at < $2
              AND ($3::text IS NULL OR assignee = $3)
            ORDER BY due_at, id
            LIMIT 500
            """;
}
