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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three clustered server processes behind nginx with the shipped configuration: what Asterisk tells one reaches a
 * browser on another, an agent's action on another reaches Asterisk, and nginx hands the browser's address on as the
 * servers' {@code http.trustedProxies} expects.
 */
class BehindNginxProcessTest {

    private static final String AGENT_PASSWORD = "lantern-pebble-orchard-41";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SeveralInstances site;
    private final List<EventStream> streams = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        site = SeveralInstances.start(3, Map.of());
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @AfterEach
    void hangUp() {
        streams.forEach(EventStream::close);
    }

    @Test
    @DisplayName("a call through the Asterisk linked to A pops within 1 s (on cores of its own) in agent1's browser on C, "
            + "through nginx, and in nobody else's; agent1's pause from C reaches Asterisk through A")
    void popAndPauseCrossTheCluster() throws Exception {
        // given three clustered instances behind nginx, A holding the AMI link
        ServerProcess holder = site.amiHolder().orElseThrow();
        SiteClient admin = SiteClient.login(HTTP, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
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

    @Test
    @DisplayName("behind nginx the log-in limits count the browser's own address: not the proxy's, nor one the browser "
            + "wrote into X-Forwarded-For itself")
    void clientAddressAsNginxSawIt() throws Exception {
        // given a browser on 127.0.0.2 (any 127.x is this machine) that claims to be 203.0.113.9
        byte[] body = new JsonObject().put("username", "admin").put("password", ServerProcess.ADMIN_PASSWORD).encode()
                .getBytes(StandardCharsets.UTF_8);
        String status;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", site.nginx().port()), 2_000);
            socket.setSoTimeout(10_000);
            // when it logs in through nginx
            socket.getOutputStream().write(("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + site.nginx().port()
                    + "\r\nX-Forwarded-For: 203.0.113.9\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }

        // then the instance that answered remembers the log-in from 127.0.0.2, the address nginx saw
        assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        assertThat(site.count("SELECT count(*) FROM login_addresses WHERE username = 'admin' AND address = ?",
                "127.0.0.2")).isEqualTo(1);
        assertThat(site.count("SELECT count(*) FROM login_addresses WHERE address = ?", "203.0.113.9")).isZero();
    }

    /** A new agent with a desk phone, signed in through nginx. */
    private SiteClient agent(SiteClient admin, String username, String phone) throws Exception {
        SiteClient.Reply created = admin.post(site.uri("/api/users"), new JsonObject().put("username", username)
                .put("role", "agent").put("password", AGENT_PASSWORD).put("phoneInterface", phone));
        assertThat(created.status()).as(created.json().encode()).isEqualTo(201);
        return SiteClient.login(HTTP, site.uri("/"), username, AGENT_PASSWORD);
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
        EventStream stream = EventStream.open(HTTP, site.uri("/console/events"), user.token());
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
