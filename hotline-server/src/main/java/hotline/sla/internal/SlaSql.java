package hotline.sla.internal;

/** Every SQL statement of the SLA capability ({@code $n} parameters only). */
public final class SlaSql {

    private SlaSql() {
    }

    /** The tier and critical-facility flag of customer $1. */
    public static final String CUSTOMER = "SELECT tier, critical_facility FROM customers WHERE id = $1";

    /** The SLA row of ticket $1. */
    public static final String BY_TICKET = "SELECT * FROM ticket_sla WHERE ticket_id = $1";

    /**
     * Writes the due times and state of ticket $1 (insert or update). $2 rule, $3 tier, $4 critical, $5..$8 due and
     * warn instants, $9 follow-up delay s, $10 escalate-every s, $11 warning, $12 responded, $13 resolved, $14 level,
     * $15 next check (ignored when the row is suspended), $16 now.
     */
    public static final String UPSERT = """
            INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                                    first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s,
                                    warning, responded, resolved, level, next_check_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (ticket_id) DO UPDATE SET
                rule = EXCLUDED.rule, tier = EXCLUDED.tier, critical_facility = EXCLUDED.critical_facility,
                first_response_due = EXCLUDED.first_response_due, resolution_due = EXCLUDED.resolution_due,
                first_response_warn_at = EXCLUDED.first_response_warn_at,
                resolution_warn_at = EXCLUDED.resolution_warn_at, follow_up_delay_s = EXCLUDED.follow_up_delay_s,
                escalate_every_s = EXCLUDED.escalate_every_s, warning = EXCLUDED.warning,
                responded = EXCLUDED.responded, resolved = EXCLUDED.resolved, level = EXCLUDED.level,
                next_check_at = CASE WHEN ticket_sla.suspended THEN NULL ELSE EXCLUDED.next_check_at END,
                updated_at = EXCLUDED.updated_at
            """;

    /**
     * Records the breach of deadline $2 on ticket $1 and releases the claim; no row when that deadline was already
     * escalated (a second scheduler lost the race).
     */
    public static final String BREACH = """
            UPDATE ticket_sla SET breached = array_append(breached, $2), claimed_until = NULL, claimed_by = NULL
            WHERE ticket_id = $1 AND NOT ($2 = ANY (breached))
            RETURNING ticket_id
            """;

    /** The open tickets of customer $1 with their SLA rows (ticket columns first, then {@code ticket_sla}). */
    public static final String OPEN_OF_CUSTOMER = """
            SELECT t.id, t.type, t.status, t.priority, t.urgent, t.customer_id, t.created_at,
                   COALESCE(t.details -> 'escalation' ->> 'level', 'agent') AS escalation_level, s.*
            FROM ticket_facts t JOIN ticket_sla s ON s.ticket_id = t.id
            WHERE t.customer_id = $1 AND t.closed_at IS NULL
            ORDER BY t.id
            """;

    /** Stops the escalation of ticket $1 (its incident carries it). */
    public static final String SUSPEND = """
            UPDATE ticket_sla SET suspended = TRUE, next_check_at = NULL WHERE ticket_id = $1
            """;

    /**
     * Claims up to $4 rows due at $1 for scheduler $3 until $2. Rows locked by another scheduler's claim are skipped,
     * rows another scheduler claimed earlier are left alone until their lease ends.
     */
    public static final String CLAIM = """
            UPDATE ticket_sla s SET claimed_until = $2, claimed_by = $3
            WHERE s.ticket_id IN (
                SELECT ticket_id FROM ticket_sla
                WHERE next_check_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                ORDER BY next_check_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING s.*
            """;

    /** Records the warning about deadline $2 of ticket $1 by claimer $4, sets the next check $3, releases the claim. */
    public static final String WARN = """
            UPDATE ticket_sla SET warned = array_append(warned, $2), next_check_at = $3, claimed_until = NULL,
                                  claimed_by = NULL
            WHERE ticket_id = $1 AND claimed_by = $4 AND NOT ($2 = ANY (warned))
            RETURNING ticket_id
            """;

    /** Sets the next check $2 of ticket $1 and releases claimer $3's claim. */
    public static final String RELEASE = """
            UPDATE ticket_sla SET next_check_at = $2, claimed_until = NULL, claimed_by = NULL
            WHERE ticket_id = $1 AND claimed_by = $3
            """;
}
