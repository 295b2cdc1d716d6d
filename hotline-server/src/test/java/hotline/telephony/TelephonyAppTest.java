package hotline.telephony;

import hotline.App;
import hotline.auth.Role;
import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.AgiPeer.Caller;
import hotline.telephony.peer.AgiPeer.Transcript;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Telephony wired into the whole server: the IVR makes real tickets through TicketService; health and routes. */
class TelephonyAppTest {

    private static App app;
    private static long customerId;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        customerId = query("INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, "
                        + "critical_facility, created_at, updated_at) VALUES ('31000001', '张伟', '幸福路8号', '03', "
                        + "'residential', 'individual', 'ordinary', false, now(), now()) RETURNING id", Tuple.tuple())
                .getLong("id");
        query("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, '13912345678', 0) RETURNING customer_id",
                Tuple.of(customerId));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Row query(String sql, Tuple args) {
        var rows = app.pool().preparedQuery(sql).execute(args).await();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static long ticketCount() {
        return query("SELECT count(*) AS n FROM tickets", Tuple.tuple()).getLong("n");
    }

    @Test
    @DisplayName("with no Asterisk configured /health reports the AMI link DISABLED, FastAGI UP and the server UP")
    void healthWithoutAsterisk() {
        JsonObject health = ApiClient.management(app).get("/health").json();

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonObject("checks").getJsonObject("ami").getString("status")).isEqualTo("DISABLED");
        assertThat(health.getJsonObject("checks").getJsonObject("agi").getString("status")).isEqualTo("UP");
    }

    @Test
    @DisplayName("a leak reported by IVR is one repair ticket on channel ivr, linked to the caller, its number read back")
    void leakReportMakesTicket() throws Exception {
        // given a customer's phone calling in
        // when the caller reports a leak at the registered address and confirms
        Transcript call = AgiPeer.call(app.telephony().agiPort(), Caller.of("+86 139 1234 5678", "1", "1", "2", "2", "1", "1", "timeout"));

        // then the ticket exists with the caller's customer and the number was read back
        String number = call.variables().get("HOTLINE_TICKET");
        assertThat(number).matches("HL-\\d{8}-\\d{6}");
        assertThat(call.allSaidDigits()).isEqualTo(number.replaceAll("[^0-9]", ""));
        Row ticket = query("SELECT * FROM tickets WHERE number = $1", Tuple.of(number));
        assertThat(ticket.getString("type")).isEqualTo("repair");
        assertThat(ticket.getString("channel")).isEqualTo("ivr");
        assertThat(ticket.getString("status")).isEqualTo("reported");
        assertThat(ticket.getLong("customer_id")).isEqualTo(customerId);
        assertThat(ticket.getString("location")).isEqualTo("幸福路8号");
        assertThat(ticket.getString("category")).isEqualTo("service_pipe_leak");
        assertThat(query("SELECT actor FROM ticket_events WHERE ticket_id = $1", Tuple.of(ticket.getLong("id")))
                .getString("actor")).isEqualTo("ivr");

        // and its status can be asked for by number
        Transcript status = AgiPeer.call(app.telephony().agiPort(),
                Caller.of(null, "2", "13900001111#", "2", number.replaceAll("[^0-9]", ""), "timeout"));
        assertThat(status.prompts()).contains("hotline/status-received");
    }

    @Test
    @DisplayName("a caller in a district with an open incident hears it first and joins it with one key")
    void incidentAnnouncedAndJoined() throws Exception {
        // given a leak already reported in the customer's district (which opens an incident)
        AgiPeer.call(app.telephony().agiPort(), Caller.of("13912345678", "1", "1", "2", "2", "1", "1", "timeout"));

        // when the next caller presses 1 at the announcement
        Transcript call = AgiPeer.call(app.telephony().agiPort(), Caller.of("13912345678", "1", "timeout"));

        // then their report is one more report of that incident
        assertThat(call.prompts().getFirst()).isEqualTo("hotline/incident-known");
        String number = call.variables().get("HOTLINE_TICKET");
        assertThat(number).isNotNull();
        JsonObject incident = ApiClient.as(app, Role.SUPERVISOR).get("/api/incidents?status=open&district=03").json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(incident.getString("category")).isEqualTo("service_pipe_leak");
        assertThat(incident.getLong("reportCount")).isGreaterThanOrEqualTo(2L);
    }

    @Test
    @DisplayName("a caller who hangs up mid-report leaves no ticket behind")
    void hangUpLeavesNothing() throws Exception {
        long before = ticketCount();

        Transcript call = AgiPeer.call(app.telephony().agiPort(), Caller.of("13912345678", "1", "3", "1", "hangup"));

        assertThat(call.hungUpByCaller()).isTrue();
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("GET /api/queues and /api/calls answer agents; a malformed customerId is a 400 naming the field")
    void routes() {
        ApiClient agent = ApiClient.as(app, Role.AGENT);

        assertThat(agent.get("/api/queues").json().getJsonArray("queues")).isNotNull();
        ApiResponse calls = agent.get("/api/calls?customerId=" + customerId);
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.json().getJsonArray("calls")).isEmpty();
        ApiResponse bad = agent.get("/api/calls?customerId=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("customerId");
        assertThat(ApiClient.anonymous(app).get("/api/queues").status()).isEqualTo(401);
        // no Asterisk configured: an agent with a phone is told the telephone system is not connected
        query("UPDATE users SET phone_interface = 'PJSIP/agent9' WHERE username = $1 RETURNING id",
                Tuple.of(agent.user().getString("username")));
        ApiResponse login = agent.post("/api/agent/queue", new JsonObject().put("action", "login"));
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.body()).contains("not connected");
    }
}
