package hotline.incident;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident reads a supervisor weighs incidents by, and closing with the number of reporters they were shown. */
@ExtendWith(HotlineServerExtension.class)
class IncidentApiTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger(610_000);

    private static ApiClient agent;
    private static ApiClient supervisor;

    @BeforeAll
    static void start(App app) {
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
    }

    private static long customer(String name, String district, String criticalReason) {
        int account = ACCOUNTS.incrementAndGet();
        JsonObject draft = new JsonObject().put("accountNumber", "66" + account).put("name", name)
                .put("phones", new JsonArray().add("1390001" + account % 10_000)).put("district", district)
                .put("waterUse", criticalReason == null ? "residential" : "public")
                .put("kind", criticalReason == null ? "individual" : "organisation")
                .put("criticalFacility", criticalReason != null);
        if (criticalReason != null) {
            draft.put("criticalReason", criticalReason);
        }
        ApiResponse created = agent.post("/api/customers", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    private static long report(String district, Long customerId) {
        JsonObject draft = new JsonObject().put("type", "repair").put("subject", "爆管，路面冒水").put("category", "burst_main")
                .put("district", district).put("location", "解放路 " + district);
        if (customerId != null) {
            draft.put("customerId", customerId);
        }
        ApiResponse created = agent.post("/api/tickets", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    private static JsonObject openIn(String district) {
        ApiResponse open = agent.get("/api/incidents?status=open&district=" + district);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().getJsonArray("items")).hasSize(1);
        return open.json().getJsonArray("items").getJsonObject(0);
    }

    @Test
    @DisplayName("an open incident is listed and read with its reports, the reporters still to tell, and the critical "
            + "facilities it affects: those of its district and those among its reporters")
    void summary() {
        long hospital = customer("第一人民医院", "D71", "hospital");
        long school = customer("实验小学", "D72", "school");
        long household = customer("李四", "D71", null);
        customer("第二人民医院", "D79", "hospital");
        long bySchool = report("D71", school);
        report("D71", household);
        long duplicate = report("D71", null);
        assertThat(agent.post("/api/tickets/" + duplicate + "/transitions", new JsonObject().put("action", "cancel")
                .put("fields", new JsonObject().put("reason", "duplicate"))).status()).isEqualTo(200);

        JsonObject listed = openIn("D71");
        JsonObject read = agent.get("/api/incidents/" + listed.getLong("id")).json();

        assertThat(listed.getLong("reportCount")).isEqualTo(3);
        assertThat(listed.getLong("reportersToTell")).isEqualTo(2);
        assertThat(listed.getLong("criticalFacilityCount")).isEqualTo(2);
        assertThat(read.getLong("reportersToTell")).isEqualTo(2);
        JsonArray reports = read.getJsonArray("reports");
        assertThat(reports).hasSize(3);
        assertThat(reports.getJsonObject(0).getLong("id")).isEqualTo(bySchool);
        assertThat(reports.getJsonObject(0).getString("customerName")).isEqualTo("实验小学");
        assertThat(reports.getJsonObject(0).getBoolean("critical")).isTrue();
        assertThat(reports.getJsonObject(1).getBoolean("critical")).isFalse();
        assertThat(reports.getJsonObject(2).getString("status")).isEqualTo("cancelled");
        JsonArray facilities = read.getJsonArray("criticalFacilities");
        assertThat(facilities).hasSize(2);
        assertThat(facilities.getJsonObject(0).getLong("customerId")).isEqualTo(school);
        assertThat(facilities.getJsonObject(0).getBoolean("reported")).isTrue();
        assertThat(facilities.getJsonObject(0).getString("district")).isEqualTo("D72");
        assertThat(facilities.getJsonObject(1).getLong("customerId")).isEqualTo(hospital);
        assertThat(facilities.getJsonObject(1).getBoolean("reported")).isFalse();
        assertThat(facilities.getJsonObject(1).getString("reason")).isEqualTo("hospital");
    }

    @Test
    @DisplayName("an incident without a district counts no district's facilities, only the critical facilities among its "
            + "reporters")
    void withoutDistrict() {
        long dialysis = customer("王居家透析", "", "home_dialysis");
        String location = "无片区 幸福里 " + ACCOUNTS.incrementAndGet();
        JsonObject draft = new JsonObject().put("type", "repair").put("subject", "停水").put("category", "no_water")
                .put("location", location);
        long first = agent.post("/api/tickets", draft).json().getLong("id");
        String path = "/api/incidents?status=open&district=";
        JsonObject before = agent.get(path).json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(incident -> incident.getLong("firstTicketId") == first).findFirst().orElseThrow();
        assertThat(before.getLong("criticalFacilityCount")).isZero();

        assertThat(agent.post("/api/tickets", draft.copy().put("customerId", dialysis)).status()).isEqualTo(201);

        JsonObject after = agent.get("/api/incidents/" + before.getLong("id")).json();
        assertThat(after.getLong("reportCount")).isEqualTo(2);
        assertThat(after.getLong("criticalFacilityCount")).isEqualTo(1);
        assertThat(after.getJsonArray("criticalFacilities").getJsonObject(0).getLong("customerId")).isEqualTo(dialysis);
    }

    @Test
    @DisplayName("a list answers at most `limit` incidents, 1 to 1000, a limit out of range is refused by name")
    void limit() {
        report("D74", null);
        report("D75", null);

        assertThat(agent.get("/api/incidents?limit=1").json().getJsonArray("items")).hasSize(1);
        assertThat(agent.get("/api/incidents?limit=0").status()).isEqualTo(400);
        assertThat(agent.get("/api/incidents?limit=1001").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("closing with the number of reporters the supervisor was shown: a report that joined since is a 409 "
            + "with the new number, the right number closes, and a second close is a 409 saying it is closed")
    void closeWithTheNumberShown() {
        report("D73", null);
        report("D73", null);
        long id = openIn("D73").getLong("id");
        assertThat(openIn("D73").getLong("reportersToTell")).isEqualTo(2);
        report("D73", null); // joins while the supervisor reads the close form
        String path = "/api/incidents/" + id + "/close";
        JsonObject shownTwo = new JsonObject().put("resolution", "主管已修复，恢复供水").put("reportersToTell", 2);

        ApiResponse stale = supervisor.post(path, shownTwo);
        ApiResponse byAgent = agent.post(path, shownTwo.copy().put("reportersToTell", 3));
        ApiResponse negative = supervisor.post(path, shownTwo.copy().put("reportersToTell", -1));
        ApiResponse closed = supervisor.post(path, shownTwo.copy().put("reportersToTell", 3));
        ApiResponse again = supervisor.post(path, shownTwo.copy().put("reportersToTell", 3));
        ApiResponse resumed = supervisor.post(path, new JsonObject().put("resolution", "again"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().getLong("reportersToTell")).isEqualTo(3);
        assertThat(stale.json().getString("status")).isEqualTo("open");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().getInteger("closedReports")).isEqualTo(3);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("status")).isEqualTo("closed");
        assertThat(again.json().getLong("reportersToTell")).isZero();
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().getInteger("closedReports")).isZero();
        assertThat(resumed.json().getJsonObject("incident").getString("resolution")).isEqualTo("主管已修复，恢复供水");
    }
}
