package hotline.outage;

import hotline.outage.internal.OutageSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queues what planned shut-offs owe their customers as time passes: the reminder when it falls due (not once the
 * shut-off has started: then it is no longer news), and "extended" when one runs past its expected end without being
 * closed (once per end; a supervisor's new end starts the watch again). Each shut-off is claimed with
 * {@code FOR UPDATE SKIP LOCKED} inside the transaction that queues its notices and records them, so with several
 * servers on one database each shut-off is handled by one of them, and the claim ends with the commit (no lease is
 * needed: nothing outlives the transaction). The dedupe keys make a repeated round harmless anyway. Time comes from
 * the injected clock. One scan at a time per instance.
 */
public final class OutageScheduler {

    private static final Logger log = LoggerFactory.getLogger(OutageScheduler.class);

    private final Vertx vertx;
    private final Pool pool;
    private final OutageNotices notices;
    private final Clock clock;
    private final int batchSize;
    private final AtomicBoolean scanning = new AtomicBoolean();
    private long timer = -1;

    /** What one scan queued: shut-offs handled, reminders and "extended" notices (rounds of them, not customers). */
    public record ScanResult(int handled, int reminders, int overruns) {
    }

    OutageScheduler(Vertx vertx, Pool pool, OutageNotices notices, Clock clock, int batchSize) {
        this.vertx = vertx;
        this.pool = pool;
        this.notices = notices;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Scans every {@code interval} until {@link #stop}; a scan still running when the next is due is not doubled. */
    void start(Duration interval) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (scanning.compareAndSet(false, true)) {
                scanOnce().onComplete(done -> scanning.set(false))
                        .onFailure(e -> log.warn("Outage scan failed: {}", e.getMessage()));
            }
        });
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Handles up to the batch size of shut-offs with something due, one transaction each. */
    public Future<ScanResult> scanOnce() {
        return next(new ScanResult(0, 0, 0));
    }

    private Future<ScanResult> next(ScanResult sofar) {
        if (sofar.handled() >= batchSize) {
            return Future.succeededFuture(sofar);
        }
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(OutageSql.CLAIM).execute(Tuple.of(SqlTime.param(now)))
                        .compose(rows -> rows.size() == 0 ? Future.succeededFuture((ScanResult) null)
                                : handle(tx, Outage.of(rows.iterator().next()), now, sofar)))
                .compose(result -> result == null ? Future.succeededFuture(sofar) : next(result));
    }

    private Future<ScanResult> handle(SqlConnection tx, Outage outage, Instant now, ScanResult sofar) {
        boolean remind = outage.remindAt() != null && !outage.remindAt().isAfter(now);
        boolean overrun = !now.isBefore(outage.endsAt()) && !outage.endsAt().equals(outage.overrunToldAt());
        Future<Integer> reminded = remind && now.isBefore(outage.startsAt())
                ? notices.reminder(tx, outage, now) : Future.succeededFuture(outage.reminded());
        return reminded.compose(count -> {
            int extensions = overrun ? outage.extensions() + 1 : outage.extensions();
            Future<Integer> told = overrun
                    ? notices.extended(tx, outage, extensions, outage.endsAt(), true, now) : Future.succeededFuture(0);
            return told.compose(ignored -> {
                Instant remindAt = remind ? null : outage.remindAt();
                Instant overrunToldAt = overrun ? outage.endsAt() : outage.overrunToldAt();
                return tx.preparedQuery(OutageSql.CHECKED).execute(Tuple.tuple().addLong(outage.id())
                        .addValue(SqlTime.param(remindAt)).addInteger(count).addValue(SqlTime.param(overrunToldAt))
                        .addInteger(extensions)
                        .addValue(SqlTime.param(Outage.nextCheck(remindAt, outage.endsAt(), overrunToldAt))));
            });
        }).map(done -> new ScanResult(sofar.handled() + 1, sofar.reminders() + (remind ? 1 : 0),
                sofar.overruns() + (overrun ? 1 : 0)));
    }
}
