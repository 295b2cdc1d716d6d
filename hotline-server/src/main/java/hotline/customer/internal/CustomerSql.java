package hotline.customer.internal;

/** Every SQL statement of the customer capability; {@code $n} parameters only. */
public final class CustomerSql {

    private CustomerSql() {
    }

    private static final String COLUMNS = "c.id, c.account_number, c.name, c.address, c.district, c.water_use, c.kind, "
            + "c.tier, c.tier_reason, c.critical_facility, c.critical_reason, c.monthly_consumption, c.notes, "
            + "c.version, c.created_at, c.updated_at, "
            + "ARRAY(SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position) AS phones";

    public static final String INSERT = """
            INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, tier_reason,
                                   critical_facility, critical_reason, monthly_consumption, notes, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
            RETURNING id""";

    /**
     * The import's upsert of many rows at once ($1..$12 arrays, one element per row; $13 the time), keyed by account
     * number. A row without a tier (its tier_reason is null) keeps a tier set by hand before; {@code xmax = 0} tells
     * a fresh insert from an update.
     */
    public static final String UPSERT_MANY = """
            INSERT INTO customers AS c (account_number, name, address, district, water_use, kind, tier, tier_reason,
                                   critical_facility, critical_reason, monthly_consumption, notes, created_at, updated_at)
            SELECT r.account_number, r.name, r.address, r.district, r.water_use, r.kind, r.tier, r.tier_reason,
                   r.critical_facility, r.critical_reason, r.monthly_consumption::numeric, r.notes, $13, $13
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::boolean[], $10::text[], $11::text[], $12::text[])
                 AS r (account_number, name, address, district, water_use, kind, tier, tier_reason, critical_facility,
                       critical_reason, monthly_consumption, notes)
            ON CONFLICT (account_number) DO UPDATE SET
                name = EXCLUDED.name, address = EXCLUDED.address, district = EXCLUDED.district,
                water_use = EXCLUDED.water_use, kind = EXCLUDED.kind,
                tier = CASE WHEN EXCLUDED.tier_reason IS NULL AND c.tier_reason IS NOT NULL THEN c.tier ELSE EXCLUDED.tier END,
                tier_reason = COALESCE(EXCLUDED.tier_reason, c.tier_reason),
                critical_facility = EXCLUDED.critical_facility, critical_reason = EXCLUDED.critical_reason,
                monthly_consumption = EXCLUDED.monthly_consumption, notes = EXCLUDED.notes,
                version = c.version + 1, updated_at = EXCLUDED.updated_at
            RETURNING id, account_number, (xmax = 0) AS created""";

    public static final String UPDATE = """
            UPDATE customers SET name = $3, address = $4, district = $5, water_use = $6, kind = $7, tier = $8,
                   tier_reason = $9, critical_facility = $10, critical_reason = $11, monthly_consumption = $12,
                   notes = $13, updated_at = $14, version = version + 1
            WHERE id = $1 AND version = $2""";

    public static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM customers c WHERE c.id = $1";

    /** The customers of the ids in array $1, in id order (missing ids are left out). */
    public static final String SELECT_BY_IDS = "SELECT " + COLUMNS + " FROM customers c WHERE c.id = ANY($1) ORDER BY c.id";

    public static final String SELECT_BY_ID_FOR_UPDATE = SELECT_BY_ID + " FOR UPDATE OF c";

    public static final String SELECT_BY_ACCOUNT = "SELECT " + COLUMNS + " FROM customers c WHERE c.account_number = $1";

    /** Caller-ID lookup: exact match on the normalised number, through {@code customer_phones_phone_idx}. */
    public static final String SELECT_BY_PHONE = "SELECT " + COLUMNS + " FROM customers c WHERE c.id IN "
            + "(SELECT customer_id FROM customer_phones WHERE phone = $1) ORDER BY c.id";

    /**
     * Case-insensitive prefix search ($1: lower-cased, LIKE-escaped prefix with a trailing %) over name, address and
     * account number, each through its own {@code text_pattern_ops} index.
     */
    /** Customers whose name or address contains $1 or whose account starts with $2 (LIKE patterns, escaped). */
    public static final String SEARCH = "SELECT " + COLUMNS + " FROM customers c WHERE c.id IN ("
            + "SELECT id FROM customers WHERE lower(name) LIKE $1 "
            + "UNION SELECT id FROM customers WHERE lower(address) LIKE $1 "
            + "UNION SELECT id FROM customers WHERE account_number LIKE $2) "
            + "ORDER BY c.name, c.id LIMIT $3 OFFSET $4";

    public static final String DELETE_PHONES = "DELETE FROM customer_phones WHERE customer_id = ANY($1)";

    public static final String INSERT_PHONES = """
            INSERT INTO customer_phones (customer_id, phone, position)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[])""";

    /**
     * Appends one event per customer ($1 ids, $4 actions, $5 changes as JSON text, $6 reasons: arrays; $2 at, $3 actor)
     * and, for readers such as the search index (a ticket shows its customer's name, phones and address), an outbox
     * row of topic {@code customer} for each, in the same statement.
     */
    public static final String INSERT_EVENTS = """
            WITH e AS (
                INSERT INTO customer_events (customer_id, at, actor, action, changes, reason)
                SELECT id, $2, $3, action, changes::jsonb, reason
                FROM unnest($1::bigint[], $4::text[], $5::text[], $6::text[]) AS e (id, action, changes, reason)
                RETURNING id, customer_id
            )
            INSERT INTO outbox (topic, aggregate_id, event_id, created_at)
            SELECT 'customer', customer_id, id, $2 FROM e""";

    public static final String SELECT_EVENTS = """
            SELECT id, at, actor, action, changes, reason FROM customer_events
            WHERE customer_id = $1 ORDER BY id DESC LIMIT $2""";

    /**
     * Customers with a tier set by hand ($1 one tier, or null for all), the latest set first, $2 at most, after $3:
     * with who set it and when, from the latest event that gave the current manual tier (an override, or a creation
     * or import that named a tier).
     */
    public static final String TIER_OVERRIDES = """
            SELECT c.id, c.account_number, c.name, c.district, c.tier, c.tier_reason, e.at, e.actor
            FROM customers c
            LEFT JOIN LATERAL (
                SELECT ev.at, ev.actor FROM customer_events ev
                WHERE ev.customer_id = c.id AND (ev.action = 'tier_overridden'
                      OR ev.action IN ('created', 'imported') AND ev.changes ->> 'tierReason' IS NOT NULL)
                ORDER BY ev.id DESC LIMIT 1
            ) e ON true
            WHERE c.tier_reason IS NOT NULL AND ($1::text IS NULL OR c.tier = $1::text)
            ORDER BY e.at DESC NULLS LAST, c.id DESC
            LIMIT $2 OFFSET $3""";

    /** How many customers have a tier set by hand ($1 one tier, or null for all). */
    public static final String COUNT_TIER_OVERRIDES =
            "SELECT count(*) FROM customers WHERE tier_reason IS NOT NULL AND ($1::text IS NULL OR tier = $1::text)";
}
