package hotline.telephony.switchboard.internal;

import hotline.telephony.ami.AmiEvents;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueueBoardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static JsonObject event(String type, String... keyValues) {
        JsonObject json = new JsonObject().put("type", type).put("queue", "hotline");
        for (int i = 0; i < keyValues.length; i += 2) {
            json.put(keyValues[i], keyValues[i + 1].matches("-?\\d+") ? (Object) Integer.valueOf(keyValues[i + 1]) : keyValues[i + 1]);
        }
        return json;
    }

    private static JsonObject hotline(QueueBoard board) {
        return board.snapshot().getJsonArray("queues").getJsonObject(0);
    }

    @Test
    @DisplayName("today's figures: service level counts answers within 20 s over answered plus abandoned")
    void figures() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, SHANGHAI, 20, Duration.ofSeconds(15));

        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "1"));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "2"));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "3"));
        board.apply(event(AmiEvents.AGENT_CONNECT, "uniqueid", "1", "interface", "PJSIP/agent1", "holdTime", "10"));
        board.apply(event(AmiEvents.AGENT_CONNECT, "uniqueid", "2", "interface", "PJSIP/agent2", "holdTime", "30"));
        board.apply(event(AmiEvents.QUEUE_ABANDON, "uniqueid", "3", "holdTime", "50"));
        board.apply(event(AmiEvents.AGENT_COMPLETE, "uniqueid", "1", "interface", "PJSIP/agent1", "talkTime", "100"));

        JsonObject today = hotline(board).getJsonObject("today");
        assertThat(today.getInteger("offered")).isEqualTo(3);
        assertThat(today.getInteger("answered")).isEqualTo(2);
        assertThat(today.getInteger("abandoned")).isEqualTo(1);
        assertThat(today.getDouble("serviceLevel")).isEqualTo(33.3);
        assertThat(today.getDouble("averageWaitSeconds")).isEqualTo(30.0);
        assertThat(today.getDouble("averageHandleSeconds")).isEqualTo(100.0);
        assertThat(hotline(board).getJsonArray("waiting")).isEmpty();
    }

    @Test
    @DisplayName("a snapshot read later counts each caller's wait to the moment it is read, not to when it was published")
    void liveWait() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, SHANGHAI, 20, Duration.ofSeconds(15));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "1"));
        JsonObject published = board.snapshot();

        clock.now = clock.now.plusSeconds(5);
        JsonObject live = board.live(published);

        JsonObject waiting = live.getJsonArray("queues").getJsonObject(0).getJsonArray("waiting").getJsonObject(0);
        assertThat(waiting.getLong("waitSeconds")).isEqualTo(5);
        assertThat(waiting.getString("joinedAt")).isEqualTo("2026-11-23T02:00:00Z");
        assertThat(live.getString("at")).isEqualTo("2026-11-23T02:00:05Z");
        assertThat(published.getJsonArray("queues").getJsonObject(0).getJsonArray("waiting").getJsonObject(0)
                .getLong("waitSeconds")).as("the published snapshot is left as it was").isZero();
    }

    @Test
    @DisplayName("member states: in call, wrap-up for the wrap-up time, paused with its reason, logged out")
    void memberStates() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, SHANGHAI, 20, Duration.ofSeconds(15));

        board.apply(event(AmiEvents.MEMBER, "interface", "PJSIP/agent1", "name", "李娜", "status", "1"));
        board.apply(event(AmiEvents.AGENT_CONNECT, "uniqueid", "1", "interface", "PJSIP/agent1", "holdTime", "3"));
        assertThat(state(board, 0)).isEqualTo("in_call");
        board.apply(event(AmiEvents.AGENT_COMPLETE, "uniqueid", "1", "interface", "PJSIP/agent1", "talkTime", "60"));
        assertThat(state(board, 0)).isEqualTo("wrap_up");
        clock.now = clock.now.plusSeconds(16);
        assertThat(state(board, 0)).isEqualTo("available");
        board.apply(event(AmiEvents.MEMBER, "interface", "PJSIP/agent1").put("paused", true).put("pausedReason", "午餐"));
        assertThat(hotline(board).getJsonArray("members").getJsonObject(0).getString("pausedReason")).isEqualTo("午餐");
        board.apply(event(AmiEvents.MEMBER_REMOVED, "interface", "PJSIP/agent1"));
        assertThat(state(board, 0)).isEqualTo("logged_out");
    }

    @Test
    @DisplayName("the figures start again at midnight in the hotline's time zone, and a resync keeps calls joined since")
    void midnightAndResync() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, SHANGHAI, 20, Duration.ofSeconds(15));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "1"));
        clock.now = clock.now.plusSeconds(1);
        Instant asked = clock.now;
        clock.now = clock.now.plusSeconds(1);
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "2"));

        board.resync(List.of(event(AmiEvents.ENTRY, "uniqueid", "9", "wait", "40")), asked);
        assertThat(hotline(board).getJsonArray("waiting").stream().map(w -> ((JsonObject) w).getString("uniqueid")))
                .containsExactlyInAnyOrder("2", "9");

        clock.now = Instant.parse("2026-11-23T16:00:01Z");
        assertThat(hotline(board).getJsonObject("today").getInteger("offered")).isZero();
    }

    private static String state(QueueBoard board, int index) {
        return hotline(board).getJsonArray("members").getJsonObject(index).getString("state");
    }
}
