package hotline.telephony.switchboard.internal;

import hotline.telephony.ami.AmiEvents;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallTrackerTest {

    private static long at = 1_795_000_000_000L;

    private static JsonObject event(String type, String uniqueid, String... keyValues) {
        JsonObject json = new JsonObject().put("type", type).put("uniqueid", uniqueid).put("linkedid", uniqueid)
                .put("at", at += 1000);
        for (int i = 0; i < keyValues.length; i += 2) {
            json.put(keyValues[i], keyValues[i + 1]);
        }
        return json;
    }

    @Test
    @DisplayName("a call the IVR finished is ivr_completed with its ticket; one it handed over and nobody took is missed")
    void ivrCompletedAndMissed() {
        CallTracker tracker = new CallTracker();
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "a", "callerNumber", "13800138000", "exten", "96655"));
        tracker.apply(event(AmiEvents.VAR_SET, "a", "variable", "HOTLINE_IVR_ENDING", "value", "completed"));
        tracker.apply(event(AmiEvents.VAR_SET, "a", "variable", "HOTLINE_TICKET", "value", "HL-20261123-000001"));
        CallRecord done = tracker.apply(event(AmiEvents.HANGUP, "a")).finished();

        assertThat(done.disposition()).isEqualTo(CallDisposition.IVR_COMPLETED);
        assertThat(done.ticketNumbers()).containsExactly("HL-20261123-000001");
        assertThat(done.calledNumber()).isEqualTo("96655");

        tracker.apply(event(AmiEvents.NEW_CHANNEL, "b"));
        tracker.apply(event(AmiEvents.QUEUE_JOIN, "b", "queue", "hotline"));
        tracker.apply(event(AmiEvents.QUEUE_LEAVE, "b", "queue", "hotline"));
        assertThat(tracker.apply(event(AmiEvents.HANGUP, "b")).finished().disposition()).isEqualTo(CallDisposition.MISSED);
    }

    @Test
    @DisplayName("a caller who hangs up in the IVR after it made their ticket is ivr_completed with ticket, customer and path")
    void hangUpAfterTicket() {
        CallTracker tracker = new CallTracker();
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "t"));
        tracker.apply(event(AmiEvents.VAR_SET, "t", "variable", "HOTLINE_CUSTOMER_ID", "value", "7"));
        tracker.apply(event(AmiEvents.VAR_SET, "t", "variable", "HOTLINE_IVR_PATH", "value", "identify>create"));
        tracker.apply(event(AmiEvents.VAR_SET, "t", "variable", "HOTLINE_TICKET", "value", "HL-20261123-000002"));
        tracker.apply(event(AmiEvents.VAR_SET, "t", "variable", "HOTLINE_IVR_PATH", "value", "identify>create>read_ticket"));

        CallRecord done = tracker.apply(event(AmiEvents.HANGUP, "t")).finished();

        assertThat(done.disposition()).isEqualTo(CallDisposition.IVR_COMPLETED);
        assertThat(done.ivrPath()).isEqualTo("identify>create>read_ticket");
        assertThat(done.customerId()).isEqualTo(7L);
        assertThat(done.ticketNumbers()).containsExactly("HL-20261123-000002");
    }

    @Test
    @DisplayName("the agent leg's hang-up does not end the call; only the caller's channel does")
    void agentLegHangup() {
        CallTracker tracker = new CallTracker();
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "c"));
        JsonObject agentLeg = event(AmiEvents.HANGUP, "c2").put("linkedid", "c");

        assertThat(tracker.apply(agentLeg).finished()).isNull();
        assertThat(tracker.liveCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("after a reconnect, calls Asterisk no longer has are finished, calls still live or newer are kept")
    void resync() {
        CallTracker tracker = new CallTracker();
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "gone"));
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "live"));
        Instant asked = Instant.ofEpochMilli(at + 500);
        tracker.apply(event(AmiEvents.NEW_CHANNEL, "newer"));

        var finished = tracker.resync(Set.of("live"), asked);

        assertThat(finished).extracting(CallRecord::uniqueid).containsExactly("gone");
        assertThat(finished.getFirst().disposition()).isEqualTo(CallDisposition.ABANDONED);
        assertThat(tracker.liveCalls()).isEqualTo(2);
    }
}
