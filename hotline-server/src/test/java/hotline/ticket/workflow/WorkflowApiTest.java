package hotline.ticket.workflow;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class WorkflowApiTest {

    private static App app;
    private static ApiClient agent;
    private static ApiClient otherAgent;
    private static ApiClient supervisor;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
        otherAgent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
    }

    private static JsonObject create(JsonObject draft) {
        ApiResponse response = agent.post("/api/tickets", draft);
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static ApiResponse transition(ApiClient client, long id, String action, JsonObject fields, Integer version) {
        JsonObject body = new JsonObject().put("action", action).put("fields", fields);
        if (version != null) {
            body.put("version", version);
        }
        return client.post("/api/tickets/" + id + "/transitions", body);
    }

    static JsonObject vent() {
        return new JsonObject().put("statement", "水费单不对 <script>alert(1)</script> 😡").put("mood", "stubborn")
                .put("feelingsAcknowledged", true);
    }

    @Test
    @DisplayName("details at creation: a repair's coordinates are taken and checked; step records and other keys are "
            + "refused naming the detail; the ticket's workflow then runs")
    void detailsAtCreation() {
        JsonObject stepRecord = new JsonObject().put("type", "repair").put("subject", "leak")
                .put("details", new JsonObject().put("dispatch", new JsonObject().put("crewId", 1)));
        JsonObject notObject = new JsonObject().put("type", "inquiry").put("subject", "bill")
                .put("details", new JsonObject().put("assessment", 5));
        JsonObject offMap = new JsonObject().put("type", "repair").put("subject", "leak")
                .put("details", new JsonObject().put("coordinates", new JsonObject().put("latitude", 91).put("longitude", 120)));

        assertThat(agent.post("/api/tickets", stepRecord).json().getString("field")).isEqualTo("details.dispatch");
        assertThat(agent.post("/api/tickets", notObject).json().getString("field")).isEqualTo("details.assessment");
        ApiResponse wrong = agent.post("/api/tickets", offMap);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().getString("field")).isEqualTo("details.coordinates.latitude");

        JsonObject located = create(new JsonObject().put("type", "repair").put("subject", "leak").put("details",
                new JsonObject().put("coordinates", new JsonObject().put("latitude", 30.25).put("longitude", 120.17))));
        assertThat(located.getJsonObject("details").getJsonObject("coordinates").getDouble("latitude")).isEqualTo(30.25);
        assertThat(transition(agent, located.getLong("id"), "escalate", new JsonObject().put("reason", "big"), null)
                .status()).isEqualTo(200);
    }

    @Test
    @DisplayName("GET /api/tickets/{id} shows the current step, the allowed actions with their fields, and the due times")
    void ticketShowsWizard() {
        JsonObject complaint = create(new JsonObject().put("type", "complaint").put("subject", "wrong bill"));

        JsonObject shown = agent.get("/api/tickets/" + complaint.getLong("id")).json();

        assertThat(shown.getJsonObject("workflow").getString("step")).isEqualTo("vent");
        assertThat(shown.getJsonObject("workflow").getJsonArray("allowedActions").getList()).containsExactly("vent", "escalate", "reassign");
        assertThat(shown.getJsonObject("workflow").getJsonObject("requiredFields").getJsonArray("vent")).hasSize(3);
        assertThat(shown.getJsonObject("sla").getString("resolutionDue")).isNotBlank();
        assertThat(shown.getJsonObject("sla").getString("level")).isEqualTo("agent");
    }

    @Test
    @DisplayName("given a complaint in vent, when a field is missing then 422 names it; a wrong action is 409 with the allowed ones; the text round-trips")
    void badTransitions() {
        long id = create(new JsonObject().put("type", "complaint").put("subject", "wrong bill")).getLong("id");

        ApiResponse missing = transition(agent, id, "vent", vent().copy().put("mood", (String) null), null);
        ApiResponse outOfOrder = transition(agent, id, "follow_up", new JsonObject().put("satisfaction", 5), null);
        ApiResponse malformed = agent.post("/api/tickets/" + id + "/transitions",
                new JsonObject().put("action", "vent").put("extra", 1));
        ApiResponse ok = transition(agent, id, "vent", vent(), null);

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().getString("field")).isEqualTo("fields.mood");
        assertThat(outOfOrder.status()).isEqualTo(409);
        assertThat(outOfOrder.json().getJsonArray("allowedActions").getList()).containsExactly("vent", "escalate", "reassign");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().getString("status")).isEqualTo("record");
        assertThat(ok.json().getJsonObject("workflow").getString("step")).isEqualTo("record");
        assertThat(agent.get("/api/tickets/" + id).json().getJsonObject("details").getJsonObject("vent")
                .getString("statement")).isEqualTo(vent().getString("statement"));
    }

    @Test
    @DisplayName("given two agents holding version 1, when both vent at once, then one wins and the other gets 409; one vent event")
    void concurrentAgents() {
        JsonObject ticket = create(new JsonObject().put("type", "complaint").put("subject", "rude staff"));
        long id = ticket.getLong("id");
        int version = ticket.getInteger("version");

        CompletableFuture<ApiResponse> a = CompletableFuture.supplyAsync(() -> transition(agent, id, "vent", vent(), version));
        CompletableFuture<ApiResponse> b = CompletableFuture.supplyAsync(() -> transition(otherAgent, id, "vent", vent(), version));

        List<Integer> statuses = List.of(a.join().status(), b.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonObject after = agent.get("/api/tickets/" + id).json();
        assertThat(after.getJsonArray("events").stream().filter(e -> ((JsonObject) e).getString("action").equals("vent")))
                .hasSize(1);
        assertThat(after.getInteger("version")).isEqualTo(version + 1);
    }

    @Test
    @DisplayName("crews: agents may list, supervisors add; dispatching to an unknown crew is 422, dispatching a closed repair 409")
    void crewsAndDispatch() {
        assertThat(agent.post("/api/crews", new JsonObject().put("name", "East 1")).status()).isEqualTo(403);
        ApiResponse created = supervisor.post("/api/crews", new JsonObject().put("name", "East 1").put("district", "D01")
                .put("phone", "021-5555 0101"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(supervisor.post("/api/crews", new JsonObject().put("name", "East 1")).status()).isEqualTo(409);
        long crewId = created.json().getLong("id");
        long repair = create(new JsonObject().put("type", "repair").put("subject", "meter leaking")).getLong("id");

        ApiResponse unknown = transition(agent, repair, "dispatch",
                new JsonObject().put("crewId", 99999).put("eta", "2026-05-01T10:00:00Z"), null);
        ApiResponse dispatched = transition(agent, repair, "dispatch",
                new JsonObject().put("crewId", crewId).put("eta", "2026-05-01T10:00:00Z"), null);
        JsonObject crews = agent.get("/api/crews").json();
        transition(agent, repair, "cancel", new JsonObject().put("reason", "invalid"), null);
        ApiResponse afterClose = transition(agent, repair, "dispatch",
                new JsonObject().put("crewId", crewId).put("eta", "2026-05-01T10:00:00Z"), null);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().getString("field")).isEqualTo("fields.crewId");
        assertThat(dispatched.status()).isEqualTo(200);
        assertThat(crews.getJsonArray("items").getJsonObject(0).getJsonArray("openTickets").stream()
                .map(id -> ((Number) id).longValue())).contains(repair);
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().getJsonArray("allowedActions").getList()).containsExactly("reopen");
    }

    @Test
    @DisplayName("the IVR's question: open incidents of a district, after two reports of one burst there")
    void incidentsOfADistrict() {
        JsonObject burst = new JsonObject().put("type", "repair").put("subject", "爆管").put("category", "burst_main")
                .put("district", "D42").put("location", "Jiefang Rd 1");
        create(burst);
        create(burst);

        ApiResponse open = agent.get("/api/incidents?status=open&district=D42");

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().getJsonArray("items")).hasSize(1);
        assertThat(open.json().getJsonArray("items").getJsonObject(0).getLong("reportCount")).isEqualTo(2);
        assertThat(agent.get("/api/incidents?status=bogus").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("before saving a repair report: the open incident of its category and district it would join, none elsewhere")
    void incidentAReportWouldJoin() {
        JsonObject burst = new JsonObject().put("type", "repair").put("subject", "爆管").put("category", "burst_main")
                .put("district", "D43").put("location", "Jiefang Rd 2");
        create(burst);

        ApiResponse joins = agent.get("/api/incidents/match?category=burst_main&district=D43");
        ApiResponse elsewhere = agent.get("/api/incidents/match?category=burst_main&district=D44");
        ApiResponse otherKind = agent.get("/api/incidents/match?category=low_pressure&district=D43");

        assertThat(joins.status()).isEqualTo(200);
        assertThat(joins.json().getJsonObject("incident").getString("district")).isEqualTo("D43");
        assertThat(joins.json().getJsonObject("incident").getLong("reportCount")).isEqualTo(1);
        assertThat(elsewhere.json().getValue("incident")).isNull();
        assertThat(otherKind.json().getValue("incident")).isNull();
        assertThat(agent.get("/api/incidents/match?category=flood").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("follow-ups and reports: a score of 6 is refused by name, alerts and CSAT are for supervisors")
    void followUpsAndReports() {
        assertThat(agent.get("/api/followups?due=overdue").status()).isEqualTo(200);
        ApiResponse badScore = agent.post("/api/followups/1/outcome", new JsonObject().put("satisfaction", 6).put("comment", "x"));
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.json().getString("field")).contains("satisfaction");
        assertThat(agent.post("/api/followups/424242/outcome", new JsonObject().put("satisfaction", 4).put("comment", "x"))
                .status()).isEqualTo(404);
        assertThat(agent.get("/api/alerts").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/alerts").status()).isEqualTo(200);
        ApiResponse csat = supervisor.get("/api/reports/satisfaction?from=2026-01-01&to=2026-12-31&interval=month&by=district");
        assertThat(csat.status()).isEqualTo(200);
        assertThat(csat.json().getString("by")).isEqualTo("district");
        assertThat(supervisor.get("/api/reports/satisfaction?from=yesterday&to=2026-12-31").status()).isIn(400, 422);
    }
}
