package hotline.console;

import hotline.App;
import hotline.auth.DemoUsers;
import hotline.testing.ApiClient;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium against the whole server with the demo data and the AMI test peer:
 * log-in, screen pops to the right agent only, search, role and cross-site refusals, inert customer-typed markup.
 * Saves screenshots of the main pages to docs/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String SECRET = "ami-console-secret";
    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final String XSS_NAME = "\"><img src=x onerror=window.pwned=1>";
    private static final String XSS_ADDRESS = "<script>window.pwned=2</script>幸福路1号";
    private static final String XSS_SUBJECT = "</em><script>window.pwned=3</script>水表漏水 XSSPROBE";

    private static DemoDesk desk;
    private static App app;
    private static Calls calls;
    private static long xssCustomer;
    private static Browser agent1;
    private static Browser agent2;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start(SECRET);
        app = desk.app();
        calls = desk.calls();
        xssCustomer = query("INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, "
                + "critical_facility, created_at, updated_at) VALUES ('39000001', $1, $2, '03', 'residential', "
                + "'individual', 'ordinary', false, now(), now()) RETURNING id", Tuple.of(XSS_NAME, XSS_ADDRESS)).getLong("id");
        query("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, '13911112222', 0) RETURNING customer_id",
                Tuple.of(xssCustomer));
        ApiClient.login(app, "agent1", PASSWORD).post("/api/tickets", new JsonObject().put("type", "inquiry")
                .put("customerId", xssCustomer).put("subject", XSS_SUBJECT).put("description", XSS_ADDRESS + " 漏水"));
        agent1 = new Browser(app.httpPort());
        agent2 = new Browser(app.httpPort());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{agent1, agent2, desk}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    private static Row query(String sql, Tuple args) {
        return desk.query(sql, args);
    }

    @Test
    @Order(1)
    @DisplayName("/ sends a stranger to the log-in page, a wrong password is said next to the form, the right one opens the desk")
    void logIn() throws Exception {
        agent1.open("/");
        assertThat(agent1.path()).isEqualTo("/login");
        agent1.screenshot("login-zh");

        agent1.logIn("agent1", "wrong-password");
        agent1.waitFor(() -> agent1.find("#login-error").isDisplayed());
        assertThat(agent1.text("#login-error")).isEqualTo("用户名或密码不正确");

        agent1.find("#password").clear();
        agent1.logIn("agent1", PASSWORD);
        agent1.waitFor(() -> agent1.path().equals("/desk"));
        agent1.waitFor(() -> "up".equals(agent1.find("#conn").getDomAttribute("data-state")));
        assertThat(agent1.text("#statusbar")).contains("未签入");
    }

    @Test
    @Order(2)
    @DisplayName("after too many failures the log-in page says how many seconds to wait (429)")
    void throttled() throws Exception {
        try (Browser stranger = new Browser(app.httpPort())) {
            for (int i = 0; i < 6; i++) {
                stranger.logIn("nobody-" + "here", "guess-" + i);
                int attempt = i;
                stranger.waitFor(() -> stranger.find("#login-error").isDisplayed()
                        && (attempt < 5 || stranger.text("#login-error").contains("秒")));
            }
            assertThat(stranger.text("#login-error")).matches("尝试次数过多，请在 \\d+ 秒后重试");
            assertThat(stranger.find("#login-form button[type=submit]").isEnabled()).isFalse();
        }
    }

    @Test
    @Order(3)
    @DisplayName("a call answered on agent1's phone pops the caller card in agent1's browser within 1 s; agent2's stays empty")
    void screenPopReachesOnlyTheAnsweringAgent() throws Exception {
        agent2.logIn("agent2", PASSWORD);
        agent2.waitFor(() -> agent2.path().equals("/desk"));
        agent2.waitFor(() -> "up".equals(agent2.find("#conn").getDomAttribute("data-state")));
        Row customer = query("SELECT c.id, c.name, p.phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id "
                + "WHERE c.tier = 'key' ORDER BY c.id LIMIT 1", Tuple.tuple());

        long sent = System.nanoTime();
        calls.answered(customer.getString("phone"), customer.getLong("id"), "PJSIP/agent1");
        agent1.waitFor(() -> agent1.text("#card .caller-name").equals(customer.getString("name")));
        long popMs = (System.nanoTime() - sent) / 1_000_000;

        assertThat(popMs).isLessThan(1_000);
        assertThat(agent1.text("#card")).contains("关键客户");
        assertThat(agent1.text("#announce")).contains(customer.getString("name"));
        assertThat(agent2.all("#card .caller-name")).isEmpty();
        agent1.screenshot("desk-call-zh");

        // a reload in the middle of the call keeps the card
        agent1.open("/desk");
        assertThat(agent1.text("#card .caller-name")).isEqualTo(customer.getString("name"));
    }

    @Test
    @Order(4)
    @DisplayName("customer-typed markup in a popped card and in search snippets stays text: no script, no img runs")
    void customerTextIsInert() throws Exception {
        String uid = calls.answered("13911112222", xssCustomer, "PJSIP/agent1");
        agent1.waitFor(() -> agent1.text("#card .caller-name").equals(XSS_NAME));
        assertThat(agent1.text("#card")).contains(XSS_ADDRESS);
        assertThat(agent1.all("#card script, #card img, #context script, #context img")).isEmpty();
        calls.hangUp(uid, "13911112222", "PJSIP/agent1");
        agent1.waitFor(() -> agent1.find("#wrapup").isDisplayed());

        agent1.open("/desk");
        assertThat(agent1.all("main script, main img")).isEmpty();
        agent1.open("/search?q=XSSPROBE");
        agent1.waitFor(() -> !agent1.all(".hit").isEmpty());
        assertThat(agent1.text(".hit-subject")).isEqualTo(XSS_SUBJECT);
        assertThat(agent1.all("#results script, #results img")).isEmpty();
        assertThat(agent1.script("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    @Order(5)
    @DisplayName("a Chinese word and a phone number each find their tickets, with the match highlighted")
    void searches() throws Exception {
        agent1.open("/search?q=" + java.net.URLEncoder.encode("漏水", java.nio.charset.StandardCharsets.UTF_8));
        agent1.waitFor(() -> !agent1.all(".hit").isEmpty());
        assertThat(agent1.all(".snippet em")).isNotEmpty();
        agent1.screenshot("search-zh");

        Row ticket = query("SELECT caller_number, number FROM tickets WHERE caller_number IS NOT NULL ORDER BY id LIMIT 1",
                Tuple.tuple());
        agent1.open("/search");
        agent1.find("#q").sendKeys(ticket.getString("caller_number"));
        agent1.waitFor(() -> agent1.text("#results").contains(ticket.getString("number")));
    }

    @Test
    @Order(6)
    @DisplayName("an agent opening the supervisor page gets the 403 page in their language")
    void agentRefusedSupervisorPage() {
        agent1.open("/supervisor");
        assertThat(agent1.text("h1")).contains("403");
        assertThat(agent1.text("h1")).contains("无权");
    }

    @Test
    @Order(7)
    @DisplayName("a state change from another site, or without the page's token, is refused with 403")
    void crossSitePostRefused() throws Exception {
        Cookie session = agent2.manage().getCookieNamed("hotline_session");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.httpPort();
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
                .header("Cookie", "hotline_session=" + session.getValue()).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=x")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tokenless = http.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
                .header("Cookie", "hotline_session=" + session.getValue()).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(tokenless.statusCode()).isEqualTo(403);
        agent2.open("/desk");
        assertThat(agent2.path()).isEqualTo("/desk");
    }

    @Test
    @Order(8)
    @DisplayName("every page sends the content security policy and nosniff, and the English switch renders English")
    void headersAndEnglish() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.httpPort() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        agent1.open("/desk");
        agent1.find("form[action='/console/lang'] button").click();
        agent1.waitFor(() -> agent1.text("#statusbar").contains("Not in queue") || agent1.text("#statusbar").contains("Ready"));
        Row critical = query("SELECT c.id, c.name, p.phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id "
                + "WHERE c.critical_facility ORDER BY c.id LIMIT 1", Tuple.tuple());
        calls.answered(critical.getString("phone"), critical.getLong("id"), "PJSIP/agent1");
        agent1.waitFor(() -> agent1.text("#card .caller-name").equals(critical.getString("name")));
        assertThat(agent1.text("#card")).contains("Critical facility");
        agent1.screenshot("desk-en");
        agent1.open("/search?q=leak");
        agent1.screenshot("search-en");
        agent1.find("form[action='/logout'] button").click();
        agent1.waitFor(() -> agent1.path().equals("/login"));
        agent1.screenshot("login-en");
    }
}
