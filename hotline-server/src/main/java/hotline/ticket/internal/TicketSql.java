package hotline.ticket.internal;

/** Every SQL statement of the ticket capability ({@code $n} parameters only). */
public final class TicketSql {

    private TicketSql() {
    }

    private static final String OUTBOX_PAYLOAD = "jsonb_build_object('id', t.id, 'number', t.number, 'action', %s, "
            + "'status', t.status, 'type', t.type, 'district', t.district)";

    /**
     * Creates the tickets of a batch in one statement (so in one round trip, and atomically even outside a
     * transaction). Parameters are arrays with one element per ticket, in batch order: $1 idempotency key, $2 type,
     * $3 channel, $4 status, $5 priority, $6 urgent, $7 customer id, $8 caller number, $9 normalised caller number
     * (null when a customer id is given), $10 subject, $11 description, $12 location, $13 district, $14 category,
     * $15 details (JSON text), $16 created by (user id), $17 actor; then $18 the day of the numbers, $19 now,
     * $20 the numbers' text before the serial and $21 the serial's least number of digits (see TicketNumber),
     * $22 the outbox topic, $23 per ticket the fingerprint of its request (kept with its key). For each ticket it claims
     * the key (when given; a key belongs to its actor) for a pre-drawn ticket id, and only if the
     * claim succeeded inserts the ticket, linked to its customer id or else to the one customer whose phone is its
     * caller number and numbered with the day's next serial, its {@code created} event and its outbox row. Answers
     * the inserted tickets with their {@code position} (1-based) in the batch; a ticket whose key was already taken
     * has no row. A concurrent holder of a key makes this statement wait for its outcome; a key repeated within the
     * batch is claimed by its first ticket.
     */
    public static final String CREATE = """
            WITH input AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[],
                                     $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                                     $13::text[], $14::text[], $15::text[], $16::bigint[], $17::text[],
                                     $23::text[])
                    WITH ORDINALITY AS i(key, type, channel, status, priority, urgent, customer_id, caller_number,
                                         caller_phone, subject, description, location, district, category, details,
                                         created_by, actor, fingerprint, position)
            ), ids AS (
                SELECT input.*, nextval(pg_get_serial_sequence('tickets', 'id')) AS id, link.matches,
                       link.customer_id AS linked_customer_id
                FROM input LEFT JOIN LATERAL (
                    SELECT count(DISTINCT p.customer_id) AS matches, min(p.customer_id) AS customer_id
                    FROM customer_phones p WHERE p.phone = input.caller_phone
                ) link ON true
            ), k AS (
                INSERT INTO idempotency_keys (scope, key, request_hash, ticket_id, created_at)
                SELECT actor, key, fingerprint, id, $19::timestamptz FROM ids WHERE key IS NOT NULL
                ON CONFLICT (scope, key) DO NOTHING
                RETURNING ticket_id
            ), day AS MATERIALIZED (
                -- Once per batch, and before any serial is drawn: a serial is computed from the base's row (V24).
                SELECT ticket_number_base($18::date) AS base
            ), t AS (
                INSERT INTO tickets (id, number, type, channel, status, priority, urgent, customer_id, caller_number,
                                     subject, description, location, district, category, details, created_by,
                                     created_at, updated_at)
                OVERRIDING SYSTEM VALUE
                SELECT id, $20::text || lpad(serial::text, greatest($21::int, length(serial::text)), '0'),
                       type, channel, status, priority, urgent,
                       COALESCE(customer_id, CASE WHEN matches = 1 THEN linked_customer_id END), caller_number,
                       subject, description, location, district, category, details::jsonb, created_by,
                       $19::timestamptz, $19::timestamptz
                FROM (SELECT ids.*, nextval('ticket_number_seq') - day.base AS serial FROM ids CROSS JOIN day
                      WHERE key IS NULL OR id IN (SELECT ticket_id FROM k) ORDER BY position) numbered
                RETURNING *
            ), e AS (
                INSERT INTO ticket_events (ticket_id, at, actor, channel, action, data)
                SELECT t.id, $19::timestamptz, ids.actor, t.channel, 'created',
                       jsonb_build_object('callerMatches', ids.matches)
                FROM t JOIN ids ON ids.id = t.id
                RETURNING id, ticket_id
            ), o AS (
                INSERT INTO outbox (topic, aggregate_id, event_id, payload, created_at)
                SELECT $22::text, t.id, e.id, %s, $19::timestamptz FROM t JOIN e ON e.ticket_id = t.id
            )
            SELECT t.*, ids.position FROM t JOIN ids ON ids.id = t.id
            """.formatted(OUTBOX_PAYLOAD.formatted("'created'"));

    /** The ticket of actor $1's key $2, with the fingerprint of the request that claimed it. */
    public static final String BY_KEY = """
            SELECT t.*, k.request_hash FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id
            WHERE k.scope = $1 AND k.key = $2
            """;

    public static final String BY_ID = "SELECT * FROM tickets WHERE id = $1";

    public static final String BY_IDS = "SELECT * FROM tickets WHERE id = ANY($1::bigint[])";

    public static final String BY_NUMBERS = "SELECT * FROM tickets WHERE number = ANY($1::text[])";

    public static final String LOCK = "SELECT * FROM tickets WHERE id = $1 FOR UPDATE";

    public static final String EVENTS = "SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY id";

    /**
     * Writes a change to a locked ticket in one round trip: the row (version + 1), the event, the outbox row.
     * Returns the row and {@code event_id}. Parameters: $1 id, $2 type, $3 status, $4 priority, $5 urgent,
     * $6 customer id, $7 caller number, $8 subject, $9 description, $10 location, $11 district, $12 category,
     * $13 details, $14 now, $15 closed at, $16 actor, $17 channel, $18 action, $19 changes, $20 event data,
     * $21 the outbox topic.
     */
    public static final String CHANGE = """
            WITH t AS (
                UPDATE tickets SET type = $2::text, status = $3::text, priority = $4::text, urgent = $5::boolean,
                                   customer_id = $6::bigint, caller_number = $7::text, subject = $8::text,
                                   description = $9::text, location = $10::text, district = $11::text,
                                   category = $12::text, details = $13::jsonb, version = version + 1,
                                   updated_at = $14::timestamptz, closed_at = $15::timestamptz
                WHERE id = $1
                RETURNING *
            ), e AS (
                INSERT INTO ticket_events (ticket_id, at, actor, channel, action, changes, data)
                SELECT t.id, $14::timestamptz, $16::text, $17::text, $18::text, $19::jsonb, $20::jsonb FROM t
                RETURNING id
            ), o AS (
                INSERT INTO outbox (topic, aggregate_id, event_id, payload, created_at)
                SELECT $21::text, t.id, e.id, %s, $14::timestamptz FROM t, e
            )
            SELECT t.*, e.id AS event_id FROM t, e
            """.formatted(OUTBOX_PAYLOAD.formatted("$18::text"));
}
