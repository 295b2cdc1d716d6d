package hotline.console;

import hotline.App;
import hotline.auth.AuthGuard;
import hotline.auth.DemoUsers;
import hotline.telephony.ami.AmiLink;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import io.vertx.core.json.JsonObject;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard, its TV view and the agents page in a real headless Chromium against the whole server
 * ({@link DemoDesk}: {@code --demo}, the AMI test peer, a port kept across a restart): the numbers follow the calls the
 * peer reports, come back the same from the call records after a restart and on a second instance standing by for the
 * AMI link, and a supervisor pauses an agent with a reason. Saves the screenshots of these pages in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WallboardBrowserTest {

    private static final String SECRET = "ami-wallboard-secret";
    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final String PHONE = "PJSIP/agent1";

    private static DemoDesk desk;
    private static Browser supervisor;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start(SECRET);
        assertThat(ApiClient.login(desk.app(), "agent1", PASSWORD).post("/api/agent/queue",
                new JsonObject().put("action", "login")).status()).isEqualTo(202);
        supervisor = new Browser(desk.app().httpPort());
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{supervisor, desk}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    private static void english(boolean on) {
        supervisor.manage().addCookie(new Cookie("hotline_lang", on ? "en" : "zh", "/"));
    }

    private static String tile(String id) {
        return supervisor.text("#" + id + " .tile-value");
    }

    private static String count(String what) {
        return supervisor.text("#wb-" + what + "-hotline");
    }

    @Test
    @Order(1)
    @DisplayName("an agent is refused the wallboard, the TV view, the agents page and the training page (403)")
    void agentRefused() throws Exception {
        String token = ApiClient.login(desk.app(), "agent2", PASSWORD).token();
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/supervisor", "/supervisor/tv", "/supervisor/agents", "/supervisor/training")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.app().httpPort() + page))
                    .header("Cookie", AuthGuard.COOKIE + "=" + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    @Order(2)
    @DisplayName("the wallboard's numbers move as the AMI peer queues, answers and abandons calls; a short abandon is counted apart")
    void numbersFollowTheCalls() throws Exception {
        supervisor.open("/supervisor");
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));
        assertThat(tile("wb-waiting-hotline")).isEqualTo("0");
        assertThat(supervisor.all(".wb-link")).as("this instance holds the AMI link: nothing to explain").isEmpty();

        String answered = desk.calls().queued("13800000001", null);
        supervisor.waitFor(() -> tile("wb-waiting-hotline").equals("1") && count("offered").equals("1"));
        desk.calls().connect(answered, "13800000001", PHONE);
        supervisor.waitFor(() -> tile("wb-waiting-hotline").equals("0") && count("answered").equals("1"));
        assertThat(supervisor.text("#wb-count-in_call")).isEqualTo("1");

        String abandoned = desk.calls().queued("13800000002", null);
        supervisor.waitFor(() -> tile("wb-waiting-hotline").equals("1"));
        desk.calls().abandon(abandoned, "13800000002", 30);
        supervisor.waitFor(() -> count("abandoned").equals("1") && tile("wb-waiting-hotline").equals("0"));

        String hungUpAtOnce = desk.calls().queued("13800000003", null);
        desk.calls().abandon(hungUpAtOnce, "13800000003", 2);
        desk.calls().hangUp(answered, "13800000001", PHONE);
        supervisor.waitFor(() -> supervisor.text(".wb-counts").contains("不计入） 1"));

        assertThat(count("offered")).as("the short abandon is not offered").isEqualTo("2");
        assertThat(tile("wb-sl-hotline")).isEqualTo("50.0%");
        assertThat(supervisor.text("#wb-sl-hotline")).contains("1 ÷ (1 接通 + 1 放弃)").contains("告警");
        assertThat(tile("wb-abandon-hotline")).isEqualTo("50.0%");
        assertThat(tile("wb-asa-hotline")).isEqualTo("0:09");
        supervisor.screenshot("wallboard-zh");
        english(true);
        supervisor.open("/supervisor");
        supervisor.waitFor(() -> tile("wb-sl-hotline").equals("50.0%"));
        supervisor.screenshot("wallboard-en");
        supervisor.open("/supervisor/tv");
        supervisor.screenshot("wallboard-tv-en");
        english(false);
        supervisor.open("/supervisor/tv");
        assertThat(supervisor.all(".topbar")).as("no navigation on the TV").isEmpty();
        assertThat(supervisor.text("#tv-sl-hotline .tile-value")).isEqualTo("50.0%");
        supervisor.screenshot("wallboard-tv-zh");
    }

    @Test
    @Order(3)
    @DisplayName("after a server restart the wallboard shows the same day's numbers, read from the call records")
    void sameAfterRestart() throws Exception {
        Await.until(() -> desk.query("SELECT count(*) AS n FROM calls", Tuple.tuple()).getLong("n") == 3,
                Duration.ofSeconds(10));
        desk.restart();

        supervisor.open("/supervisor");
        supervisor.waitFor(() -> count("offered").equals("2"));
        assertThat(count("answered")).isEqualTo("1");
        assertThat(count("abandoned")).isEqualTo("1");
        assertThat(tile("wb-sl-hotline")).isEqualTo("50.0%");
        assertThat(tile("wb-asa-hotline")).isEqualTo("0:09");
    }

    @Test
    @Order(4)
    @DisplayName("a second instance standing by for the AMI link shows the same day's numbers and says why it shows no calls waiting")
    void sameOnAStandby() throws Exception {
        App standby = desk.another();
        try {
            Await.until(() -> standby.telephony().amiLink().orElse(null) == AmiLink.State.STANDBY, Duration.ofSeconds(20));
            String token = ApiClient.login(standby, "supervisor1", PASSWORD).token();
            String[] page = new String[1];
            Await.until(() -> (page[0] = page(standby, token, "/supervisor")).contains("id=\"wb-offered-hotline\">2<"),
                    Duration.ofSeconds(20));

            assertThat(page[0]).contains("id=\"wb-answered-hotline\">1<").contains("id=\"wb-abandoned-hotline\">1<")
                    .contains(">50.0<small class=\"unit\">%</small>").contains("class=\"wb-link wb-link-standby\"");
            assertThat(page(standby, token, "/supervisor/tv")).contains("class=\"wb-link wb-link-standby\"");
        } finally {
            standby.close();
        }
    }

    private static String page(App server, String token, String path) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpPort() + path))
                    .header("Cookie", AuthGuard.COOKIE + "=" + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(5)
    @DisplayName("a supervisor pauses an agent with a reason: the reason being typed survives live redraws, Asterisk pauses the phone, the reason is recorded and shown")
    void supervisorPausesAnAgent() throws Exception {
        long agentId = desk.query("SELECT id FROM users WHERE username = 'agent1'", Tuple.tuple()).getLong("id");
        supervisor.open("/supervisor/agents");
        supervisor.waitFor(() -> "up".equals(supervisor.find("#conn").getDomAttribute("data-state")));
        String row = "#agent-" + agentId;
        String input = "#reason-" + agentId;
        String reason = "临时支援东区爆管回访";

        supervisor.find(input).click();
        supervisor.find(input).sendKeys(reason);
        String drawn = drawnAt();
        // the list is redrawn from the stream at least every few seconds (today's figures are read again)
        supervisor.waitFor(() -> !drawn.equals(drawnAt()), Duration.ofSeconds(30));
        assertThat(supervisor.find(input).getDomProperty("value")).isEqualTo(reason);
        assertThat(supervisor.script("return document.activeElement.id")).isEqualTo("reason-" + agentId);

        // a redraw may replace the button between finding and clicking it: then find it again
        supervisor.waitFor(() -> {
            supervisor.find(row + " button.pause").click();
            return true;
        });
        // the state with the reason Asterisk reports back, and the intervention with who made it
        supervisor.waitFor(() -> supervisor.text(row + " .state-cell").equals("小休 · " + reason));
        assertThat(supervisor.text(row + " .intervention")).contains("班长暂停").contains("王班长").contains(reason);
        supervisor.waitFor(() -> "".equals(supervisor.find(input).getDomProperty("value")));
        var recorded = desk.query("SELECT action, reason FROM agent_queue_interventions WHERE agent_user_id = $1",
                Tuple.of(agentId));
        assertThat(recorded.getString("action")).isEqualTo("pause");
        assertThat(recorded.getString("reason")).isEqualTo(reason);
        supervisor.screenshot("agents-zh");
        english(true);
        supervisor.open("/supervisor/agents");
        supervisor.screenshot("agents-en");
        english(false);
    }

    private static String drawnAt() {
        return String.valueOf(supervisor.script("return document.documentElement.dataset.wbDrawnAt || ''"));
    }
}
