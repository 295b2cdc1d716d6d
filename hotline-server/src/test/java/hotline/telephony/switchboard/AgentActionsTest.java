package hotline.telephony.switchboard;

import hotline.App;
import hotline.auth.Role;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Agent log-in, pause and click-to-call over HTTP, checked on the AMI peer's side of the wire. */
class AgentActionsTest {

    private static AmiPeer peer;
    private static App app;
    private static ApiClient agent;

    @BeforeAll
    static void start() throws Exception {
        peer = new AmiPeer("hotline", "peer-secret").start();
        app = TestApp.start(new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1").put("port", peer.port())
                .put("user", "hotline").put("secret", "peer-secret")), Clock.systemUTC());
        agent = ApiClient.as(app, Role.AGENT);
        app.pool().preparedQuery("UPDATE users SET phone_interface = 'PJSIP/agent7' WHERE username = $1")
                .execute(Tuple.of(agent.user().getString("username"))).await();
        Await.until(app.telephony()::amiUp, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        app.close();
        peer.close();
    }

    /** The next action of the given name the peer received (earlier ones of other names are skipped). */
    private static Map<String, String> next(String action) throws InterruptedException {
        Map<String, String> seen = peer.nextAction(action, 2_000);
        if (seen != null) {
            return seen;
        }
        throw new AssertionError("the peer never received " + action);
    }

    @Test
    @DisplayName("an agent logs in to the queue, pauses for lunch and resumes: QueueAdd and QueuePause on their phone")
    void loginAndPause() throws Exception {
        // when the agent logs in
        assertThat(agent.post("/api/agent/queue", new JsonObject().put("action", "login")).status()).isEqualTo(202);
        // then Asterisk was asked to add their phone to the hotline queue
        Map<String, String> add = next("QueueAdd");
        assertThat(AmiPeer.header(add, "Queue")).isEqualTo("hotline");
        assertThat(AmiPeer.header(add, "Interface")).isEqualTo("PJSIP/agent7");

        // when they pause with a reason, then QueuePause carries it
        assertThat(agent.post("/api/agent/queue", new JsonObject().put("action", "pause").put("reason", "午餐")).status())
                .isEqualTo(202);
        Map<String, String> pause = next("QueuePause");
        assertThat(AmiPeer.header(pause, "Paused")).isEqualToIgnoringCase("true");
        assertThat(AmiPeer.header(pause, "Reason")).isEqualTo("午餐");
    }

    @Test
    @DisplayName("click-to-call rings the agent's phone first, then dials the number in hotline-agents, with the ticket")
    void clickToCall() throws Exception {
        ApiResponse response = agent.post("/api/calls/originate",
                new JsonObject().put("number", "13800138000").put("ticketNumber", "HL-20261123-000001"));

        assertThat(response.status()).isEqualTo(202);
        Map<String, String> originate = next("Originate");
        assertThat(AmiPeer.header(originate, "Channel")).isEqualTo("PJSIP/agent7");
        assertThat(AmiPeer.header(originate, "Context")).isEqualTo("hotline-agents");
        assertThat(AmiPeer.header(originate, "Exten")).isEqualTo("13800138000");
        assertThat(AmiPeer.header(originate, "Variable")).isEqualTo("HOTLINE_TICKET=HL-20261123-000001");
    }

    @Test
    @DisplayName("a bad number is a 400 naming the field; a user without a phone gets a 422 naming phoneInterface")
    void badInput() {
        ApiResponse bad = agent.post("/api/calls/originate", new JsonObject().put("number", "138; Hangup"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("number");

        ApiResponse noPhone = ApiClient.as(app, Role.AGENT).post("/api/agent/queue", new JsonObject().put("action", "login"));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.json().getString("field")).isEqualTo("phoneInterface");
    }
}
