package hotline.telephony.ivr.internal;

import hotline.telephony.ivr.FakeIvrServices;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The interpreter alone, against a scripted channel: no network, no Asterisk. */
class IvrInterpreterTest {

    private static final IvrFlow FLOW = IvrFlows.load(List.of("ivr"), null, IvrSounds.load(null)).get("ivr");

    /** Answers GET DATA from a list of key presses ("hangup" hangs up); records what the IVR did. */
    private static final class ScriptedChannel implements IvrChannel {
        final Deque<String> keys;
        final String callerId;
        final List<String> played = new ArrayList<>();
        final Map<String, String> variables = new LinkedHashMap<>();
        boolean hungUp;

        ScriptedChannel(String callerId, String... keys) {
            this.callerId = callerId;
            this.keys = new ArrayDeque<>(List.of(keys));
        }

        @Override
        public String uniqueid() {
            return "1700000000.1";
        }

        @Override
        public String callerId() {
            return callerId;
        }

        @Override
        public String getData(String sound, int timeoutMs, int maxDigits) {
            played.add(sound);
            String key = keys.isEmpty() ? "hangup" : keys.poll();
            if (key.equals("hangup")) {
                throw new CallerHungUpException();
            }
            return key;
        }

        @Override
        public void play(String sound) {
            played.add(sound);
        }

        @Override
        public String language() {
            return "zh";
        }

        @Override
        public void sayDigits(String digits) {
            played.add("digits:" + digits);
        }

        @Override
        public void sayNumber(long number) {
            played.add("number:" + number);
        }

        @Override
        public void sayDateTime(long epochSecond, String format) {
            played.add("date:" + epochSecond + ":" + format);
        }

        @Override
        public void setVariable(String name, String value) {
            variables.put(name, value);
        }

        @Override
        public void hangup() {
            hungUp = true;
        }
    }

    @Test
    @DisplayName("a failing ticket service sends the caller to an agent with an apology, not into silence")
    void serviceFailure() {
        FakeIvrServices services = new FakeIvrServices() {
            @Override
            public Future<String> createRepair(hotline.telephony.ivr.RepairReport report) {
                return Future.failedFuture("database down");
            }
        };
        ScriptedChannel channel = new ScriptedChannel(FakeIvrServices.WANG_PHONE, "1", "1", "2", "2", "1", "1");

        IvrResult result = new IvrInterpreter(FLOW, services, new hotline.telephony.ivr.FakeCallbackDesk(), Duration.ofSeconds(1)).run(channel);

        assertThat(result.ending()).isEqualTo(IvrResult.Ending.TO_QUEUE);
        assertThat(channel.played).contains("hotline/sorry-error");
        assertThat(channel.variables).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
    }

    @Test
    @DisplayName("a service slower than the timeout counts as failed and the call goes on")
    void serviceTimeout() {
        FakeIvrServices services = new FakeIvrServices() {
            @Override
            public Future<java.util.Optional<hotline.telephony.ivr.IvrCustomer>> customerByPhone(String phone) {
                return io.vertx.core.Promise.<java.util.Optional<hotline.telephony.ivr.IvrCustomer>>promise().future();
            }
        };
        ScriptedChannel channel = new ScriptedChannel(FakeIvrServices.WANG_PHONE, "0");

        IvrResult result = new IvrInterpreter(FLOW, services, new hotline.telephony.ivr.FakeCallbackDesk(), Duration.ofMillis(50)).run(channel);

        assertThat(result.path()).startsWith("identify", "who_are_you", "agent");
    }

    @Test
    @DisplayName("a hang-up ends the run with the path so far, creates nothing and leaves on the call what was learnt")
    void hangUp() {
        FakeIvrServices services = new FakeIvrServices();
        ScriptedChannel channel = new ScriptedChannel(FakeIvrServices.WANG_PHONE, "1", "hangup");

        IvrResult result = new IvrInterpreter(FLOW, services, new hotline.telephony.ivr.FakeCallbackDesk(), Duration.ofSeconds(1)).run(channel);

        assertThat(result.ending()).isEqualTo(IvrResult.Ending.CALLER_HUNG_UP);
        assertThat(result.path()).containsExactly("identify", "planned_outage", "known_incidents", "main_menu",
                "leak_category");
        assertThat(services.repairs).isEmpty();
        assertThat(channel.variables).containsEntry("HOTLINE_CUSTOMER_ID", "7")
                .containsEntry("HOTLINE_IVR_PATH", "identify>planned_outage>known_incidents>main_menu>leak_category")
                .doesNotContainKey("HOTLINE_IVR_ENDING");
    }

    @Test
    @DisplayName("queue priority: key customers and critical facilities first, urgency one step up")
    void priority() {
        assertThat(QueuePriority.of(hotline.customer.Tier.KEY, true, true)).isEqualTo(10);
        assertThat(QueuePriority.of(hotline.customer.Tier.SMALL, false, false)).isEqualTo(1);
        assertThat(QueuePriority.of(null, false, true)).isEqualTo(3);
    }
}
