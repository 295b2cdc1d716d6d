package hotline.console;

import hotline.App;
import hotline.auth.Role;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;

/**
 * Measures (prints, asserts no timing) how long an AMI event takes to show on the wallboard in a headless Chromium:
 * from the AMI test peer writing a caller's QueueCallerJoin or QueueCallerAbandon to the board redrawn with the new
 * number of calls waiting ({@code data-wb-drawn-at}, which wallboard.js sets when the live fragment is swapped in; the
 * same machine's wall clock on both sides). The path: AMI link → switchboard (board published at most every 100 ms) →
 * the supervisor's stream (at most once a second) renders the wallboard's fragments → SSE → htmx swap. Events come at
 * random moments 0–2 s apart, as calls do, so the once-a-second throttle adds what it adds in use. Not part of the
 * suite (no {@code Test} suffix): {@code mvn test -Dtest=WallboardLatencyMeasurement [-Dwallboard.events=100]}.
 */
class WallboardLatencyMeasurement {

    private static final String SECRET = "ami-latency-secret";
    private static final int WARM_UP = 5;
    /** Resolves with the redraw time once the board shows {@code arguments[0]} calls waiting; polls every 5 ms. */
    private static final String REDRAWN_WITH = """
            const expected = String(arguments[0]);
            const done = arguments[arguments.length - 1];
            (function poll() {
              const tile = document.querySelector('#wb-waiting-hotline .tile-value');
              if (tile && tile.textContent.trim() === expected) done(Number(document.documentElement.dataset.wbDrawnAt));
              else setTimeout(poll, 5);
            })();""";

    @Test
    @DisplayName("prints p50/p90/p99/max from an AMI event to the wallboard redrawn in Chromium, with the load average")
    void measure() throws Exception {
        int events = Integer.getInteger("wallboard.events", 100);
        try (AmiPeer peer = new AmiPeer("hotline", SECRET).start()) {
            App app = TestApp.start(new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1")
                    .put("port", peer.port()).put("user", "hotline").put("secret", SECRET)), Clock.systemUTC(),
                    TestDatabase.fresh(), false);
            try (Browser browser = new Browser(app.httpPort())) {
                Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(20));
                String supervisor = ApiClient.as(app, Role.SUPERVISOR).user().getString("username");
                browser.logIn(supervisor, ApiClient.PASSWORD);
                browser.waitFor(() -> browser.path().equals("/desk"), Duration.ofSeconds(30));
                browser.open("/supervisor");
                browser.waitFor(() -> "up".equals(browser.find("#conn").getDomAttribute("data-state")),
                        Duration.ofSeconds(30));
                browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
                String loadBefore = loadAverage();

                Calls calls = new Calls(peer);
                Deque<String[]> waiting = new ArrayDeque<>(); // uniqueid and caller number of the call waiting
                Random pauses = new Random(13);
                long[] latencies = new long[events];
                for (int i = -WARM_UP; i < events; i++) {
                    Thread.sleep(pauses.nextInt(2_000));
                    String caller = String.format("1390000%04d", i + WARM_UP);
                    long sent = System.currentTimeMillis();
                    if (waiting.isEmpty()) {
                        waiting.push(new String[]{calls.queued(caller, null), caller});
                    } else {
                        String[] call = waiting.pop();
                        calls.abandon(call[0], call[1], 30);
                    }
                    long drawn = ((Number) browser.driver.executeAsyncScript(REDRAWN_WITH, waiting.size())).longValue();
                    if (i >= 0) {
                        latencies[i] = drawn - sent;
                    }
                }

                Arrays.sort(latencies);
                System.out.printf("AMI event → wallboard redrawn in Chromium, %d events after %d warm-up (ms): "
                                + "min %d, p50 %d, p90 %d, p99 %d, max %d; load average %s before, %s after%n", events,
                        WARM_UP, latencies[0], rank(latencies, 50), rank(latencies, 90), rank(latencies, 99),
                        latencies[events - 1],
                        loadBefore, loadAverage());
            } finally {
                app.close();
            }
        }
    }

    /** The nearest-rank percentile of sorted {@code values}. */
    private static long rank(long[] values, int percentile) {
        return values[Math.max(0, (int) Math.ceil(values.length * percentile / 100.0) - 1)];
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
