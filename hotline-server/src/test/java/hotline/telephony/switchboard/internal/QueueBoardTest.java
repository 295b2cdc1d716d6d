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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The live queue board: waiting calls, members' states since when, current calls; fed with AMI messages. */
class QueueBoardTest {

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
        return board.snapshot(Map.of()).getJsonArray("queues").getJsonObject(0);
    }

    @Test
    @DisplayName("a snapshot read later counts each caller's wait to the moment it is read, not to when it was published")
    void liveWait() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, "hotline", Duration.ofSeconds(15));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "1"));
        JsonObject published = board.snapshot(Map.of());

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
        QueueBoard board = new QueueBoard(clock, "hotline", Duration.ofSeconds(15));

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
    @DisplayName("a resync keeps the calls joined since it was asked for, and a member's time in an unchanged state")
    void resync() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, "hotline", Duration.ofSeconds(15));
        board.apply(event(AmiEvents.MEMBER, "interface", "PJSIP/agent1", "status", "1"));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "1"));
        clock.now = clock.now.plusSeconds(1);
        Instant asked = clock.now;
        clock.now = clock.now.plusSeconds(1);
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "2"));

        board.resync(List.of(event(AmiEvents.ENTRY, "uniqueid", "9", "wait", "40"),
                event(AmiEvents.MEMBER, "interface", "PJSIP/agent1", "status", "1")), asked);

        assertThat(hotline(board).getJsonArray("waiting").stream().map(w -> ((JsonObject) w).getString("uniqueid")))
                .containsExactlyInAnyOrder("2", "9");
        assertThat(member(board).getString("since")).isEqualTo("2026-11-23T02:00:00Z");
    }

    @Test
    @DisplayName("a member's state carries since when, and their current call while connected")
    void sinceAndCurrentCall() {
        MovableClock clock = new MovableClock();
        QueueBoard board = new QueueBoard(clock, "hotline", Duration.ofSeconds(15));
        board.apply(event(AmiEvents.MEMBER, "interface", "PJSIP/agent1", "status", "1"));
        board.apply(event(AmiEvents.QUEUE_JOIN, "uniqueid", "7").put("callerNumber", "13800138000"));
        clock.now = clock.now.plusSeconds(30);
        board.apply(event(AmiEvents.AGENT_CONNECT, "uniqueid", "7", "interface", "PJSIP/agent1", "holdTime", "30"));

        JsonObject inCall = member(board);
        assertThat(inCall.getString("since")).isEqualTo("2026-11-23T02:00:30Z");
        assertThat(inCall.getJsonObject("call").getString("callerNumber")).isEqualTo("13800138000");
        assertThat(inCall.getJsonObject("call").getString("answeredAt")).isEqualTo("2026-11-23T02:00:30Z");

        clock.now = clock.now.plusSeconds(60);
        board.apply(event(AmiEvents.AGENT_COMPLETE, "uniqueid", "7", "interface", "PJSIP/agent1", "talkTime", "60"));
        JsonObject published = board.snapshot(Map.of());
        clock.now = clock.now.plusSeconds(20);
        JsonObject after = board.live(published).getJsonArray("queues").getJsonObject(0).getJsonArray("members")
                .getJsonObject(0);
        assertThat(after.getString("state")).as("the wrap-up ran out between events").isEqualTo("available");
        assertThat(after.getString("since")).isEqualTo("2026-11-23T02:01:45Z");
        assertThat(after.containsKey("call")).isFalse();
    }

    @Test
    @DisplayName("the agents' queue is on the board without any call, and a queue with figures but nothing live is too")
    void queuesOnTheBoard() {
        QueueBoard board = new QueueBoard(new MovableClock(), "hotline", Duration.ofSeconds(15));
        JsonObject snapshot = board.snapshot(Map.of("complaints", new JsonObject().put("offered", 3)));
        assertThat(snapshot.getJsonArray("queues").stream().map(q -> ((JsonObject) q).getString("name")))
                .containsExactly("complaints", "hotline");
        assertThat(snapshot.getJsonArray("queues").getJsonObject(0).getJsonObject("today").getInteger("offered")).isEqualTo(3);
    }

    private static JsonObject member(QueueBoard board) {
        return hotline(board).getJsonArray("members").getJsonObject(0);
    }

    private static String state(QueueBoard board, int index) {
        return hotline(board).getJsonArray("members").getJsonObject(index).getString("state");
    }
}
