package hotline.surveillance;

import hotline.common.InvalidInputException;
import hotline.store.SqlTime;
import hotline.surveillance.internal.AlertSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Reads the water-quality alerts raised. Thread-safe; never blocks. */
public final class QualityAlerts {

    /** The longest look back, in hours (30 days). */
    public static final int MAX_HOURS = 720;

    private final Pool pool;
    private final Clock clock;

    QualityAlerts(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The alerts raised in the last {@code hours} (1 to {@value #MAX_HOURS}), newest first, at most 500. */
    public Future<List<QualityAlert>> recent(int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            return Future.failedFuture(new InvalidInputException("hours", "must be between 1 and " + MAX_HOURS));
        }
        return pool.preparedQuery(AlertSql.SINCE)
                .execute(Tuple.of(SqlTime.param(clock.instant().minus(Duration.ofHours(hours)))))
                .map(rows -> rows.stream().map(QualityAlert::of).toList());
    }
}
