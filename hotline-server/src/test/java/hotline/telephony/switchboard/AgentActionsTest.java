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

/**
 * Agent log-in, pause and click-to-call over HTTP, and a supervisor's pause of an agent, checked on the AMI peer's side
 * of the wire.
 */
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
        // and the queue board shows the reason Asterisk reports back (QueueMemberPause)
        Await.until(() -> "午餐".equals(member(agent.get("/api/queues").json(), "PJSIP/agent7").getString("pausedReason")),
                Duration.ofSeconds(10));
        assertThat(member(agent.get("/api/queues").json(), "PJSIP/agent7").getString("state")).isEqualTo("paused");
    }

    private static JsonObject member(JsonObject board, String phone) {
        return board.getJsonArray("queues").stream().map(JsonObject.class::cast)
                .flatMap(queue -> queue.getJsonArray("members").stream().map(JsonObject.class::cast))
                .filter(member -> phone.equals(member.getString("interface"))).findFirst().orElse(new JsonObject());
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

    @Test
    @DisplayName("a supervisor pauses an agent with a reason: QueuePause on the agent's phone carries it; who, whom and why are recorded")
    void supervisorPausesAnAgent() throws Exception {
        ApiClient supervisor = ApiClient.as(app, Role.SUPERVISOR);
        long agentId = agent.user().getLong("id");

        ApiResponse paused = supervisor.post("/api/agents/" + agentId + "/queue",
                new JsonObject().put("action", "pause").put("reason", " 支援东区爆管回访 "));

        assertThat(paused.status()).isEqualTo(202);
        Map<String, String> pause = next("QueuePause");
        assertThat(AmiPeer.header(pause, "Interface")).isEqualTo("PJSIP/agent7");
        assertThat(AmiPeer.header(pause, "Paused")).isEqualToIgnoringCase("true");
        assertThat(AmiPeer.header(pause, "Reason")).isEqualTo("支援东区爆管回访");
        var recorded = app.pool().preparedQuery("SELECT action, reason, by_user_id FROM agent_queue_interventions "
                + "WHERE agent_user_id = $1").execute(Tuple.of(agentId)).await().iterator().next();
        assertThat(recorded.getString("action")).isEqualTo("pause");
        assertThat(recorded.getString("reason")).isEqualTo("支援东区爆管回访");
        assertThat(recorded.getLong("by_user_id")).isEqualTo(supervisor.user().getLong("id"));
    }

    @Test
    @DisplayName("a pause reason is one line (an AMI header): a line break is a 400 naming reason, for the agent's own pause and a supervisor's; an agent may not pause another (403)")
    void pauseReasonsAreOneLine() throws Exception {
        ApiClient supervisor = ApiClient.as(app, Role.SUPERVISOR);
        String path = "/api/agents/" + agent.user().getLong("id") + "/queue";

        ApiResponse own = agent.post("/api/agent/queue",
                new JsonObject().put("action", "pause").put("reason", "午餐\r\nAction: Originate"));
        ApiResponse supervised = supervisor.post(path,
                new JsonObject().put("action", "pause").put("reason", "支援\nAction: QueueRemove"));
        ApiResponse blank = supervisor.post(path, new JsonObject().put("action", "pause").put("reason", "   "));
        ApiResponse byAnAgent = agent.post(path, new JsonObject().put("action", "pause").put("reason", "支援"));
        ApiResponse nobody = supervisor.post("/api/agents/999999/queue",
                new JsonObject().put("action", "pause").put("reason", "支援"));
        ApiResponse noPhone = supervisor.post("/api/agents/" + supervisor.user().getLong("id") + "/queue",
                new JsonObject().put("action", "logout").put("reason", "下班"));

        for (ApiResponse refused : new ApiResponse[]{own, supervised, blank}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("reason");
        }
        assertThat(byAnAgent.status()).isEqualTo(403);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.json().getString("field")).isEqualTo("userId");
        for (Map<String, String> sent; (sent = peer.nextAction(500)) != null; ) {
            assertThat(AmiPeer.header(sent, "Action")).as("nothing reached Asterisk").isNotIn("QueuePause", "QueueRemove");
        }
    }
}
