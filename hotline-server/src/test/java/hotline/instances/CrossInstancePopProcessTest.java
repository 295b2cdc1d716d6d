package hotline.instances;

import hotline.console.Calls;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.Await;
import hotline.testing.EventStream;
import hotline.testing.MachineLoad;
import hotline.testing.ServerProcess;
import hotline.testing.SeveralInstances;
import hotline.testing.SiteClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Three clustered server processes behind nginx: what Asterisk tells one reaches a browser on another, and back. */
class CrossInstancePopProcessTest {

    private static final String AGENT_PASSWORD = "lantern-pebble-orchard-41";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<EventStream> streams = new ArrayList<>();
    private SeveralInstances site;

    @AfterEach
    void stop() throws Exception {
        streams.forEach(EventStream::close);
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("a call through the Asterisk linked to A pops within 1 s (on cores of its own) in agent1's browser on C, "
            + "through nginx, and in nobody else's; agent1's pause from C reaches Asterisk through A")
    void popAndPauseCrossTheCluster() throws Exception {
        // given three clustered instances behind nginx, A holding the AMI link
        site = SeveralInstances.start(3, Map.of());
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(15));
        ServerProcess holder = site.amiHolder().orElseThrow();
        SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
        SiteClient agent1 = agent(admin, "agent1", "PJSIP/agent1");
        SiteClient agent2 = agent(admin, "agent2", "PJSIP/agent2");
        // and agent1's browser connected through nginx to an instance C without the link, agent2's on every instance
        EventStream agent1OnC = streamAwayFrom(agent1, holder);
        List<EventStream> agent2Everywhere = new ArrayList<>();
        while (agent2Everywhere.stream().map(EventStream::instance).distinct().count() < 3 && agent2Everywhere.size() < 9) {
            agent2Everywhere.add(open(agent2));
        }
        for (EventStream stream : streams) {
            Await.until(() -> stream.events().stream().anyMatch(event -> event.name().equals("live")),
                    Duration.ofSeconds(5));
        }

        // when Asterisk connects a caller to agent1's phone
        long emitted = System.nanoTime();
        String uid = new Calls(site.peer()).answered("13800138000", null, "PJSIP/agent1");

        // then agent1's browser on C pops the card within 1 s
        Await.until(() -> popOf(agent1OnC, uid) != null, MachineLoad.stretch(Duration.ofSeconds(1)));
        System.out.printf("pop through the cluster and nginx after %d ms%n",
                (popOf(agent1OnC, uid).arrivedNanos() - emitted) / 1_000_000);
        // and no browser of agent2, on any instance, pops it
        Thread.sleep(300);
        assertThat(agent2Everywhere).allSatisfy(stream -> assertThat(popOf(stream, uid)).isNull());

        // when agent1 logs in to the queue and pauses from C (asked of C directly, where the browser's page is)
        while (site.peer().nextAction(50) != null) {
            // the link's own actions (log-in, resync)
        }
        ServerProcess c = serverOf(agent1OnC);
        assertThat(agent1.post(c.uri("/api/agent/queue"), new JsonObject().put("action", "login")).status())
                .isEqualTo(202);
        SiteClient.Reply paused = agent1.post(c.uri("/api/agent/queue"),
                new JsonObject().put("action", "pause").put("reason", "午餐"));

        // then Asterisk got the pause through A's link
        assertThat(paused.status()).as(paused.json().encode()).isEqualTo(202);
        Map<String, String> pause = site.peer().nextAction("QueuePause", 2_000);
        assertThat(pause).as("QueuePause at Asterisk").isNotNull();
        assertThat(AmiPeer.header(pause, "Interface")).isEqualTo("PJSIP/agent1");
        assertThat(AmiPeer.header(pause, "Reason")).isEqualTo("午餐");
    }

    /** A new agent with a desk phone, signed in through nginx. */
    private SiteClient agent(SiteClient admin, String username, String phone) throws Exception {
        SiteClient.Reply created = admin.post(site.uri("/api/users"), new JsonObject().put("username", username)
                .put("role", "agent").put("password", AGENT_PASSWORD).put("phoneInterface", phone));
        assertThat(created.status()).as(created.json().encode()).isEqualTo(201);
        return SiteClient.login(http, site.uri("/"), username, AGENT_PASSWORD);
    }

    /** The user's stream through nginx, opened again until nginx hands it to an instance other than {@code avoid}. */
    private EventStream streamAwayFrom(SiteClient user, ServerProcess avoid) throws Exception {
        for (int attempt = 0; attempt < 6; attempt++) {
            EventStream stream = open(user);
            if (!stream.instance().endsWith(":" + avoid.port())) {
                return stream;
            }
            streams.remove(stream);
            stream.close();
        }
        throw new AssertionError("nginx never chose another instance than " + avoid.name());
    }

    private EventStream open(SiteClient user) throws Exception {
        EventStream stream = EventStream.open(http, site.uri("/console/events"), user.token());
        assertThat(stream.status()).isEqualTo(200);
        streams.add(stream);
        return stream;
    }

    private ServerProcess serverOf(EventStream stream) {
        return site.servers().stream().filter(server -> stream.instance().endsWith(":" + server.port()))
                .findFirst().orElseThrow();
    }

    private static EventStream.Event popOf(EventStream stream, String uid) {
        return stream.events().stream().filter(event -> event.data().contains("call-" + uid)).findFirst().orElse(null);
    }
}
