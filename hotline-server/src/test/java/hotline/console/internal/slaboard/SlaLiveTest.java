package hotline.console.internal.slaboard;

import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.console.internal.Lang;
import hotline.console.internal.Templates;
import hotline.console.internal.Viewer;
import hotline.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SlaLiveTest {

    private final Vertx vertx = Vertx.vertx();
    private final SlaLive live = new SlaLive(vertx, user -> Future.succeededFuture(3L), new Templates());
    private final List<List<Map<String, String>>> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private static Viewer viewer(String username, Role role) {
        return new Viewer(new Principal(7, username, username, role), "token", Lang.EN);
    }

    private static List<String> targets(List<Map<String, String>> swaps) {
        return swaps.stream().map(swap -> swap.get("target")).toList();
    }

    /** Runs {@code action} on an event loop, as the stream's consumers do. */
    private void onLoop(Runnable action) {
        vertx.runOnContext(v -> action.run());
    }

    @Test
    @DisplayName("a supervisor's stream gets the badge on connect, then a scan's burst as one refresh at once and one "
            + "trailing refresh; the inbox only when something is addressed to them")
    void burstsAreThrottled() throws Exception {
        SlaLive.Feed feed = live.feed(viewer("lead", Role.SUPERVISOR), sent::add);
        onLoop(feed::start);
        Await.until(() -> sent.size() == 1, Duration.ofSeconds(5));
        assertThat(targets(sent.getFirst())).containsExactly("sla-badge");
        assertThat(sent.getFirst().getFirst().get("html")).contains(">3<").doesNotContain("hidden");

        onLoop(() -> {
            for (int i = 0; i < 50; i++) {
                feed.sla(new JsonObject().put("kind", "warning").put("to", i == 30 ? "lead" : null));
            }
        });
        Await.until(() -> sent.size() == 3, Duration.ofSeconds(5));
        Thread.sleep(2 * SlaLive.EVERY_MS);

        assertThat(sent).hasSize(3);
        assertThat(targets(sent.get(1))).containsExactly("sla-live");
        assertThat(targets(sent.get(2))).containsExactly("sla-live", "sla-inbox-live", "sla-badge");
        assertThat(sent.get(1).getFirst().get("html")).contains("hx-get=\"/supervisor/sla/rows\"")
                .contains("hx-trigger=\"load\"");
        onLoop(feed::close);
    }

    @Test
    @DisplayName("an escalation by hand may be anyone's: it refreshes the inbox; other ticket changes only the rows")
    void ticketChanges() throws Exception {
        SlaLive.Feed feed = live.feed(viewer("lead", Role.SUPERVISOR), sent::add);
        onLoop(() -> feed.ticket(new JsonObject().put("action", "vent")));
        Await.until(() -> sent.size() == 1, Duration.ofSeconds(5));
        Thread.sleep(2 * SlaLive.EVERY_MS);
        onLoop(() -> feed.ticket(new JsonObject().put("action", "escalate")));
        Await.until(() -> sent.size() == 2, Duration.ofSeconds(5));

        assertThat(targets(sent.get(0))).containsExactly("sla-live");
        assertThat(targets(sent.get(1))).containsExactly("sla-live", "sla-inbox-live", "sla-badge");
    }

    @Test
    @DisplayName("an agent's stream gets nothing of the board")
    void agentsGetNothing() throws Exception {
        SlaLive.Feed feed = live.feed(viewer("agent1", Role.AGENT), sent::add);
        onLoop(() -> {
            feed.start();
            feed.sla(new JsonObject().put("to", "agent1"));
            feed.ticket(new JsonObject().put("action", "escalate"));
        });
        Thread.sleep(2 * SlaLive.EVERY_MS);

        assertThat(sent).isEmpty();
    }
}
