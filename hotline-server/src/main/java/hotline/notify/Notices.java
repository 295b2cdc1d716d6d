package hotline.notify;

import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Queues notices inside the caller's transaction, so a notice exists exactly when the change that causes it commits.
 * Queuing is idempotent by dedupe key. Delivery happens later, by the {@link NotifyModule}'s worker: a notice goes
 * out no earlier than its {@code at} (so a reminder may be queued ahead, at the time it is due), on the channels the
 * customer has, in their language.
 */
public final class Notices {

    private static final String QUEUE = """
            INSERT INTO notices (kind, customer_id, phone, ticket_id, variables, dedupe_key, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING
            """;

    private static final String QUEUE_ALL = """
            INSERT INTO notices (kind, customer_id, phone, ticket_id, variables, dedupe_key, created_at)
            SELECT kind, customer_id, phone, ticket_id, variables, dedupe_key, $7
            FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::jsonb[], $6::text[])
                 AS n (kind, customer_id, phone, ticket_id, variables, dedupe_key)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;

    private Notices() {
    }

    /** Queues {@code notice}; true when it is new, false when its dedupe key was queued before. */
    public static Future<Boolean> queue(SqlConnection tx, Notice notice, Instant at) {
        return tx.preparedQuery(QUEUE).execute(Tuple.tuple().addString(notice.kind().code())
                        .addLong(notice.customerId()).addString(notice.phone()).addLong(notice.ticketId())
                        .addJsonObject(notice.variables()).addString(notice.dedupeKey()).addValue(SqlTime.param(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Queues {@code notices} in one statement (tickets created together); returns how many were new. */
    public static Future<Integer> queueAll(SqlConnection tx, List<Notice> notices, Instant at) {
        if (notices.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return tx.preparedQuery(QUEUE_ALL).execute(Tuple.of(
                        notices.stream().map(n -> n.kind().code()).toArray(String[]::new),
                        notices.stream().map(Notice::customerId).toArray(Long[]::new),
                        notices.stream().map(Notice::phone).toArray(String[]::new),
                        notices.stream().map(Notice::ticketId).toArray(Long[]::new),
                        notices.stream().map(Notice::variables).toArray(JsonObject[]::new),
                        notices.stream().map(Notice::dedupeKey).toArray(String[]::new),
                        SqlTime.param(at)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Queues one notice of {@code kind} for every customer id {@code customerIds} selects (a query of one column
     * {@code id}, its parameters from {@code $4} on), each keyed {@code dedupePrefix + ':' + id}: a set-based insert, so
     * a district of tens of thousands of customers is one statement. Returns how many were new.
     */
    public static Future<Integer> queueForCustomers(SqlConnection tx, NoticeKind kind, JsonObject variables,
                                                    String dedupePrefix, Instant at, String customerIds,
                                                    List<Object> parameters) {
        String sql = "INSERT INTO notices (kind, customer_id, variables, dedupe_key, created_at) "
                + "SELECT $1, c.id, $2, $3 || ':' || c.id, $" + (parameters.size() + 4) + " FROM (" + customerIds + ") c "
                + "ON CONFLICT (dedupe_key) DO NOTHING";
        List<Object> values = new ArrayList<>(List.of(kind.code(), variables, dedupePrefix));
        values.addAll(parameters);
        values.add(SqlTime.param(at));
        return tx.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> rows.rowCount());
    }
}
