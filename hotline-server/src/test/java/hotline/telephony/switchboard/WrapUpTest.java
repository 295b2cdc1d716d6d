package hotline.telephony.switchboard;

import hotline.App;
import hotline.auth.Role;
import hotline.telephony.peer.AgiPeer;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrap-up of answered calls and inquiries opened from a call, over HTTP. */
class WrapUpTest {

    private static App app;
    private static ApiClient agent;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        agent = ApiClient.as(app, Role.AGENT);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void answeredCall(String uniqueid) {
        app.pool().preparedQuery("INSERT INTO calls (uniqueid, caller_number, started_at, answered_at, ended_at, queue, "
                        + "wait_seconds, talk_seconds, agent_interface, disposition, created_at) VALUES ($1, '13800138000', "
                        + "now() - interval '3 minutes', now() - interval '2 minutes', now(), 'hotline', 12, 95, 'PJSIP/agent1', "
                        + "'answered', now())")
                .execute(Tuple.of(uniqueid)).await();
    }

    private static boolean unwrapped(String uniqueid) {
        JsonArray calls = agent.get("/api/calls?unwrapped=true").json().getJsonArray("calls");
        return calls.stream().anyMatch(call -> uniqueid.equals(((JsonObject) call).getString("uniqueid")));
    }

    @Test
    @DisplayName("an answered call shows as unwrapped until the agent records a code and the ticket it concerned")
    void wrapUpWithTicket() {
        // given an answered call and a ticket
        answeredCall("1700000500.51");
        JsonObject ticket = agent.post("/api/tickets", new JsonObject().put("type", "inquiry").put("subject", "水费咨询")).json();
        assertThat(unwrapped("1700000500.51")).isTrue();

        // when the agent wraps it up
        ApiResponse response = agent.post("/api/calls/wrap-up", new JsonObject().put("uniqueid", "1700000500.51")
                .put("code", "ticket_updated").put("note", "告知处理进度").put("ticketNumber", ticket.getString("number")));

        // then the call leaves the supervisor's list and shows on the ticket
        assertThat(response.status()).isEqualTo(204);
        assertThat(unwrapped("1700000500.51")).isFalse();
        JsonObject call = agent.get("/api/calls?ticketId=" + ticket.getLong("id")).json().getJsonArray("calls").getJsonObject(0);
        assertThat(call.getString("wrapUpCode")).isEqualTo("ticket_updated");
    }

    @Test
    @DisplayName("wrap-up errors name the field: unknown code 400, unknown ticket 422, unknown call 404")
    void wrapUpErrors() {
        answeredCall("1700000600.61");

        assertThat(agent.post("/api/calls/wrap-up", new JsonObject().put("uniqueid", "1700000600.61").put("code", "lunch")).status()).isEqualTo(400);
        ApiResponse noTicket = agent.post("/api/calls/wrap-up",
                new JsonObject().put("uniqueid", "1700000600.61").put("code", "resolved").put("ticketNumber", "HL-20000101-999999"));
        assertThat(noTicket.status()).isEqualTo(422);
        assertThat(noTicket.json().getString("field")).isEqualTo("ticketNumber");
        assertThat(unwrapped("1700000600.61")).as("a refused wrap-up writes nothing").isTrue();
        assertThat(agent.post("/api/calls/wrap-up", new JsonObject().put("uniqueid", "1700009999.99").put("code", "resolved")).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("the caller's survey score shows on the call record")
    void surveyScoreOnCall() throws Exception {
        AgiPeer.Transcript survey = AgiPeer.call(app.telephony().agiPort(), "survey", AgiPeer.Caller.of("13800138000", "5"));
        answeredCall(survey.uniqueid());

        JsonObject call = agent.get("/api/calls?unwrapped=true").json().getJsonArray("calls").stream()
                .map(JsonObject.class::cast).filter(c -> survey.uniqueid().equals(c.getString("uniqueid")))
                .findFirst().orElseThrow();
        assertThat(call.getInteger("satisfaction")).isEqualTo(5);
    }

    @Test
    @DisplayName("a call that ended without a ticket opens an inquiry in one step, linked and wrapped up")
    void inquiryFromCall() {
        answeredCall("1700000700.71");

        JsonObject inquiry = new JsonObject().put("uniqueid", "1700000700.71").put("subject", "询问停水时间")
                .put("description", "<b>明天</b>几点恢复？");
        ApiResponse created = agent.post("/api/calls/inquiry", inquiry);

        assertThat(created.status()).isEqualTo(201);
        JsonObject ticket = created.json();
        assertThat(ticket.getString("type")).isEqualTo("inquiry");
        assertThat(ticket.getString("callerNumber")).isEqualTo("13800138000");
        assertThat(ticket.getString("description")).isEqualTo("<b>明天</b>几点恢复？");
        JsonObject call = agent.get("/api/calls?ticketId=" + ticket.getLong("id")).json().getJsonArray("calls").getJsonObject(0);
        assertThat(call.getString("uniqueid")).isEqualTo("1700000700.71");
        assertThat(call.getString("wrapUpCode")).isEqualTo("ticket_created");
        // a second click makes no second ticket
        assertThat(agent.post("/api/calls/inquiry", inquiry).json().getLong("id")).isEqualTo(ticket.getLong("id"));
    }
}
