package hotline.telephony.switchboard.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a day's figures from the call records ({@link StoredDay}), and the usual calls per hour of a weekday. Days
 * begin at midnight in the hotline's time zone. Thread-safe; every method answers a Future.
 */
public final class DayReader {

    /** How many past weeks make "the same weekday as usual". */
    static final int USUAL_WEEKS = 4;

    private final Pool pool;
    private final ZoneId zone;
    private final DayRules rules;

    public DayReader(Pool pool, ZoneId zone, DayRules rules) {
        this.pool = pool;
        this.zone = zone;
        this.rules = rules;
    }

    /**
     * The figures of {@code day} as of {@code now}, and which of {@code pending} (uniqueids) are stored, all from one
     * snapshot of the database, so a call is counted either among the stored or among the pending, never both.
     */
    Future<StoredDay> read(LocalDate day, Instant now, Set<String> pending) {
        OffsetDateTime from = start(day);
        OffsetDateTime to = start(day.plusDays(1));
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int cap = (int) rules.wrapUpCap().toSeconds();
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .compose(set -> queues(conn, from, to, at, cap))
                .compose(queues -> conn.preparedQuery(SwitchboardSql.CALLS_PER_HOUR)
                        .execute(Tuple.of(from, to, zone.getId()))
                        .compose(hours -> agents(conn, from, to, at, cap)
                                .compose(agents -> stored(conn, pending)
                                        .map(stored -> new StoredDay(day, queues, perHour(hours), agents, stored))))));
    }

    /**
     * The calls per hour of {@code day}'s weekday over the {@value #USUAL_WEEKS} weeks before it, averaged over those of
     * these days that had any call (a hotline younger than four weeks averages what it has); null when none had.
     */
    Future<double[]> usual(LocalDate day) {
        OffsetDateTime[] starts = new OffsetDateTime[USUAL_WEEKS];
        OffsetDateTime[] ends = new OffsetDateTime[USUAL_WEEKS];
        for (int week = 1; week <= USUAL_WEEKS; week++) {
            LocalDate past = day.minusWeeks(week);
            starts[week - 1] = start(past);
            ends[week - 1] = start(past.plusDays(1));
        }
        return pool.preparedQuery(SwitchboardSql.CALLS_PER_DAY_AND_HOUR).execute(Tuple.of(starts, ends, zone.getId()))
                .map(rows -> {
                    double[] sums = new double[24];
                    Set<Long> days = new HashSet<>();
                    for (Row row : rows) {
                        days.add(row.getLong("day"));
                        sums[row.getInteger("hour")] += row.getInteger("calls");
                    }
                    if (days.isEmpty()) {
                        return null;
                    }
                    for (int hour = 0; hour < 24; hour++) {
                        sums[hour] /= days.size();
                    }
                    return sums;
                });
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private Future<Map<String, QueueDay>> queues(SqlConnection conn, OffsetDateTime from, OffsetDateTime to,
                                                 OffsetDateTime now, int cap) {
        return conn.preparedQuery(SwitchboardSql.QUEUE_DAY)
                .execute(Tuple.of(from, to, rules.serviceLevelSeconds(), rules.shortAbandonSeconds(), now, cap))
                .map(rows -> {
                    Map<String, QueueDay> queues = new HashMap<>();
                    for (Row row : rows) {
                        queues.put(row.getString("queue"), new QueueDay(row.getInteger("offered"),
                                row.getInteger("answered"), row.getInteger("answered_in_threshold"),
                                row.getInteger("abandoned"), row.getInteger("short_abandoned"), row.getInteger("missed"),
                                row.getLong("answered_wait"), row.getLong("wait"), row.getInteger("handled"),
                                row.getLong("talk"), row.getLong("hold"), row.getLong("wrap_up")));
                    }
                    return Map.copyOf(queues);
                });
    }

    private static Future<Map<Long, StoredDay.AgentDay>> agents(SqlConnection conn, OffsetDateTime from,
                                                                 OffsetDateTime to, OffsetDateTime now, int cap) {
        Map<Long, StoredDay.AgentDay> agents = new HashMap<>();
        return conn.preparedQuery(SwitchboardSql.AGENTS_DAY).execute(Tuple.of(from, to, now, cap))
                .compose(rows -> {
                    rows.forEach(row -> agents.put(row.getLong("agent_user_id"), new StoredDay.AgentDay(
                            row.getInteger("handled"), row.getLong("handle_seconds"), 0, 0)));
                    return conn.preparedQuery(SwitchboardSql.AGENTS_SATISFACTION).execute(Tuple.of(from, to));
                })
                .map(rows -> {
                    rows.forEach(row -> agents.merge(row.getLong("agent_user_id"),
                            new StoredDay.AgentDay(0, 0, row.getInteger("surveys"), row.getInteger("score_sum")),
                            (calls, scores) -> new StoredDay.AgentDay(calls.handled(), calls.handleSeconds(),
                                    scores.surveys(), scores.scoreSum())));
                    return Map.copyOf(agents);
                });
    }

    private static Future<Set<String>> stored(SqlConnection conn, Set<String> pending) {
        if (pending.isEmpty()) {
            return Future.succeededFuture(Set.of());
        }
        return conn.preparedQuery(SwitchboardSql.STORED_OF).execute(Tuple.of(pending.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(row.getString("uniqueid")));
                    return Set.copyOf(stored);
                });
    }

    private static int[] perHour(Iterable<Row> rows) {
        int[] hours = new int[24];
        rows.forEach(row -> hours[row.getInteger("hour")] = row.getInteger("calls"));
        return hours;
    }
}
