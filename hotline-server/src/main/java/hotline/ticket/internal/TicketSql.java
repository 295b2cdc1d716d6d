package hotline.ticket.internal;

/** Every SQL statement of the ticket capability ({@code $n} parameters only). */
public final class TicketSql {

    private TicketSql() {
    }

    private static final String OUTBOX_PAYLOAD = "jsonb_build_object('id', t.id, 'number', t.number, 'action', %s, "
            + "'status', t.status, 'type', t.type, 'district', t.district)";

    /**
     * Creates a ticket in one statement (so in one round trip, and atomically even outside a transaction): claims
     * the idempotency key $1 (when given) for a pre-drawn ticket id, and only if the claim succeeded inserts the
     * ticket, linked to customer $8 or else to the one customer whose phone is $10 and numbered from the sequence,
     * its {@code created} event and its outbox row. No row comes back when the key is already taken; a concurrent
     * holder of the key makes this statement wait for its outcome. Parameters: $1 key, $2 date yyyyMMdd, $3 type,
     * $4 channel, $5 status, $6 priority, $7 urgent, $8 customer id, $9 caller number, $10 normalised caller
     * number, $11 subject, $12 description, $13 location, $14 district, $15 category, $16 details, $17 created by
     * (user id), $18 now, $19 actor.
     */
    public static final String CREATE = """
            WITH ids AS (
                SELECT nextval(pg_get_serial_sequence('tickets', 'id')) AS id
            ), k AS (
                INSERT INTO idempotency_keys (key, ticket_id, created_at)
                SELECT $1::text, ids.id, $18::timestamptz FROM ids WHERE $1::text IS NOT NULL
                ON CONFLICT (key) DO NOTHING
                RETURNING ticket_id
            ), link AS (
                SELECT count(DISTINCT customer_id) AS matches, min(customer_id) AS customer_id
                FROM customer_phones WHERE phone = $10::text
            ), t AS (
                INSERT INTO tickets (id, number, type, channel, status, priority, urgent, customer_id, caller_number,
                                     subject, description, location, district, category, details, created_by,
                                     created_at, updated_at)
                OVERRIDING SYSTEM VALUE
                SELECT ids.id, 'HL-' || $2::text || '-' || lpad(seq.n::text, greatest(6, length(seq.n::text)), '0'),
                       $3::text, $4::text, $5::text, $6::text, $7::boolean,
                       COALESCE($8::bigint, CASE WHEN link.matches = 1 THEN link.customer_id END), $9::text,
                       $11::text, $12::text, $13::text, $14::text, $15::text, $16::jsonb, $17::bigint,
                       $18::timestamptz, $18::timestamptz
                FROM ids, link, LATERAL (SELECT nextval('ticket_number_seq') AS n) seq
                WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM k)
                RETURNING *
            ), e AS (
                INSERT INTO ticket_events (ticket_id, at, actor, channel, action, data)
                SELECT t.id, $18::timestamptz, $19::text, $4::text, 'created',
                       jsonb_build_object('callerMatches', link.matches)
                FROM t, link
                RETURNING id
            ), o AS (
                INSERT INTO outbox (topic, aggregate_id, event_id, payload, created_at)
                SELECT 'ticket', t.id, e.id, %s, $18::timestamptz FROM t, e
            )
            SELECT * FROM t
            """.formatted(OUTBOX_PAYLOAD.formatted("'created'"));

    public static final String BY_KEY = """
            SELECT t.* FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id WHERE k.key = $1
            """;

    public static final String BY_ID = "SELECT * FROM tickets WHERE id = $1";

    public static final String LOCK = "SELECT * FROM tickets WHERE id = $1 FOR UPDATE";

    public static final String EVENTS = "SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY id";

    private static final String FILTER = """
            WHERE ($1::text IS NULL OR status = $1::text) AND ($2::text IS NULL OR type = $2::text)
              AND ($3::bigint IS NULL OR customer_id = $3::bigint) AND ($4::text IS NULL OR district = $4::text)
            """;

    /** $1 status, $2 type, $3 customer id, $4 district (each null for any), $5 limit, $6 offset. */
    public static final String LIST = "SELECT * FROM tickets " + FILTER
            + "ORDER BY created_at DESC, id DESC LIMIT $5 OFFSET $6";

    public static final String COUNT = "SELECT count(*) FROM tickets " + FILTER;

    /**
     * Writes a change to a locked ticket in one round trip: the row (version + 1), the event, the outbox row.
     * Returns the row and {@code event_id}. Parameters: $1 id, $2 type, $3 status, $4 priority, $5 urgent,
     * $6 customer id, $7 caller number, $8 subject, $9 description, $10 location, $11 district, $12 category,
     * $13 details, $14 now, $15 closed at, $16 actor, $17 channel, $18 action, $19 changes, $20 event data.
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
                SELECT 'ticket', t.id, e.id, %s, $14::timestamptz FROM t, e
            )
            SELECT t.*, e.id AS event_id FROM t, e
            """.formatted(OUTBOX_PAYLOAD.formatted("$18::text"));
}
