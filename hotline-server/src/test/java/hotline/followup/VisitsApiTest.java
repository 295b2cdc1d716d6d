package hotline.followup;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The return-visit programme over HTTP: the outcome with its indicators, refusals naming the field, the two reports. */
@ExtendWith(HotlineServerExtension.class)
class VisitsApiTest {

    private static App app;
    private static ApiClient agent;
    private static ApiClient supervisor;
    private static String today;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
        today = LocalDate.now(app.clock().withZone(ZoneId.of("Asia/Shanghai"))).toString();
    }

    private static void step(long ticket, String action, JsonObject fields) {
        ApiResponse answer = agent.post("/api/tickets/" + ticket + "/transitions",
                new JsonObject().put("action", action).put("fields", fields));
        assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
    }

    /** A complaint taken to follow_up through the API; the id of its return call. */
    private static long complaintCall() {
        long ticket = agent.post("/api/tickets", new JsonObject().put("type", "complaint").put("subject", "水压忽高忽低")
                .put("district", "XH")).json().getLong("id");
        step(ticket, "vent", new JsonObject().put("statement", "水压不稳").put("mood", "calm").put("feelingsAcknowledged", true));
        step(ticket, "record", new JsonObject().put("complainant", "Li").put("aboutKind", "service").put("about", "pressure")
                .put("whatHappened", "pressure drops").put("happenedAt", "2026-04-01T00:00:00Z").put("wantedOutcome", "stable")
                .put("contact", "any time").put("founded", "founded").put("foundedReason", "logged"));
        step(ticket, "resolve", new JsonObject().put("solution", "valve replaced").put("owner", "network").put("accepted", true));
        return app.pool().preparedQuery("SELECT id FROM followups WHERE ticket_id = $1").execute(Tuple.of(ticket))
                .await().iterator().next().getLong("id");
    }

    @Test
    @DisplayName("an outcome with indicators, reasons and the written-down reason answers the follow-up as stored")
    void outcomeWithIndicators() {
        long call = complaintCall();

        ApiResponse answer = agent.post("/api/followups/" + call + "/outcome", new JsonObject().put("satisfaction", 2)
                .put("speed", 1).put("attitude", 3).put("result", 2).put("reasons", new JsonArray().add("slow").add("other"))
                .put("reasonText", "等了三天").put("comment", "太慢"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject json = answer.json();
        assertThat(json.getString("outcome")).isEqualTo("answered");
        assertThat(json.getInteger("satisfaction")).isEqualTo(2);
        assertThat(json.getInteger("attitude")).isEqualTo(3);
        assertThat(json.getJsonArray("reasons")).containsExactly("slow", "other");
        assertThat(json.getString("reasonText")).isEqualTo("等了三天");
    }

    @Test
    @DisplayName("refusals name the field: reasons missing or unknown (422), a score of 6 or an unknown field (400), unreachable with a score (422); a failed attempt is 200 and stays open")
    void refusals() {
        long call = complaintCall();
        String path = "/api/followups/" + call + "/outcome";

        assertField(agent.post(path, new JsonObject().put("satisfaction", 2).put("comment", "x")), 422, "reasons");
        assertField(agent.post(path, new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("weather"))), 422, "reasons");
        assertField(agent.post(path, new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("other"))), 422, "reasonText");
        assertField(agent.post(path, new JsonObject().put("speed", 6).put("comment", "x")), 400, "speed");
        assertField(agent.post(path, new JsonObject().put("satisfaction", 4).put("comment", "x").put("colour", "red")), 400,
                "colour");
        assertField(agent.post(path, new JsonObject().put("outcome", "unreachable").put("satisfaction", 4)), 422,
                "satisfaction");

        ApiResponse attempt = agent.post(path, new JsonObject().put("outcome", "unreachable"));
        assertThat(attempt.status()).isEqualTo(200);
        assertThat(attempt.json().getInteger("attempts")).isEqualTo(1);
        assertThat(attempt.json().getString("doneAt")).isNull();
    }

    @Test
    @DisplayName("the visit report lists a column per reason of the programme and the trend its four indicators; agents get 403")
    void reports() {
        String visits = "/api/reports/visits?from=" + today + "&to=" + today + "&interval=week";
        ApiResponse report = supervisor.get(visits);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().getJsonArray("measures")).startsWith("done", "answered", "unreachable", "satisfied",
                "dissatisfied", "satisfiedRate", "reason.slow");
        ApiResponse trend = supervisor.get("/api/reports/satisfaction_trend?from=" + today + "&to=" + today + "&by=agent");
        assertThat(trend.status()).isEqualTo(200);
        assertThat(trend.json().getString("report")).isEqualTo("satisfaction_trend");
        assertThat(trend.json().getJsonArray("measures")).containsExactly("answers", "overall", "speed", "attitude", "result");
        assertThat(agent.get(visits).status()).isEqualTo(403);
        assertField(supervisor.get("/api/reports/visits?from=" + today + "&to=" + today + "&by=agent"), 400, "by");
    }

    private static void assertField(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().getString("field")).contains(field);
    }
}
