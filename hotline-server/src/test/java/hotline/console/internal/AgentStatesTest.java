package hotline.console.internal;

import hotline.testing.MovableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T20:00:00Z"));
    private final AgentStates states = new AgentStates(clock);

    private static JsonObject board(String... phoneStates) {
        JsonArray members = new JsonArray();
        for (int i = 0; i < phoneStates.length; i += 2) {
            members.add(new JsonObject().put("interface", phoneStates[i]).put("state", phoneStates[i + 1]));
        }
        return new JsonObject().put("queues", new JsonArray().add(new JsonObject().put("members", members)
                .put("waiting", new JsonArray())));
    }

    @Test
    @DisplayName("a phone the board has not reported counts as logged out from the first look, not from zero forever")
    void unreportedPhoneCountsFromFirstLook() {
        Instant first = states.of("PJSIP/agent1").since();
        clock.advance(Duration.ofSeconds(75));

        assertThat(states.of("PJSIP/agent1").state()).isEqualTo(AgentStates.LOGGED_OUT);
        assertThat(states.of("PJSIP/agent1").since()).isEqualTo(first);
        assertThat(states.elapsedText(first)).isEqualTo("00:01:15");
    }

    @Test
    @DisplayName("a state keeps its start while the board repeats it, and a phone that left the board is logged out since then")
    void stateStartsWhenItChanges() {
        states.update(board("PJSIP/agent1", "available"));
        Instant readySince = clock.instant();
        clock.advance(Duration.ofMinutes(3));
        states.update(board("PJSIP/agent1", "available"));
        assertThat(states.of("PJSIP/agent1").since()).isEqualTo(readySince);

        clock.advance(Duration.ofMinutes(1));
        states.update(board());

        assertThat(states.of("PJSIP/agent1").state()).isEqualTo(AgentStates.LOGGED_OUT);
        assertThat(states.of("PJSIP/agent1").since()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("a user without a phone has no time in state")
    void noPhoneNoTime() {
        assertThat(states.of(null).since()).isNull();
    }
}
