package hotline.reports;

import hotline.reports.internal.ReportSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The catch-up job that keeps the report roll-ups (V34) in step with the tickets, calls, SLA rows and satisfaction
 * answers. Each run re-counts whole days from those tables, in one transaction: the {@value #RECENT_DAYS} most recent
 * days (today, and the days whose first-contact window, wrap-ups or answers may still move), then the next slice of
 * {@code olderDaysPerRun} older days, walking back through history and starting again from the recent days when it
 * reaches the first one, so a late change to an old ticket is counted within one round. The first run ever counts
 * every day at once. A run holds a PostgreSQL advisory lock, so several instances never count at the same time.
 * Never blocks; runs of one instance go one after another.
 */
public final class ReportRollup {

    /** Today and the 8 days before it: first-contact resolution looks 7 days ahead; one more for late wrap-ups. */
    public static final int RECENT_DAYS = 9;

    private final Pool pool;
    private final Clock clock;
    private final ZoneId zone;
    private final int serviceLevelSeconds;
    private final int shortAbandonSeconds;
    private final int olderDaysPerRun;
    private Future<Boolean> running;

    /**
     * @param serviceLevelSeconds a call answered within this many seconds counts towards the service level
     * @param shortAbandonSeconds a caller who hung up sooner is a short abandon, left out of the service level
     */
    public ReportRollup(Pool pool, Clock clock, ZoneId zone, int serviceLevelSeconds, int shortAbandonSeconds,
                        int olderDaysPerRun) {
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.shortAbandonSeconds = shortAbandonSeconds;
        this.olderDaysPerRun = olderDaysPerRun;
    }

    /**
     * One run. With {@code wait} it runs after the run going on in this instance, if any, and after another
     * instance's; without, it gives up (false) when another instance is counting, and joins a run going on here.
     */
    public synchronized Future<Boolean> run(boolean wait) {
        if (running != null && !wait) {
            return running;
        }
        Future<Boolean> before = running == null ? Future.succeededFuture(false) : running.otherwise(false);
        Future<Boolean> run = before.compose(v -> pool.withTransaction(tx -> lock(tx, wait)
                .compose(locked -> locked ? count(tx).map(true) : Future.succeededFuture(false))));
        running = run;
        run.onComplete(done -> finished(run));
        return run;
    }

    private synchronized void finished(Future<Boolean> run) {
        if (running == run) {
            running = null;
        }
    }

    private Future<Boolean> lock(SqlConnection tx, boolean wait) {
        return tx.query(wait ? ReportSql.WAIT_LOCK : ReportSql.LOCK).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Future<Void> count(SqlConnection tx) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate recent = today.minusDays(RECENT_DAYS - 1);
        Future<List<Row>> state = tx.query(ReportSql.STATE).execute().map(rows -> rows.stream().toList());
        Future<Instant> first = tx.query(ReportSql.FIRST_INSTANT).execute()
                .map(rows -> SqlTime.instant(rows.iterator().next(), "least"));
        return Future.all(state, first).compose(both -> {
            LocalDate firstDay = first.result() == null ? today : LocalDate.ofInstant(first.result(), zone);
            if (state.result().isEmpty()) {
                return recount(tx, firstDay.isBefore(today) ? firstDay : today, today, now)
                        .compose(done -> save(tx, now, older(recent.minusDays(1), firstDay)));
            }
            Row saved = state.result().getFirst();
            LocalDate until = saved.getLocalDate("older_until") == null ? recent.minusDays(1)
                    : saved.getLocalDate("older_until");
            Future<Void> recentDays = recount(tx, recent, today, now);
            if (until.isBefore(firstDay)) {
                return recentDays.compose(done -> save(tx, now, older(recent.minusDays(1), firstDay)));
            }
            LocalDate from = until.minusDays(olderDaysPerRun - 1L);
            LocalDate sliceFrom = from.isBefore(firstDay) ? firstDay : from;
            return recentDays.compose(done -> recount(tx, sliceFrom, until, now))
                    .compose(done -> save(tx, now, older(sliceFrom.minusDays(1), firstDay)));
        });
    }

    /** Where the walk back continues: {@code day}, or null (start again from the recent days) before the first day. */
    private static LocalDate older(LocalDate day, LocalDate firstDay) {
        return day.isBefore(firstDay) ? null : day;
    }

    /** Re-counts the local days [{@code from}, {@code to}] of every roll-up, and the customers per district. */
    private Future<Void> recount(SqlConnection tx, LocalDate from, LocalDate to, Instant now) {
        Tuple days = Tuple.of(from, to);
        Tuple span = Tuple.of(SqlTime.param(from.atStartOfDay(zone).toInstant()),
                SqlTime.param(to.plusDays(1).atStartOfDay(zone).toInstant()), zone.getId());
        return tx.preparedQuery(ReportSql.DELETE_TICKET_DAYS).execute(days)
                .compose(v -> tx.preparedQuery(ReportSql.COUNT_TICKET_DAYS).execute(with(span, SqlTime.param(now))))
                .compose(v -> tx.preparedQuery(ReportSql.DELETE_CALL_DAYS).execute(days))
                .compose(v -> tx.preparedQuery(ReportSql.COUNT_CALL_DAYS).execute(with(span, serviceLevelSeconds,
                        shortAbandonSeconds)))
                .compose(v -> tx.preparedQuery(ReportSql.DELETE_SLA_DAYS).execute(days))
                .compose(v -> tx.preparedQuery(ReportSql.COUNT_SLA_DAYS).execute(with(span, SqlTime.param(now))))
                .compose(v -> tx.preparedQuery(ReportSql.DELETE_SATISFACTION_DAYS).execute(days))
                .compose(v -> tx.preparedQuery(ReportSql.COUNT_SATISFACTION_DAYS).execute(span))
                .compose(v -> tx.query(ReportSql.COUNT_CUSTOMERS).execute())
                .mapEmpty();
    }

    private static Tuple with(Tuple span, Object... more) {
        Tuple all = Tuple.tuple();
        for (int i = 0; i < span.size(); i++) {
            all.addValue(span.getValue(i));
        }
        for (Object value : more) {
            all.addValue(value);
        }
        return all;
    }

    private Future<Void> save(SqlConnection tx, Instant now, LocalDate olderUntil) {
        return tx.preparedQuery(ReportSql.SAVE_STATE).execute(Tuple.of(SqlTime.param(now), olderUntil)).mapEmpty();
    }
}
