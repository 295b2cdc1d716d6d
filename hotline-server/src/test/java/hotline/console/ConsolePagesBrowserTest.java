package hotline.console;

import hotline.App;
import hotline.auth.DemoUsers;
import hotline.store.DbEndpoint;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer page, the follow-ups page, the supervisor's simulated calls and a server restart under an open desk,
 * in a real headless Chromium against the whole server ({@code --demo}, with the AMI test peer, on a fixed port so a
 * restart comes back where the page looks for it). Saves screenshots of these pages in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest {

    private static final String SECRET = "ami-pages-secret";
    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;

    private static AmiPeer peer;
    private static DbEndpoint database;
    private static JsonObject settings;
    private static App app;
    private static Browser agent;
    private static Browser supervisor;
    private static Row keyCustomer;

    @BeforeAll
    static void start() throws Exception {
        peer = new AmiPeer("hotline", SECRET).start();
        database = TestDatabase.fresh();
        settings = new JsonObject()
                .put("http", new JsonObject().put("port", freePort()))
                .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", peer.port()).put("user", "hotline")
                        .put("secret", SECRET).put("standbyRetryMs", 200));
        app = TestApp.start(settings.copy(), Clock.systemUTC(), database, true);
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(10));
        keyCustomer = query("SELECT c.id, c.name, p.phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id "
                + "WHERE c.tier = 'key' AND p.position = 0 ORDER BY c.id LIMIT 1", Tuple.tuple());
        agent = new Browser(app.httpPort());
        supervisor = new Browser(app.httpPort());
        agent.logIn("agent1", PASSWORD);
        agent.waitFor(() -> agent.path().equals("/desk"));
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{agent, supervisor, () -> app.close(), peer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static Row query(String sql, Tuple args) {
        var rows = app.pool().preparedQuery(sql).execute(args).toCompletionStage().toCompletableFuture().join();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static void english(Browser browser, boolean on) {
        browser.manage().addCookie(new Cookie("hotline_lang", on ? "en" : "zh", "/"));
    }

    @Test
    @Order(1)
    @DisplayName("an agent sees the customer's card and timeline but no tier form, and the API refuses the agent's override")
    void agentMayNotOverrideTier() {
        agent.open("/customers/" + keyCustomer.getLong("id"));
        assertThat(agent.text("#customer-name")).isEqualTo(keyCustomer.getString("name"));
        assertThat(agent.text("#customer-tier")).isEqualTo("关键客户");
        assertThat(agent.all("#tier-form")).isEmpty();
        assertThat(agent.text("#tier-supervisor-only")).contains("班长");
        assertThat(agent.all(".timeline .tl")).isNotEmpty();

        var refused = ApiClient.login(app, "agent1", PASSWORD).post("/api/customers/" + keyCustomer.getLong("id") + "/tier",
                new JsonObject().put("tier", "small").put("reason", "just trying"));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    @DisplayName("a supervisor overrides the tier with a reason: the page shows the new tier and the change in the timeline")
    void supervisorOverridesTier() throws Exception {
        long id = keyCustomer.getLong("id");
        supervisor.open("/customers/" + id);
        supervisor.screenshot("customer-zh");
        supervisor.find("#tier option[value=ordinary]").click();
        supervisor.find("#tier-reason").sendKeys("合同到期，降为普通客户");
        supervisor.find("#tier-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.text("#customer-tier").equals("普通客户"));
        assertThat(supervisor.text(".timeline")).contains("合同到期，降为普通客户");
        assertThat(query("SELECT tier FROM customers WHERE id = $1", Tuple.of(id)).getString("tier")).isEqualTo("ordinary");
        english(supervisor, true);
        supervisor.open("/customers/" + id);
        supervisor.screenshot("customer-en");
        english(supervisor, false);
    }

    @Test
    @Order(3)
    @DisplayName("the desk's 'new customer' opens a form that creates the customer and goes to their page")
    void newCustomer() throws Exception {
        agent.open("/customers/new?phone=13700001111");
        assertThat(agent.find("#c-phones").getDomProperty("value")).isEqualTo("13700001111");
        agent.find("#c-name").sendKeys("赵新户");
        agent.find("#c-account").sendKeys("39000777");
        agent.find("#c-address").sendKeys("东区幸福路8号");
        agent.find("#customer-form button[type=submit]").click();
        agent.waitFor(() -> agent.path().startsWith("/customers/") && agent.text("#customer-name").equals("赵新户"));
        assertThat(agent.text(".customer-card")).contains("13700001111");
    }

    @Test
    @Order(4)
    @DisplayName("an agent records a due follow-up's outcome with a score: it is saved and leaves the list")
    void followUpOutcome() throws Exception {
        long followUp = query("INSERT INTO followups (kind, customer_id, district, assignee, due_at, created_at) "
                + "SELECT 'proactive', c.id, c.district, 'agent1', now() - interval '10 minutes', now() FROM customers c "
                + "WHERE c.id = $1 RETURNING id", Tuple.of(keyCustomer.getLong("id"))).getLong("id");
        agent.open("/followups");
        agent.screenshot("followups-zh");
        String item = "#followup-" + followUp;
        assertThat(agent.text(item)).contains(keyCustomer.getString("name")).contains("已逾期");
        agent.find(item + " summary").click();
        agent.find(item + " input[name=satisfaction][value='4']").click();
        agent.find(item + " textarea[name=comment]").sendKeys("抢修及时，满意");
        agent.find(item + " form.outcome button[type=submit]").click();
        agent.waitFor(() -> agent.all(item).isEmpty());
        Row saved = query("SELECT satisfaction, comment, done_by FROM followups WHERE id = $1", Tuple.of(followUp));
        assertThat(saved.getInteger("satisfaction")).isEqualTo(4);
        assertThat(saved.getString("comment")).isEqualTo("抢修及时，满意");
        assertThat(saved.getString("done_by")).isEqualTo("agent1");
        english(agent, true);
        agent.open("/followups");
        agent.screenshot("followups-en");
        english(agent, false);
    }

    @Test
    @Order(5)
    @DisplayName("a simulated call placed by the supervisor travels the AMI path and pops the caller card on the agent's desk")
    void simulatedCallPops() throws Exception {
        agent.open("/desk");
        agent.waitFor(() -> "up".equals(agent.find("#conn").getDomAttribute("data-state")));
        supervisor.open("/supervisor/training");
        supervisor.find("#sim-agent option[value='PJSIP/agent1']").click();
        supervisor.find("#sim-caller").sendKeys(keyCustomer.getString("phone"));
        supervisor.find("#sim-customer").sendKeys(keyCustomer.getLong("id").toString());
        supervisor.find("#sim-reason").sendKeys("repair");
        supervisor.screenshot("training-zh");
        supervisor.find("#simulate-form button[type=submit]").click();

        agent.waitFor(() -> agent.text("#card .caller-name").equals(keyCustomer.getString("name")));
        assertThat(agent.text("#card")).contains("identify>main_menu>agent");

        supervisor.find("#simulate-form button[type=button]").click();
        agent.waitFor(() -> agent.find("#wrapup").isDisplayed());
        english(supervisor, true);
        supervisor.open("/supervisor/training");
        supervisor.screenshot("training-en");
        english(supervisor, false);
    }

    @Test
    @Order(6)
    @DisplayName("the server restarted under an open desk: the page says it reconnected, and the next call still pops")
    void restartUnderAnOpenDesk() throws Exception {
        agent.open("/desk");
        agent.waitFor(() -> "up".equals(agent.find("#conn").getDomAttribute("data-state")));

        app.close();
        agent.waitFor(() -> "down".equals(agent.find("#conn").getDomAttribute("data-state")));
        app = TestApp.start(settings.copy(), Clock.systemUTC(), database, true);
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(10));

        Await.until(() -> "back".equals(agent.find("#conn").getDomAttribute("data-state")), Duration.ofSeconds(15));
        assertThat(agent.text("#conn")).contains("已重新连接");
        new Calls(peer).answered(keyCustomer.getString("phone"), keyCustomer.getLong("id"), "PJSIP/agent1");
        agent.waitFor(() -> agent.text("#card .caller-name").equals(keyCustomer.getString("name"))
                && !agent.text("#card").contains("通话已结束"));
    }
}
