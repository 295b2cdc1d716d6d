package hotline.console;

import hotline.auth.DemoUsers;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's incident pages in a real headless Chromium against the demo server: the list drawn again live,
 * dispatch, merge, split, and close with the number of reporters told (also when a report joins meanwhile); an agent
 * is refused. Saves screenshots of the list and of one incident in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentsBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;

    private static DemoDesk desk;
    private static Browser supervisor;
    private static Browser agent;
    private static ApiClient reporting;
    private static Row hospital;
    /** The incident the hospital's report opened or joined. */
    private static long first;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-incidents-secret");
        reporting = ApiClient.login(desk.app(), "agent1", PASSWORD);
        hospital = desk.query("SELECT id, name, district FROM customers WHERE critical_reason = 'hospital' ORDER BY id LIMIT 1",
                Tuple.tuple());
        supervisor = new Browser(desk.app().httpPort());
        // The utility's staff work in its time zone: what the supervisor types as an ETA reads as the page's times do.
        supervisor.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
        agent = new Browser(desk.app().httpPort());
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
        agent.logIn("agent1", PASSWORD);
        agent.waitFor(() -> agent.path().equals("/desk"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{supervisor, agent, desk}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static long report(String district, Long customerId, String subject) {
        return report(district, customerId, subject, "hydrant");
    }

    private static long report(String district, Long customerId, String subject, String category) {
        JsonObject draft = new JsonObject().put("type", "repair").put("subject", subject).put("category", category)
                .put("district", district).put("location", district + " 文三路与学院路口");
        if (customerId != null) {
            draft.put("customerId", customerId);
        } else {
            draft.put("callerNumber", "1380013" + (System.nanoTime() % 10_000));
        }
        ApiResponse created = reporting.post("/api/tickets", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    private static long incidentOf(long ticketId) {
        return desk.query("SELECT incident_id FROM incident_reports WHERE ticket_id = $1", Tuple.of(ticketId))
                .getLong("incident_id");
    }

    /** Two districts other than the hospital's. */
    private static List<String> otherDistricts() {
        return desk.app().pool().preparedQuery("SELECT DISTINCT district FROM customers WHERE district <> $1 ORDER BY district LIMIT 2")
                .execute(Tuple.of(hospital.getString("district"))).await().stream().map(row -> row.getString("district")).toList();
    }

    private static void english(Browser browser, boolean on) {
        browser.manage().addCookie(new Cookie("hotline_lang", on ? "en" : "zh", "/"));
    }

    /** A screenshot of the supervisor's page once its live stream is connected. */
    private static void screenshot(String name) throws InterruptedException {
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));
        supervisor.screenshot(name);
    }

    @Test
    @Order(1)
    @DisplayName("an agent is refused the incident pages (403)")
    void agentIsRefused() {
        agent.open("/supervisor/incidents");
        assertThat(agent.text("main")).contains("403").contains("无权");
        agent.open("/supervisor/incidents/1");
        assertThat(agent.text("main")).contains("403");
    }

    @Test
    @Order(2)
    @DisplayName("a report opens or joins an incident and its row appears on the open list by itself, with the critical "
            + "facilities it affects")
    void listIsLive() throws Exception {
        supervisor.open("/supervisor/incidents");
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));

        long hospitalReport = report(hospital.getString("district"), hospital.getLong("id"), "消防栓被撞断，水柱冲天");
        first = incidentOf(hospitalReport);
        String row = "#incident-row-" + first;
        supervisor.waitFor(() -> supervisor.text(row).contains("消防栓"));

        assertThat(supervisor.text(row)).contains(hospital.getString("district")).contains("⚠").contains("未派单");
        assertThat(reporting.get("/api/incidents/" + first).json().getLong("criticalFacilityCount")).isPositive();
    }

    @Test
    @Order(3)
    @DisplayName("a dispatch without a crew is refused next to the crew field; with one, the incident shows its crew")
    void dispatch() throws Exception {
        supervisor.open("/supervisor/incidents/" + first);
        supervisor.find("#dispatch-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.find("[data-error-for=crewId]").isDisplayed());
        assertThat(supervisor.text("[data-error-for=crewId]")).contains("抢修班组");

        String crew = supervisor.find("#dispatch-crew option:not([disabled]):not([value=''])").getText().split(" · ")[0];
        supervisor.find("#dispatch-crew option:not([disabled]):not([value=''])").click();
        supervisor.find("#dispatch-form button[type=submit]").click();

        supervisor.waitFor(() -> supervisor.text(".incident-facts").contains(crew));
        assertThat(desk.query("SELECT crew_id FROM incidents WHERE id = $1", Tuple.of(first)).getLong("crew_id")).isNotNull();
    }

    @Test
    @Order(4)
    @DisplayName("closing shows how many reporters will be told and wants a resolution; a report that joined meanwhile "
            + "shows up live and the close is refused with the new number, then the incident closes and each open "
            + "report's reporter is told")
    void close() throws Exception {
        supervisor.open("/supervisor/incidents/" + first);
        long shown = reporting.get("/api/incidents/" + first).json().getLong("reportersToTell");
        assertThat(supervisor.text("#close-form .tell")).contains("将通知 " + shown + " 位报修人");
        screenshot("incident-zh");

        long late = report(hospital.getString("district"), null, "又一处消防栓冒水");
        assertThat(incidentOf(late)).isEqualTo(first);
        supervisor.waitFor(() -> supervisor.find("#incident-changed-" + first).isDisplayed());
        assertThat(supervisor.text("#incident-changed-" + first)).contains("新报修并入");

        supervisor.find("#close-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.find("[data-error-for=resolution]").isDisplayed());
        assertThat(supervisor.text("[data-error-for=resolution]")).contains("处理结果");
        supervisor.find("#close-resolution").sendKeys("消防栓已更换，恢复正常供水");
        supervisor.find("#close-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.find("#incident-conflict").isDisplayed());
        assertThat(supervisor.text("#close-form .tell")).contains("将通知 " + (shown + 1) + " 位报修人");

        supervisor.find("#close-resolution").sendKeys("消防栓已更换，恢复正常供水");
        supervisor.find("#close-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.text(".incident-facts").contains("已关闭"));

        assertThat(supervisor.text(".incident-facts")).contains("消防栓已更换，恢复正常供水");
        assertThat(desk.query("SELECT count(*) AS n FROM notices n JOIN incident_reports r ON r.ticket_id = n.ticket_id "
                + "WHERE n.kind = 'incident_closed' AND r.incident_id = $1", Tuple.of(first)).getLong("n")).isEqualTo(shown + 1);
    }

    @Test
    @Order(5)
    @DisplayName("a supervisor merges another incident of the category into this one, then splits a report off into a new one")
    void mergeAndSplit() throws Exception {
        List<String> districts = otherDistricts();
        long kept = report(districts.get(0), null, "消防栓漏水，路面积水");
        long elsewhereReport = report(districts.get(1), null, "消防栓阀门坏了，一直在流水");
        long target = incidentOf(kept);
        long second = incidentOf(elsewhereReport);
        assertThat(second).isNotEqualTo(target);
        supervisor.open("/supervisor/incidents/" + target);

        supervisor.find("#merge-source option[value='" + second + "']").click();
        supervisor.find("#merge-form button[type=submit]").click();
        supervisor.waitFor(() -> !supervisor.all("#report-" + elsewhereReport).isEmpty());
        assertThat(supervisor.path()).isEqualTo("/supervisor/incidents/" + target);
        assertThat(desk.query("SELECT merged_into FROM incidents WHERE id = $1", Tuple.of(second)).getLong("merged_into"))
                .isEqualTo(target);
        supervisor.open("/supervisor/incidents/" + second);
        assertThat(supervisor.text(".incident-facts")).contains("已合并").contains("#" + target);
        assertThat(supervisor.all("#merge-form")).isEmpty();
        supervisor.open("/supervisor/incidents/" + target);

        supervisor.find("#pick-" + elsewhereReport).click();
        supervisor.find("#split-form button[type=submit]").click();
        supervisor.waitFor(() -> !supervisor.path().equals("/supervisor/incidents/" + target));

        long split = incidentOf(elsewhereReport);
        assertThat(split).isNotIn(target, second);
        assertThat(supervisor.path()).isEqualTo("/supervisor/incidents/" + split);
        assertThat(supervisor.all(".reports-table tbody tr")).hasSize(1);
        assertThat(incidentOf(kept)).isEqualTo(target);
        english(supervisor, true);
        supervisor.open("/supervisor/incidents/" + target);
        screenshot("incident-en");
        english(supervisor, false);
    }

    @Test
    @Order(6)
    @DisplayName("a cluster of water-quality reports raises an alert that appears by itself with the counts that raised "
            + "it and its incident (screenshots of the list)")
    void qualityAlert() throws Exception {
        supervisor.open("/supervisor/incidents");
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));
        String district = otherDistricts().getFirst();
        ApiClient watching = ApiClient.login(desk.app(), "supervisor1", PASSWORD);
        long reported = 0;
        BooleanSupplier alerted = () -> watching.get("/api/alerts?hours=1").json().getJsonArray("items")
                .stream().anyMatch(alert -> district.equals(((JsonObject) alert).getString("district")));
        for (int i = 0; i < 12 && !alerted.getAsBoolean(); i++) {
            reported = report(district, null, "自来水发黄，有铁锈味", "water_quality");
        }
        long incident = incidentOf(reported);

        supervisor.waitFor(() -> supervisor.text("#incidents-alerts").contains(district));
        assertThat(supervisor.text("#incidents-alerts")).contains("起水质报修").contains("#" + incident);
        screenshot("incidents-zh");
        english(supervisor, true);
        supervisor.open("/supervisor/incidents");
        screenshot("incidents-en");
        english(supervisor, false);
    }
}
