package hotline.relationship.internal;

/**
 * The SQL of the customer archive and its segments; {@code $n} parameters only. Every statement starts with the
 * archive's filter, $1..$15 ({@code ArchiveFilter.params}): a part not given is null, and the planner drops its
 * condition when it plans for the values at hand (the statements run with custom plans, {@link #CUSTOM_PLANS}).
 */
public final class ArchiveSql {

    private ArchiveSql() {
    }

    /** Plans each statement for its parameters: a generic plan would keep every "$n IS NULL OR" branch. */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /**
     * The filtered customers, with their last contact (the latest ticket or call, each through its per-customer
     * index) as {@code lc.at} for the contact filters.
     */
    private static final String FROM = """
            FROM customers c
            LEFT JOIN LATERAL (
                SELECT GREATEST((SELECT max(t.created_at) FROM ticket_facts t WHERE t.customer_id = c.id),
                                (SELECT max(k.started_at) FROM calls k WHERE k.customer_id = c.id)) AS at
            ) lc ON true
            WHERE ($1::text IS NULL OR lower(c.name) LIKE $1)
              AND ($2::text IS NULL OR lower(c.address) LIKE $2)
              AND ($3::text IS NULL OR c.id IN (SELECT p.customer_id FROM customer_phones p WHERE p.phone LIKE $3))
              AND ($4::text IS NULL OR c.account_number LIKE $4)
              AND ($5::text IS NULL OR c.district = $5)
              AND ($6::text IS NULL OR c.tier = $6)
              AND ($7::text IS NULL OR c.water_use = $7)
              AND ($8::text IS NULL OR c.kind = $8)
              AND ($9::text IS NULL OR c.critical_reason = $9)
              AND ($10::timestamptz IS NULL OR c.created_at >= $10) AND ($11::timestamptz IS NULL OR c.created_at < $11)
              AND ($12::timestamptz IS NULL OR c.updated_at >= $12) AND ($13::timestamptz IS NULL OR c.updated_at < $13)
              AND ($14::timestamptz IS NULL OR lc.at >= $14) AND ($15::timestamptz IS NULL OR lc.at < $15)
            """;

    /**
     * One page in name order: $16 rows after $17. The page's ids are found first (the last contact is computed there
     * only when a contact filter asks for it); the last contact and the phones are then read for those rows alone, not
     * for every row an offset skips.
     */
    public static final String PAGE = """
            SELECT c.id, c.account_number, c.name, c.address, c.district, c.water_use, c.kind, c.tier,
                   c.critical_reason, c.created_at, c.updated_at,
                   GREATEST((SELECT max(t.created_at) FROM ticket_facts t WHERE t.customer_id = c.id),
                            (SELECT max(k.started_at) FROM calls k WHERE k.customer_id = c.id)) AS last_contact_at,
                   ARRAY(SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position) AS phones
            FROM (SELECT c.id, c.name
            """ + FROM + """
                  ORDER BY c.name, c.id
                  LIMIT $16 OFFSET $17) page
            JOIN customers c ON c.id = page.id
            ORDER BY page.name, page.id
            """;

    public static final String COUNT = "SELECT count(*) " + FROM;

    /**
     * The filtered customers counted by each segment dimension at once: {@code dim} names it ('' is the total) and
     * {@code key} its value.
     */
    public static final String SEGMENT_COUNTS = """
            SELECT CASE WHEN GROUPING(c.district) = 0 THEN 'district' WHEN GROUPING(c.water_use) = 0 THEN 'waterUse'
                        WHEN GROUPING(c.kind) = 0 THEN 'kind' WHEN GROUPING(c.tier) = 0 THEN 'tier'
                        WHEN GROUPING(c.critical_reason) = 0 THEN 'critical' ELSE '' END AS dim,
                   COALESCE(c.district, c.water_use, c.kind, c.tier, c.critical_reason, '') AS key, count(*) AS customers
            """ + FROM + """
            GROUP BY GROUPING SETS ((c.district), (c.water_use), (c.kind), (c.tier), (c.critical_reason), ())
            ORDER BY 1, 3 DESC, 2
            """;

    public static final String SEGMENTS = "SELECT id, name, filter, created_by, created_at FROM customer_segments ORDER BY name";

    public static final String SEGMENT = "SELECT id, name, filter, created_by, created_at FROM customer_segments WHERE id = $1";

    public static final String INSERT_SEGMENT = """
            INSERT INTO customer_segments (name, filter, created_by, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO NOTHING
            RETURNING id, name, filter, created_by, created_at""";

    public static final String DELETE_SEGMENT = "DELETE FROM customer_segments WHERE id = $1";
}
