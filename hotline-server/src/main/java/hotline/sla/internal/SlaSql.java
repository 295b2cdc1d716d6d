package hotline.sla.internal;

/** Every SQL statement of the SLA capability ({@code $n} parameters only). */
public final class SlaSql {

    private SlaSql() {
    }

    /** The tier and critical-facility flag of customer $1. */
    public static final String CUSTOMER = "SELECT tier, critical_facility FROM customers WHERE id = $1";

    /** The SLA row of ticket $1. */
    public static final String BY_TICKET = "SELECT * FROM ticket_sla WHERE ticket_id = $1";

    public static final String BY_TICKETS = "SELECT * FROM ticket_sla WHERE ticket_id = ANY($1)";

    /**
     * Writes the due times and state of ticket $1 (insert or update). $2 rule, $3 tier, $4 critical, $5..$8 due and
     * warn instants, $9 follow-up delay s, $10 escalate-every s, $11 warning, $12 responded, $13 resolved, $14 level,
     * $15 next check (ignored when the row is suspended), $16 now; for the board $17 type, $18 district, $19 owner,
     * $20 the earliest target not yet met, $21 its warning threshold (ignored when suspended), $22 its due time.
     */
    public static final String UPSERT = """
            INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                                    first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s,
                                    warning, responded, resolved, level, next_check_at, updated_at,
                                    ticket_type, district, owner, risk_deadline, risk_at, due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
            ON CONFLICT (ticket_id) DO UPDATE SET
                rule = EXCLUDED.rule, tier = EXCLUDED.tier, critical_facility = EXCLUDED.critical_facility,
                first_response_due = EXCLUDED.first_response_due, resolution_due = EXCLUDED.resolution_due,
                first_response_warn_at = EXCLUDED.first_response_warn_at,
                resolution_warn_at = EXCLUDED.resolution_warn_at, follow_up_delay_s = EXCLUDED.follow_up_delay_s,
                escalate_every_s = EXCLUDED.escalate_every_s, warning = EXCLUDED.warning,
                responded = EXCLUDED.responded, resolved = EXCLUDED.resolved, level = EXCLUDED.level,
                next_check_at = CASE WHEN ticket_sla.suspended THEN NULL ELSE EXCLUDED.next_check_at END,
                updated_at = EXCLUDED.updated_at, ticket_type = EXCLUDED.ticket_type, district = EXCLUDED.district,
                owner = EXCLUDED.owner, risk_deadline = EXCLUDED.risk_deadline,
                risk_at = CASE WHEN ticket_sla.suspended THEN NULL ELSE EXCLUDED.risk_at END, due_at = EXCLUDED.due_at
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
                   COALESCE(t.details -> 'escalation' ->> 'level', 'agent') AS escalation_level,
                   t.district AS ticket_district, t.details AS ticket_details, s.*
            FROM ticket_facts t JOIN ticket_sla s ON s.ticket_id = t.id
            WHERE t.customer_id = $1 AND t.closed_at IS NULL
            ORDER BY t.id
            """;

