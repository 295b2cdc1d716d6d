package hotline.console;

import hotline.App;
import hotline.auth.DemoUsers;
import hotline.sla.SlaScheduler;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.MovableClock;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.eventbus.MessageConsumer;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA and escalation board in a real headless Chromium against the whole server with the demo data, on a clock
 * the test moves: the duty roster names supervisor1 as team lead, so what escalates to that level is theirs. A warning
 * from the scheduler reaches the open board within a second and is acknowledged there; a reassignment made in the
 * board's dialog shows in the ticket's timeline; an agent is refused. Saves screenshots of the board (zh, en).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaBoardBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    /** A district of its own: the demo's overdue tickets come first on the whole board. */
    private static final String DISTRICT = "滨江新区";
    /** The scheduler's warnings as they are published: ticket id → epoch ms. */
    private static final Map<Long, Long> WARNED = new ConcurrentHashMap<>();
    /** When the scheduler last published anything (epoch ms). */
    private static final AtomicLong LAST_PUBLISHED = new AtomicLong();

    private static final MovableClock clock = new MovableClock(Instant.now());
    private static App app;
    private static MessageConsumer<JsonObject> warnings;
    private static Browser supervisor;
    private static ApiClient agentApi;
    private static ApiClient supervisorApi;
    private static long ticket;
    private static String number;

    @BeforeAll
    static void start() throws Exception {
        Path roster = Files.createTempFile("hotline-roster", ".json");
        Files.writeString(roster, new JsonObject().put("shifts", new JsonArray().add(new JsonObject()
                .put("name", "all day").put("from", "00:00").put("to", "00:00").put("team_lead", "supervisor1")
                .put("duty_supervisor", "duty.officer").put("manager", "manager.on.call"))).encode());
        app = TestApp.start(new JsonObject().put("sla", new JsonObject().put("scanIntervalMs", 100)
                .put("roster", roster.toString())), clock, TestDatabase.fresh(), true);
        warnings = app.vertx().eventBus().<JsonObject>consumer(SlaScheduler.BUS_ADDRESS, message -> {
            LAST_PUBLISHED.set(System.currentTimeMillis());
            if ("warning".equals(message.body().getString("kind"))) {
                WARNED.putIfAbsent(message.body().getLong("ticketId"), System.currentTimeMillis());
            }
        });
        warnings.completion().await();
        quiet();
        agentApi = ApiClient.login(app, "agent1", PASSWORD);
        supervisorApi = ApiClient.login(app, "supervisor1", PASSWORD);
        supervisor = new Browser(app.httpPort());
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[]{supervisor, () -> warnings.unregister().await(), () -> app.close()}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    /** Waits until the scheduler has worked off what the clock made due (the demo history's backlog at first). */
    private static void quiet() throws InterruptedException {
        LAST_PUBLISHED.set(System.currentTimeMillis());
        Await.until(() -> System.currentTimeMillis() - LAST_PUBLISHED.get() > 2_000, Duration.ofSeconds(120));
    }

    private static Row query(String sql, Tuple args) {
        var rows = app.pool().preparedQuery(sql).execute(args).await();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static void english(Browser browser, boolean on) {
        browser.manage().addCookie(new Cookie("hotline_lang", on ? "en" : "zh", "/"));
    }

    private static void openBoard(String query) throws InterruptedException {
        supervisor.open("/supervisor/sla" + query);
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));
    }

    private static long unreadBadge() {
        String text = supervisor.text("#sla-badge");
        return text.isBlank() ? 0 : Long.parseLong(text.strip());
    }

    @Test
    @Order(1)
    @DisplayName("an SLA warning from the scheduler appears on the supervisor's open board within a second, with the inbox badge, and is acknowledged with one click")
    void warningReachesTheBoard() throws Exception {
        JsonObject created = agentApi.post("/api/tickets", new JsonObject().put("type", "help").put("district", DISTRICT)
                .put("subject", "独居老人家中停水，请尽快上门查看")).json();
        ticket = created.getLong("id");
        number = created.getString("number");
        // By hand to the team lead (supervisor1 by the roster): the next warning about it is addressed to them.
        assertThat(supervisorApi.post("/api/tickets/" + ticket + "/transitions", new JsonObject().put("action", "escalate")
                .put("fields", new JsonObject().put("reason", "家属多次来电催促"))).status()).isEqualTo(200);
        quiet();
        openBoard("?district=" + DISTRICT);
        String row = "#sla-row-" + ticket;
        assertThat(supervisor.all(row)).isEmpty();
        supervisor.script("""
                window.slaSeen = null;
                new MutationObserver((changes, observer) => {
                  if (document.querySelector(arguments[0])) { window.slaSeen = Date.now(); observer.disconnect(); }
                }).observe(document.body, {childList: true, subtree: true});""", row);

        clock.advance(Duration.ofMinutes(49)); // a request for help is warned at 48 of its 60 minutes

        Await.until(() -> WARNED.containsKey(ticket), Duration.ofSeconds(60)); // behind what else the clock made due
        supervisor.waitFor(() -> supervisor.script("return window.slaSeen") != null);
        long latency = ((Number) supervisor.script("return window.slaSeen")).longValue() - WARNED.get(ticket);
        System.out.printf("SLA warning published → row on the board in Chromium: %d ms%n", latency);
        assertThat(latency).isLessThan(1_000);
        assertThat(supervisor.text(row)).contains(number).contains("即将超时").contains("首次响应").contains("班组长");

        String item = "#sla-inbox .inbox-warning:has(a[href='/tickets/" + ticket + "'])";
        supervisor.waitFor(() -> !supervisor.all(item).isEmpty());
        quiet();
        long unread = unreadBadge();
        supervisor.find(item + " button.ack").click();

        supervisor.waitFor(() -> supervisor.all(item).isEmpty() && unreadBadge() == unread - 1);
        Row acknowledged = query("SELECT acknowledged_by, acknowledged_at FROM sla_inbox WHERE ticket_id = $1 "
                + "AND kind = 'warning'", Tuple.of(ticket));
        assertThat(acknowledged.getString("acknowledged_by")).isEqualTo("supervisor1");
        assertThat(acknowledged.getOffsetDateTime("acknowledged_at")).isNotNull();
        supervisor.find("#sla-inbox button[hx-get$='status=read']").click();
        supervisor.waitFor(() -> supervisor.text("#sla-inbox").contains(number) && supervisor.text("#sla-inbox").contains("supervisor1"));
        openBoard("");
        supervisor.screenshot("sla-board-zh");
    }

    @Test
    @Order(2)
    @DisplayName("the reassign dialog names a missing reason; once given, the owner changes on the board and the timeline shows who gave it from whom to whom and why")
    void reassignFromTheBoard() throws Exception {
        openBoard("?district=" + DISTRICT);
        String row = "#sla-row-" + ticket;
        supervisor.find(row + " button[data-reassign]").click();
        supervisor.waitFor(() -> supervisor.find("#reassign").isDisplayed());
        supervisor.find("#reassign-to option[value='agent2']").click();
        supervisor.find("#reassign button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.find("[data-error-for=reason]").isDisplayed());
        assertThat(supervisor.text("[data-error-for=reason]")).isEqualTo("输入有误 — 原因");

        supervisor.find("#reassign-reason").sendKeys("张明熟悉东区管网，由他跟进");
        supervisor.find("#reassign button[type=submit]").click();

        supervisor.waitFor(() -> !supervisor.find("#reassign").isDisplayed());
        supervisor.waitFor(() -> supervisor.text(row + " .owner").contains("张明"));
        supervisor.open("/tickets/" + ticket);
        String timeline = supervisor.text(".timeline");
        assertThat(timeline).contains("改派 · supervisor1").contains("supervisor1 → agent2").contains("张明熟悉东区管网，由他跟进");
    }

    @Test
    @Order(3)
    @DisplayName("filters narrow the board and stay in the address; in English the board shows labels, not codes")
    void filtersInEnglish() throws Exception {
        english(supervisor, true);
        try {
            openBoard("");
            supervisor.find("#f-type option[value='help']").click();
            supervisor.waitFor(() -> supervisor.driver.getCurrentUrl().contains("type=help"));
            supervisor.waitFor(() -> !supervisor.all("#sla-row-" + ticket).isEmpty());
            assertThat(supervisor.all("#sla-rows tbody tr")).allSatisfy(tr -> assertThat(tr.getText()).contains("Request for help"));
            supervisor.find("#f-owner option[value='agent2']").click();
            supervisor.waitFor(() -> supervisor.driver.getCurrentUrl().contains("owner=agent2"));
            supervisor.waitFor(() -> supervisor.all("#sla-rows tbody tr").size() == 1);
            assertThat(supervisor.text("#sla-row-" + ticket)).contains("Team lead").contains("First response");
            openBoard("");
            supervisor.screenshot("sla-board-en");
        } finally {
            english(supervisor, false);
        }
    }

    @Test
    @Order(4)
    @DisplayName("an agent is refused the board, its table and its inbox (403), and the reassign action")
    void agentRefused() throws Exception {
        try (Browser agent = new Browser(app.httpPort())) {
            agent.logIn("agent1", PASSWORD);
            agent.waitFor(() -> agent.path().equals("/desk"));
            agent.open("/supervisor/sla");
            assertThat(agent.text("main")).contains("403");
            assertThat(agent.all("#sla-rows")).isEmpty();
        }
        for (String path : new String[]{"/supervisor/sla/rows", "/supervisor/sla/inbox"}) {
            assertThat(agentApi.get(path).status()).isEqualTo(403);
        }
        ApiResponse refused = agentApi.post("/api/tickets/" + ticket + "/transitions", new JsonObject()
                .put("action", "reassign").put("fields", new JsonObject().put("assignee", "agent1").put("reason", "mine")));
        assertThat(refused.status()).isEqualTo(403);
    }
}
