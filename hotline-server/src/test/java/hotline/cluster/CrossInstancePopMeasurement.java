package hotline.cluster;

import hotline.App;
import hotline.console.Calls;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.Await;
import hotline.testing.LiveEvents;
import hotline.testing.TestCluster;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures (prints, asserts no timing) how long a screen pop takes from the AMI event to the agent's live stream, when
 * her browser is connected to the instance holding the AMI link and when it is connected to the other one of a
 * two-instance cluster: from the AMI test peer writing the AgentConnect to this client reading the SSE event (one
 * JVM, one clock). The path: AMI link → switchboard (pop published at once) → the clustered event bus → the stream's
 * consumer draws the caller card (database reads) → SSE. Calls come one at a time, 0–50 ms apart, alternately to an agent on
 * each instance. Not part of the
 * suite (no {@code Test} suffix): {@code mvn test -Dtest=CrossInstancePopMeasurement [-Dpops.events=200]}.
 */
class CrossInstancePopMeasurement {

    private static final String SECRET = "pop-latency-secret";
    private static final int WARM_UP = 20;

    @Test
    @DisplayName("prints p50/p90/p99/max of the screen pop on the holder's and on the other instance, with the load average")
    void measure() throws Exception {
        int events = Integer.getInteger("pops.events", 200);
        try (AmiPeer peer = new AmiPeer("hotline", SECRET).start();
             TestCluster cluster = TestCluster.start(2, new JsonObject().put("ami", new JsonObject()
                     .put("host", "127.0.0.1").put("port", peer.port()).put("user", "hotline").put("secret", SECRET)),
                     TestDatabase.fresh())) {
            Await.until(() -> cluster.apps().stream().anyMatch(app -> app.telephony().amiUp()), Duration.ofSeconds(20));
            App holder = cluster.apps().stream().filter(app -> app.telephony().amiUp()).findFirst().orElseThrow();
            App other = cluster.apps().stream().filter(app -> app != holder).findFirst().orElseThrow();
            long[][] micros = measure(peer, holder, other, events);
            System.out.printf("%nScreen pop, AMI event -> SSE event, %d pops each (load average %.1f, %d cores)%n",
                    events, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            print("browser on the AMI holder ", micros[0]);
            print("browser on the other      ", micros[1]);
        }
    }

    /** Pops alternately on the holder's and on the other instance's stream, so both see the same warm-up and load. */
    private static long[][] measure(AmiPeer peer, App holder, App other, int events) throws Exception {
        List<App> apps = List.of(holder, other);
        List<String> phones = List.of("PJSIP/agent-local", "PJSIP/agent-remote");
        Calls calls = new Calls(peer);
        Random random = new Random(7);
        long[][] micros = new long[2][events];
        List<LiveEvents> streams = new ArrayList<>();
        try {
            for (int side = 0; side < 2; side++) {
                streams.add(LiveEvents.open(apps.get(side), ClusteredTelephonyTest.agentWithPhone(apps.get(side),
                        phones.get(side))));
            }
            for (int i = -WARM_UP; i < events; i++) {
                for (int side = 0; side < 2; side++) {
                    Thread.sleep(random.nextInt(50));
                    long sent = System.nanoTime();
                    String uid = calls.answered("13800138000", null, phones.get(side));
                    LiveEvents.Event pop = streams.get(side).nextContaining("call-" + uid, Duration.ofSeconds(5));
                    if (pop == null) {
                        throw new AssertionError("no pop for call " + uid);
                    }
                    if (i >= 0) {
                        micros[side][i] = (pop.receivedNanos() - sent) / 1_000;
                    }
                    calls.hangUp(uid, "13800138000", phones.get(side));
                }
            }
        } finally {
            streams.forEach(LiveEvents::close);
        }
        Arrays.sort(micros[0]);
        Arrays.sort(micros[1]);
        return micros;
    }

    private static void print(String label, long[] sorted) {
        System.out.printf("  %s p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n", label,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }
}
