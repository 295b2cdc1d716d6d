package hotline.telephony.switchboard.internal;

import hotline.store.SqlTime;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The day's figures counted by PostgreSQL from the call records are those the Java rules count for the same calls. */
class DayReaderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DayRules RULES = new DayRules(20, 5, Duration.ofSeconds(120));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    /** 10:00 in Shanghai on that day. */
    private static final Instant MORNING = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NOW = MORNING.plusSeconds(4 * 3600);

    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(TestDatabase.fresh().connectOptions()).using(vertx).build();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static void store(CallRecord call, Instant wrappedUpAt) {
        pool.preparedQuery("INSERT INTO calls (uniqueid, started_at, answered_at, ended_at, queue, wait_seconds, "
                        + "talk_seconds, hold_seconds, disposition, wrapped_up_at, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $4)")
                .execute(Tuple.from(new Object[]{call.uniqueid(), SqlTime.param(call.startedAt()),
                        SqlTime.param(call.answeredAt()), SqlTime.param(call.endedAt()), call.queue(),
                        call.waitSeconds(), call.talkSeconds(), call.holdSeconds(), call.disposition().code(),
                        SqlTime.param(wrappedUpAt)})).await();
    }

    private static CallRecord call(String id, Instant start, CallDisposition disposition, Integer wait, Integer talk,
                                   Integer hold, String queue) {
        Instant answered = disposition == CallDisposition.ANSWERED ? start.plusSeconds(wait) : null;
        Instant ended = start.plusSeconds((wait == null ? 0 : wait) + (talk == null ? 40 : talk));
        return new CallRecord(id, null, null, start, answered, ended, null, queue, wait, talk, hold, null,
                disposition, null, null, List.of(), null, null);
    }

    @Test
    @DisplayName("every kind of call (answered in and past the threshold, with and without talk time, held, wrapped late or not yet, abandoned short and long, missed, IVR only, yesterday's) counts the same in SQL and in Java")
    void sqlCountsAsJava() {
        List<CallRecord> calls = new ArrayList<>();
        List<Instant> wraps = new ArrayList<>();
        int n = 0;
        for (int wait : new int[]{0, 3, 20, 21, 95}) {
            calls.add(call("a" + n++, MORNING.plusSeconds(60L * n), CallDisposition.ANSWERED, wait, 100 + wait, wait % 2 == 0 ? 0 : 15, "hotline"));
            wraps.add(null);
            calls.add(call("w" + n++, MORNING.plusSeconds(60L * n), CallDisposition.ANSWERED, wait, 80, 5, "hotline"));
            wraps.add(calls.getLast().endedAt().plusSeconds(wait * 10L));
            calls.add(call("s" + n++, MORNING.plusSeconds(60L * n), CallDisposition.ABANDONED, wait, null, null, "hotline"));
            wraps.add(null);
        }
        calls.add(call("notalk", MORNING.plusSeconds(7_000), CallDisposition.ANSWERED, 12, null, null, "complaints"));
        wraps.add(null);
        calls.add(call("missed", MORNING.plusSeconds(7_100), CallDisposition.MISSED, 300, null, null, "complaints"));
        wraps.add(null);
        calls.add(call("ivr", MORNING.plusSeconds(7_200), CallDisposition.IVR_COMPLETED, null, null, null, null));
        wraps.add(null);
        calls.add(call("yesterday", MORNING.minusSeconds(86_400), CallDisposition.ANSWERED, 4, 60, 0, "hotline"));
        wraps.add(null);
        for (int i = 0; i < calls.size(); i++) {
            store(calls.get(i), wraps.get(i));
        }

        StoredDay stored = new DayReader(pool, SHANGHAI, RULES).read(DAY, NOW, Set.of("missed", "pending")).await();

        for (String queue : List.of("hotline", "complaints")) {
            QueueDay expected = QueueDay.EMPTY;
            for (int i = 0; i < calls.size(); i++) {
                CallRecord call = calls.get(i);
                if (queue.equals(call.queue()) && !call.uniqueid().equals("yesterday")) {
                    DayRules.QueuedCall queued = Today.queued(call);
                    expected = expected.plus(RULES.tally(new DayRules.QueuedCall(queued.queue(), queued.outcome(),
                            queued.waitSeconds(), queued.talkSeconds(), queued.holdSeconds(), queued.endedAt(),
                            wraps.get(i)), NOW));
                }
            }
            assertThat(stored.queues().get(queue)).as(queue).isEqualTo(expected);
        }
        assertThat(stored.queues().get("hotline").shortAbandoned()).isEqualTo(2);
        assertThat(stored.stored()).containsExactly("missed");
        assertThat(stored.callsPerHour()[10]).as("10:00-10:59").isEqualTo(15);
        assertThat(stored.callsPerHour()[11]).as("11:56 and 11:58").isEqualTo(2);
        assertThat(stored.callsPerHour()[12]).as("the IVR-only call at 12:00; yesterday's not counted").isEqualTo(1);
    }

    @Test
    @DisplayName("the usual calls per hour average the same weekday of the four weeks before, over the days that had calls")
    void usualWeekday() {
        LocalDate day = LocalDate.of(2026, 6, 10);
        Instant nine = day.atTime(9, 15).atZone(SHANGHAI).toInstant();
        store(call("u1", nine.minus(Duration.ofDays(7)), CallDisposition.ANSWERED, 5, 60, 0, "hotline"), null);
        store(call("u2", nine.minus(Duration.ofDays(7)), CallDisposition.ANSWERED, 5, 60, 0, "hotline"), null);
        store(call("u3", nine.minus(Duration.ofDays(14)), CallDisposition.ANSWERED, 5, 60, 0, "hotline"), null);
        store(call("other-weekday", nine.minus(Duration.ofDays(8)), CallDisposition.ANSWERED, 5, 60, 0, "hotline"), null);

        double[] usual = new DayReader(pool, SHANGHAI, RULES).usual(day).await();

        assertThat(usual[9]).isEqualTo(1.5);
        assertThat(usual[10]).isZero();
        assertThat(new DayReader(pool, SHANGHAI, RULES).usual(LocalDate.of(2026, 1, 7)).await()).isNull();
    }
}
