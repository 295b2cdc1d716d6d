package hotline.outage.internal;

/** Every SQL statement of the outage capability ({@code $n} parameters only). */
public final class OutageSql {

    private OutageSql() {
    }

    /** What an address must be LIKE to contain street {@code s}: case-insensitive, a typed % or _ taken as itself. */
    private static final String STREET_LIKE =
            "'%' || replace(replace(replace(lower(s), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'";

    /** The district codes of $1 that some customer has. */
    public static final String KNOWN_DISTRICTS = """
            SELECT d FROM unnest($1::text[]) d WHERE EXISTS (SELECT 1 FROM customers c WHERE c.district = d)
            """;

    /** The account numbers of $1 that exist. */
    public static final String KNOWN_ACCOUNTS = "SELECT account_number FROM customers WHERE account_number = ANY ($1)";

    /**
     * The street names of $1 that some customer's address contains (case-insensitive, a typed % or _ taken as itself;
     * the trigram index serves it).
     */
    public static final String KNOWN_STREETS = """
            SELECT s FROM unnest($1::text[]) s
            WHERE EXISTS (SELECT 1 FROM customers c WHERE lower(c.address) LIKE\s""" + STREET_LIKE + """
            )
            """;

    /**
     * A new shut-off: $1 area kind, $2 area, $3 reason, $4 start, $5 end, $6 emergency, $7 announce from, $8 remind at,
     * $9 next check, $10 by, $11 now.
     */
    public static final String INSERT = """
            INSERT INTO outages (area_kind, area, reason, starts_at, ends_at, planned_end_at, emergency, announce_from,
                                 remind_at, next_check_at, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11)
            RETURNING *
            """;

    /** Fixes the customers of outage $1 (area kind $2, area $3) and answers how many there are. */
    public static final String AFFECT = """
            WITH affected AS (
                INSERT INTO outage_customers (outage_id, customer_id)
                SELECT $1, c.id FROM customers c
                WHERE ($2 = 'districts' AND c.district = ANY ($3))
                   OR ($2 = 'accounts' AND c.account_number = ANY ($3))
                   OR ($2 = 'streets' AND lower(c.address) LIKE ANY (SELECT\s""" + STREET_LIKE + """
                                                                      FROM unnest($3::text[]) s))
                RETURNING 1)
            SELECT count(*) AS n FROM affected
            """;

    /** The customers of outage $4, for {@code Notices.queueForCustomers}. */
    public static final String CUSTOMERS = "SELECT customer_id AS id FROM outage_customers WHERE outage_id = $4";

    /** Records outage $1's $2 customers and $3 notices queued. */
    public static final String COUNTED = "UPDATE outages SET customers = $2, notified = $3 WHERE id = $1 RETURNING *";

    public static final String BY_ID = "SELECT * FROM outages WHERE id = $1";

    public static final String LOCK = "SELECT * FROM outages WHERE id = $1 FOR UPDATE";

    /** Scheduled ones first, soonest start first, then the others latest start first; $1 status (null: any). */
    public static final String LIST = """
            SELECT * FROM outages WHERE $1::text IS NULL OR status = $1
            ORDER BY status <> 'scheduled', CASE WHEN status = 'scheduled' THEN starts_at END, starts_at DESC, id DESC
            LIMIT 200
            """;

    /** The scheduled shut-off affecting customer $1 announced at $2 (in its notice window or started), soonest first. */
    public static final String FOR_CUSTOMER = """
            SELECT o.* FROM outage_customers oc JOIN outages o ON o.id = oc.outage_id
            WHERE oc.customer_id = $1 AND o.status = 'scheduled' AND o.announce_from <= $2
            ORDER BY o.starts_at, o.id
            LIMIT 1
            """;

    /** A new end $2 for outage $1 with one more extension; the next check $3. */
    public static final String EXTEND = """
            UPDATE outages SET ends_at = $2, extensions = extensions + 1, next_check_at = $3 WHERE id = $1 RETURNING *
            """;

    /** Ends outage $1 with status $2 by $3 at $4, $5 restored notices; nothing more to check. */
    public static final String END = """
            UPDATE outages SET status = $2, ended_by = $3, ended_at = $4, restored = $5, remind_at = NULL,
                               next_check_at = NULL
            WHERE id = $1 RETURNING *
            """;

    /**
     * Claims one shut-off with something due at $1 for this transaction: the row stays locked until the work on it
     * commits, and other instances skip it.
     */
    public static final String CLAIM = """
            SELECT * FROM outages WHERE next_check_at <= $1 AND status = 'scheduled'
            ORDER BY next_check_at LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;

    /**
     * What the scheduler did to outage $1: reminder still due $2, $3 reminded, the end told passed $4, $5 extensions;
     * it looks again at $6.
     */
    public static final String CHECKED = """
            UPDATE outages SET remind_at = $2, reminded = $3, overrun_told_at = $4, extensions = $5, next_check_at = $6
            WHERE id = $1
            """;

    /** The proactive call tasks of outage $1, the customer's name with each, open ones first. */
    public static final String CALLS = """
            SELECT f.*, c.name AS customer_name, c.critical_reason FROM followups f JOIN customers c ON c.id = f.customer_id
            WHERE f.outage_id = $1
            ORDER BY f.done_at IS NOT NULL, c.name, f.id
            """;
}