    /** Stops the escalation of ticket $1 (its incident carries it) and takes it off the board. */
    public static final String SUSPEND = """
            UPDATE ticket_sla SET suspended = TRUE, next_check_at = NULL, risk_at = NULL WHERE ticket_id = $1
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

    /**
     * Records the warning about deadline $2 (due at $6) of ticket $1 by claimer $4, sets the next check $3, releases
     * the claim, and in the same statement puts the warning in the inbox of $5 (the holder of the ticket's level on
     * duty; null: nobody, no inbox row) at $7. Answers the ticket's id and number; no row when this claimer no longer
     * holds the claim or the deadline was warned about already, and then nothing is written.
     */
    public static final String WARN = """
            WITH warned AS (
                UPDATE ticket_sla SET warned = array_append(warned, $2), next_check_at = $3, claimed_until = NULL,
                                      claimed_by = NULL
                WHERE ticket_id = $1 AND claimed_by = $4 AND NOT ($2 = ANY (warned))
                RETURNING ticket_id, level
            ), noted AS (
                INSERT INTO sla_inbox (addressee, ticket_id, kind, deadline, level, due_at, created_at)
                SELECT $5, ticket_id, 'warning', $2, level, $6, $7 FROM warned WHERE $5::text IS NOT NULL
                ON CONFLICT (ticket_id, deadline) WHERE kind = 'warning' DO NOTHING
            )
            SELECT w.ticket_id, t.number FROM warned w JOIN ticket_facts t ON t.id = w.ticket_id
            """;

    /** Sets the next check $2 of ticket $1 and releases claimer $3's claim. */
    public static final String RELEASE = """
            UPDATE ticket_sla SET next_check_at = $2, claimed_until = NULL, claimed_by = NULL
            WHERE ticket_id = $1 AND claimed_by = $3
            """;

    /**
     * Puts escalation event $7 of ticket $2 in the inbox of $1 (the new level's holder), inside the escalating
     * transaction: $3 the breached deadline (null for an escalation by hand), $4 the new level, $5 the deadline's due
     * time, $6 the reason, $8 the event's time.
     */
    public static final String NOTE_ESCALATION = """
            INSERT INTO sla_inbox (addressee, ticket_id, kind, deadline, level, due_at, reason, event_id, created_at)
            VALUES ($1, $2, 'escalation', $3, $4, $5, $6, $7, $8)
            """;

    private static final String INBOX_ITEM = """
            SELECT i.id, i.ticket_id, i.kind, i.deadline, i.level, i.due_at, i.reason, i.created_at,
                   i.acknowledged_at, i.acknowledged_by, t.number, t.subject
            FROM sla_inbox i JOIN ticket_facts t ON t.id = i.ticket_id
            """;

    /**
     * A page of the inbox of $1, newest first: $2 true only unread, false only read, null all; $3 limit, $4 offset.
     * One statement for the three: the index on (addressee, id) serves each, a user's inbox being small.
     */
    public static final String INBOX = INBOX_ITEM + """
            WHERE i.addressee = $1 AND ($2::boolean IS NULL OR (i.acknowledged_at IS NULL) = $2)
            ORDER BY i.id DESC
            LIMIT $3 OFFSET $4
            """;

    /** How many of {@link #INBOX}'s rows there are in all ($1, $2 as there). */
    public static final String INBOX_COUNT = """
            SELECT count(*) FROM sla_inbox
            WHERE addressee = $1 AND ($2::boolean IS NULL OR (acknowledged_at IS NULL) = $2)
            """;

    /** How many unread rows the inbox of $1 has. */
    public static final String INBOX_UNREAD = """
            SELECT count(*) FROM sla_inbox WHERE addressee = $1 AND acknowledged_at IS NULL
            """;

    /** Inbox row $1 of $2, if it is theirs. */
    public static final String INBOX_ROW = INBOX_ITEM + """
            WHERE i.id = $1 AND i.addressee = $2
            """;

    /** Acknowledges inbox row $1 of $2 at $3, unless it was acknowledged before (the first acknowledgement stays). */
    public static final String ACKNOWLEDGE = """
            UPDATE sla_inbox SET acknowledged_at = $3, acknowledged_by = $2
            WHERE id = $1 AND addressee = $2 AND acknowledged_at IS NULL
            """;

    /**
     * The districts of the tickets that have a target left, for the board's filter: one probe of the district index
     * (V33) per district, each for the next one after the last, instead of reading every ticket to find the few names.
     */
    public static final String BOARD_DISTRICTS = """
            WITH RECURSIVE d (district) AS (
                (SELECT district FROM ticket_sla WHERE risk_at IS NOT NULL AND district > '' ORDER BY district LIMIT 1)
                UNION ALL
                SELECT (SELECT s.district FROM ticket_sla s WHERE s.risk_at IS NOT NULL AND s.district > d.district
                        ORDER BY s.district LIMIT 1)
                FROM d WHERE d.district IS NOT NULL
            )
            SELECT district FROM d WHERE district IS NOT NULL
            """;
}
