package hotline.telephony.ami;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedCallsTest {

    private final List<JsonObject> sent = new ArrayList<>();
    private final SimulatedCalls calls = new SimulatedCalls(sent::add, Clock.systemUTC());

    @Test
    @DisplayName("a simulated call is the AMI messages of a real one: channel, IVR variables, queue, agent connected")
    void callIsAmiMessages() {
        String uid = calls.call("13800001111", "PJSIP/agent1",
                new SimulatedCalls.IvrFindings(42L, "identify>main_menu>agent", "repair", null, null));

        assertThat(sent).extracting(m -> m.getString("type")).containsExactly(AmiEvents.NEW_CHANNEL, AmiEvents.VAR_SET,
                AmiEvents.VAR_SET, AmiEvents.VAR_SET, AmiEvents.QUEUE_JOIN, AmiEvents.AGENT_CONNECT);
        assertThat(sent).allSatisfy(m -> assertThat(m.getString("uniqueid")).isEqualTo(uid));
        assertThat(sent.getFirst().getString("callerNumber")).isEqualTo("13800001111");
        assertThat(sent.get(1).getString("value")).isEqualTo("42");
        assertThat(sent.getLast().getString("interface")).isEqualTo("PJSIP/agent1");
        assertThat(sent.getLast().getLong("nanos")).isNotNull();
    }

    @Test
    @DisplayName("hanging up ends the agent's simulated call once; a phone without one has nothing to end")
    void hangUpOnce() {
        String uid = calls.call("13800001111", "PJSIP/agent1", new SimulatedCalls.IvrFindings(null, null, null, null, null));
        sent.clear();

        assertThat(calls.hangUp("PJSIP/agent1")).isTrue();
        assertThat(sent).extracting(m -> m.getString("type")).containsExactly(AmiEvents.AGENT_COMPLETE, AmiEvents.HANGUP);
        assertThat(sent.getFirst().getString("uniqueid")).isEqualTo(uid);
        assertThat(calls.hangUp("PJSIP/agent1")).isFalse();
    }

    @Test
    @DisplayName("a caller number that is not digits is refused naming the field")
    void badNumberRefused() {
        assertThatThrownBy(() -> calls.call("12ab", "PJSIP/agent1", new SimulatedCalls.IvrFindings(null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("callerNumber"));
        assertThat(sent).isEmpty();
    }
}
