package hotline.reports;

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

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class ReportsApiTest {

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

    @Test
    @DisplayName("a ticket created through the API shows in the ticket volumes by channel once the catch-up has run")
    void ticketVolumes() {
        assertThat(agent.post("/api/tickets", new JsonObject().put("type", "inquiry").put("channel", "web")
                .put("subject", "停水通知在哪里看").put("district", "BJ")).status()).isEqualTo(201);
        app.reports().rollup().run(true).await();

        ApiResponse report = supervisor.get("/api/reports/tickets?from=" + today + "&to=" + today + "&by=channel");

        assertThat(report.status()).isEqualTo(200);
        JsonObject json = report.json();
        assertThat(json.getString("asOf")).isNotNull();
        assertThat(json.getJsonArray("measures")).containsExactly("tickets");
        JsonArray rows = json.getJsonArray("rows");
        assertThat(rows).anySatisfy(row -> {
            JsonObject web = (JsonObject) row;
            assertThat(web.getString("period")).isEqualTo(today);
            assertThat(web.getString("key")).isEqualTo("web");
            assertThat(web.getLong("tickets")).isPositive();
        });
    }

    @Test
    @DisplayName("every report answers a supervisor with its measures; an agent gets 403")
    void everyReport() {
        for (String report : new String[] {"tickets", "calls", "fcr", "sla", "satisfaction", "complaints",
                "repeat_contacts", "at_risk"}) {
            String path = "/api/reports/" + report + "?from=2026-01-01&to=2026-12-31&interval=month";
            ApiResponse answer = supervisor.get(path);
            assertThat(answer.status()).as(report).isEqualTo(200);
            assertThat(answer.json().getString("report")).isEqualTo(report.replace('-', '_'));
            assertThat(agent.get(path).status()).as(report).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("a period ending before it starts, one too long, an unknown grouping or interval and a bad day are refused naming the field")
    void badParameters() {
        assertField(supervisor.get("/api/reports/tickets?from=2026-11-10&to=2026-11-01"), 422, "to");
        assertField(supervisor.get("/api/reports/calls?from=2026-01-01&to=2026-12-31&interval=day"), 422, "to");
        assertField(supervisor.get("/api/reports/sla?from=2026-01-01&to=2026-01-31&by=agent"), 400, "by");
        assertField(supervisor.get("/api/reports/fcr?from=2026-01-01&to=2026-01-31&interval=hour"), 400, "interval");
        assertThat(supervisor.get("/api/reports/tickets?from=yesterday&to=2026-01-31").status()).isIn(400, 422);
        assertThat(supervisor.get("/api/reports/tickets?to=2026-01-31").status()).isEqualTo(400);
    }

    private static void assertField(ApiResponse response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().getString("field")).contains(field);
    }
}
