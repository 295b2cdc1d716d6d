package hotline.telephony.switchboard.internal;

import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's figures as stored calls + calls finished but not seen stored + calls still going, each counted once. */
class TodayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final DayRules RULES = new DayRules(20, 5, Duration.ofSeconds(120));

    private final Today today = new Today(RULES, SHANGHAI, Clock.fixed(NOW, SHANGHAI));

    private static CallRecord answered(String uniqueid, Instant startedAt) {
        return new CallRecord(uniqueid, null, null, startedAt, startedAt.plusSeconds(10), startedAt.plusSeconds(70),
                null, "hotline", 10, 60, 0, "PJSIP/agent1", CallDisposition.ANSWERED, null, null, List.of(), null, null);
    }

    private static StoredDay stored(int answered, Set<String> found) {
        QueueDay day = new QueueDay(answered, answered, answered, 0, 0, 0, 10L * answered, 10L * answered, answered,
                60L * answered, 0, 0);
        int[] hours = new int[24];
        hours[9] = answered;
        return new StoredDay(LocalDate.of(2026, 11, 23), Map.of("hotline", day), hours, Map.of(), found);
    }

    private JsonObject hotline(List<CallTracker.OpenCall> open) {
        return today.queues(open, Set.of("hotline")).get("hotline");
    }

    @Test
    @DisplayName("a finished call counts as pending until a read finds it stored, then only there")
    void pendingUntilFound() {
        today.stored(stored(3, Set.of()));
        today.finished(answered("a", NOW.minusSeconds(100)));
        assertThat(hotline(List.of()).getInteger("answered")).isEqualTo(4);

        today.stored(stored(3, Set.of()));
        assertThat(hotline(List.of()).getInteger("answered")).as("not stored yet: still pending").isEqualTo(4);

        today.stored(stored(4, Set.of("a")));
        assertThat(hotline(List.of()).getInteger("answered")).isEqualTo(4);
        assertThat(today.pendingIds()).isEmpty();
    }

    @Test
    @DisplayName("a call still going counts in offered and, once answered, in answered; calls per hour count it in its hour")
    void openCalls() {
        today.stored(stored(2, Set.of()));
        Instant started = NOW;
        List<CallTracker.OpenCall> open = List.of(
                new CallTracker.OpenCall(started, new DayRules.QueuedCall("hotline", DayRules.Outcome.WAITING, null, null, null, null, null)),
                new CallTracker.OpenCall(started, new DayRules.QueuedCall("hotline", DayRules.Outcome.ANSWERED, 8, null, null, null, null)),
                new CallTracker.OpenCall(started, null));
        JsonObject day = hotline(open);
        assertThat(day.getInteger("offered")).isEqualTo(4);
        assertThat(day.getInteger("answered")).isEqualTo(3);
        assertThat(day.getInteger("handled")).isEqualTo(2);
        assertThat(today.callsPerHour(open).getJsonArray("today").getInteger(10)).as("10:00 in Shanghai").isEqualTo(3);
        assertThat(today.callsPerHour(open).getJsonArray("today").getInteger(9)).isEqualTo(2);
    }

    @Test
    @DisplayName("after midnight yesterday's stored figures and pending calls are not today's")
    void midnight() {
        Today yesterday = new Today(RULES, SHANGHAI, Clock.fixed(Instant.parse("2026-11-23T16:00:01Z"), SHANGHAI));
        yesterday.stored(stored(5, Set.of()));
        yesterday.finished(answered("late", Instant.parse("2026-11-23T15:59:00Z")));
        assertThat(yesterday.queues(List.of(), Set.of("hotline")).get("hotline").getInteger("offered")).isZero();
        assertThat(yesterday.callsPerHour(List.of()).getString("day")).isEqualTo("2026-11-24");
    }
}
