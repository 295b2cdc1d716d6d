package hotline.console;

import hotline.auth.DemoUsers;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import io.vertx.core.json.JsonArray;
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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned outages in a real headless Chromium against the demo server: the supervisor schedules one for a district
 * with a hospital through the form (first too late, refused with the message next to the start), opens its page with
 * the customers told and the hospital's call task; an agent's card shows the shut-off of a caller's address. Saves
 * outages-*, outage-* and card-outage-* screenshots in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutagesBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static DemoDesk desk;
    private static Browser supervisor;
    private static Browser agent;
    private static Row hospital;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-outages-secret");
        hospital = desk.query("SELECT id, name, district, (SELECT count(*) FROM customers d WHERE d.district = c.district) AS n "
                + "FROM customers c WHERE critical_reason = 'hospital' AND district <> '' ORDER BY id LIMIT 1", Tuple.tuple());
        supervisor = new Browser(desk.app().httpPort());
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
        agent = new Browser(desk.app().httpPort());
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

    private static String local(Instant instant) {
        return INPUT.format(instant.atZone(SHANGHAI));
    }

    private static void fill(String startsAt, String endsAt) {
        supervisor.script("document.querySelector('#o-start').value = arguments[0];"
                + "document.querySelector('#o-end').value = arguments[1];", startsAt, endsAt);
    }

    @Test
    @Order(1)
    @DisplayName("a start too soon is refused with the rule's message next to the start, the typed area and reason kept")
    void tooSoonRefused() throws Exception {
        supervisor.open("/supervisor/outages");
        supervisor.find("#o-area").sendKeys(hospital.getString("district"));
        supervisor.find("#o-reason").sendKeys("主干管DN600阀门更换");
        Instant soon = Instant.now().plus(Duration.ofHours(5));
        fill(local(soon), local(soon.plus(Duration.ofHours(6))));
        supervisor.find("#schedule-form button[type=submit]").click();

        supervisor.waitFor(() -> !supervisor.all("#startsAt-error").isEmpty());
        assertThat(supervisor.text("#startsAt-error")).contains("24", "紧急停水");
        assertThat(supervisor.find("#o-start").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(supervisor.find("#o-area").getDomProperty("value")).isEqualTo(hospital.getString("district"));
        assertThat(supervisor.find("#o-reason").getDomProperty("value")).isEqualTo("主干管DN600阀门更换");
        supervisor.screenshot("outages-error-zh");
    }

    @Test
    @Order(2)
    @DisplayName("scheduled 30 hours ahead, the outage's page shows every customer of the district told and the hospital's call")
    void scheduled() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(30));
        fill(local(start), local(start.plus(Duration.ofHours(8))));
        supervisor.find("#schedule-form button[type=submit]").click();

        supervisor.waitFor(() -> supervisor.path().matches("/supervisor/outages/[0-9]+"));
        String customers = Long.toString(hospital.getLong("n"));
        assertThat(supervisor.text("#outage-counts")).contains(customers);
        assertThat(supervisor.text("#outage-title")).contains("已通知，未开始");
        assertThat(supervisor.text(".calls-table")).contains(hospital.getString("name"), "待拨打");
        supervisor.screenshot("outage-zh");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        supervisor.open(supervisor.path());
        assertThat(supervisor.text(".calls-table")).contains(hospital.getString("name"), "to call");
        supervisor.screenshot("outage-en");
        supervisor.open("/supervisor/outages");
        assertThat(supervisor.text(".outages-table")).contains(hospital.getString("district"), customers);
        supervisor.screenshot("outages-en");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
        supervisor.open("/supervisor/outages");
        supervisor.screenshot("outages-zh");
    }

    @Test
    @Order(3)
    @DisplayName("an agent is refused the outage pages")
    void agentRefused() {
        agent.open("/supervisor/outages");
        assertThat(agent.find("body").getText()).contains("403");
    }

    @Test
    @Order(4)
    @DisplayName("the card of a caller whose address has an announced shut-off shows it, with its window and reason")
    void onTheCard() throws Exception {
        Row caller = desk.query("SELECT c.id, c.name, c.account_number, p.phone FROM customers c "
                + "JOIN customer_phones p ON p.customer_id = c.id AND p.position = 0 "
                + "WHERE NOT c.critical_facility ORDER BY c.id LIMIT 1", Tuple.tuple());
        Instant start = Instant.now().plus(Duration.ofHours(2));
        ApiResponse scheduled = ApiClient.login(desk.app(), "supervisor1", PASSWORD).post("/api/outages", new JsonObject()
                .put("areaKind", "accounts").put("area", new JsonArray().add(caller.getString("account_number")))
                .put("startsAt", start.toString()).put("endsAt", start.plus(Duration.ofHours(4)).toString())
                .put("reason", "水表井阀门抢修").put("emergency", true));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        agent.open("/desk");
        agent.waitFor(() -> "up".equals(agent.find("#conn").getDomAttribute("data-state")));

        desk.calls().answered(caller.getString("phone"), caller.getLong("id"), "PJSIP/agent1");

        agent.waitFor(() -> !agent.all("#card .outage-notice").isEmpty());
        assertThat(agent.text("#card .outage-notice")).contains("计划停水", "已通知，未开始", "水表井阀门抢修",
                DateTimeFormatter.ofPattern("MM-dd HH:mm").format(start.atZone(SHANGHAI)));
        agent.screenshot("card-outage-zh");
        agent.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        agent.open("/desk");
        agent.waitFor(() -> !agent.all("#card .outage-notice").isEmpty());
        // read in one go: the card may be drawn again (a live update) between finding the element and reading it
        assertThat((String) agent.script("return document.querySelector('#card .outage-notice').textContent"))
                .contains("Planned shut-off", "announced, not started");
        agent.screenshot("card-outage-en");
        agent.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }
}
