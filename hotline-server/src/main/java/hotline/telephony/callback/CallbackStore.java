package hotline.telephony.callback;

import hotline.common.Code;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code callbacks} table: booking (due {@code dueAfter} later, the SLA target), listing, and the dialler's claim /
 * connected / failed steps. A failed attempt returns the callback to {@code requested} after {@code retryDelay} until
 * {@code maxAttempts} attempts were made, then it is {@code failed}. Thread-safe; every method answers a Future.
 */
public final class CallbackStore {

    private final Pool pool;
    private final Clock clock;
    private final Duration dueAfter;
    private final int maxAttempts;
    private final Duration retryDelay;

    public CallbackStore(Pool pool, Clock clock, Duration dueAfter, int maxAttempts, Duration retryDelay) {
        this.pool = pool;
        this.clock = clock;
        this.dueAfter = dueAfter;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** Books the callback (once per call: asking again answers the first booking). */
    public Future<Callback> request(CallbackRequest request) {
        Instant now = clock.instant();
        return one(CallbackSql.REQUEST, Tuple.of(request.callUniqueid(), request.customerId(), request.number(),
                request.ticketNumber(), request.priority(), utc(now)).addValue(utc(now.plus(dueAfter))))
                .map(Optional::orElseThrow);
    }

    /** Callbacks in the dialler's order (priority, then who asked first); {@code status} null lists all. */
    public Future<List<Callback>> list(CallbackStatus status, int limit) {
        return pool.preparedQuery(CallbackSql.LIST).execute(Tuple.of(status == null ? null : status.code(), limit))
                .map(CallbackStore::all);
    }

    /** How many callbacks are still to make and how many of them are overdue, as of now. */
    public Future<CallbackSummary> summary() {
        return pool.preparedQuery(CallbackSql.SUMMARY).execute(Tuple.of(utc(clock.instant())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new CallbackSummary(row.getInteger("pending"), row.getInteger("overdue"));
                });
    }

    /** Claims the next pending callback for the agent at {@code agentInterface}; empty when none is due. */
    public Future<Optional<Callback>> claimNext(String agentInterface) {
        return one(CallbackSql.CLAIM_NEXT, Tuple.of(agentInterface, utc(clock.instant())));
    }

    public Future<Optional<Callback>> connected(long id) {
        return one(CallbackSql.CONNECTED, Tuple.of(id, utc(clock.instant())));
    }

    /** Records a failed attempt: requested again after the retry delay, or failed when attempts are used up. */
    public Future<Optional<Callback>> attemptFailed(long id) {
        Instant now = clock.instant();
        return one(CallbackSql.ATTEMPT_FAILED, Tuple.of(id, utc(now), maxAttempts, utc(now.plus(retryDelay))));
    }

    private Future<Optional<Callback>> one(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> all(rows).stream().findFirst());
    }

    private static List<Callback> all(RowSet<Row> rows) {
        List<Callback> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Callback(row.getLong("id"), row.getString("call_uniqueid"), row.getLong("customer_id"),
                    row.getString("caller_number"), row.getString("ticket_number"), row.getInteger("priority"),
                    row.getOffsetDateTime("requested_at").toInstant(), row.getOffsetDateTime("due_at").toInstant(),
                    Code.parse(CallbackStatus.class, row.getString("status")).orElseThrow(), row.getInteger("attempts"),
                    row.getString("agent_interface")));
        }
        return list;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
