package hotline.telephony.switchboard.internal;

import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;

/**
 * Measures (prints, asserts no timing) how long the day's figures take to read at a busy day of 20,000 calls, and
 * shows the plan. Not part of the suite (no {@code Test} suffix): {@code mvn test -Dtest=DayFiguresMeasurement}.
 */
class DayFiguresMeasurement {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("prints the time to read a 20,000-call day's figures (queues, calls per hour, agents) and its plan")
    void measure() {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool().connectingTo(TestDatabase.fresh().connectOptions()).using(vertx).build();
            LocalDate day = LocalDate.now(SHANGHAI);
            Instant start = day.atStartOfDay(SHANGHAI).toInstant();
            // 20,000 calls today and 4 × 20,000 on the days before (history the index must skip), all in the queue.
            pool.query("""
                    INSERT INTO calls (uniqueid, started_at, answered_at, ended_at, queue, wait_seconds, talk_seconds,
                                       hold_seconds, disposition, wrapped_up_at, created_at)
                    SELECT 'm' || g, t, CASE WHEN g % 10 < 8 THEN t + interval '15 s' END, t + interval '200 s', 'hotline',
                           g % 60, CASE WHEN g % 10 < 8 THEN 180 END, CASE WHEN g % 10 < 8 THEN g % 20 END,
                           CASE WHEN g % 10 < 8 THEN 'answered' WHEN g % 10 = 8 THEN 'abandoned' ELSE 'missed' END,
                           CASE WHEN g % 10 < 7 THEN t + interval '240 s' END, t + interval '200 s'
                    FROM generate_series(0, 99999) AS g,
                         LATERAL (SELECT 'START'::timestamptz - (g / 20000) * interval '1 day'
                                         + (g % 20000) * interval '4 s' AS t) x""".replace("START", start.toString()))
                    .execute().await();
            pool.query("VACUUM ANALYZE calls").execute().await();
            DayReader reader = new DayReader(pool, SHANGHAI, new DayRules(20, 5, Duration.ofSeconds(300)));
            Instant now = start.plus(Duration.ofHours(23));
            long[] times = new long[60];
            for (int i = -10; i < times.length; i++) {
                long t0 = System.nanoTime();
                reader.read(day, now, Set.of("m1", "m2")).await();
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(times);
            System.out.printf("day figures, 20,000 calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d reads)%n",
                    times[times.length / 2] / 1e6, times[(int) (times.length * 0.99) - 1] / 1e6,
                    times[times.length - 1] / 1e6, times.length);
            long t0 = System.nanoTime();
            reader.usual(day).await();
            System.out.printf("usual calls per hour (4 weekdays, 80,000 calls): %.2f ms%n", (System.nanoTime() - t0) / 1e6);
            pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS) " + SwitchboardSql.QUEUE_DAY)
                    .execute(Tuple.of(start.atOffset(java.time.ZoneOffset.UTC), start.plus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC),
                            20, 5, now.atOffset(java.time.ZoneOffset.UTC), 300))
                    .await().forEach(row -> System.out.println("  " + row.getString(0)));
        } finally {
            vertx.close().await();
        }
    }
}
