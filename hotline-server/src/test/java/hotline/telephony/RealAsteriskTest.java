package hotline.telephony;

import hotline.App;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real Asterisk set up with the files of {@code ivr-scripts/} (see its README). Runs only when
 * {@code HOTLINE_IT_ASTERISK=host:port,user,secret} names the AMI of one; otherwise every test reports itself skipped.
 * FastAGI listens where the dialplan sends calls: the address and port of its {@code HOTLINE_HOST} and
 * {@code HOTLINE_AGI_PORT} globals, asked of Asterisk ({@code HOTLINE_IT_AGI_HOST} overrides the address, for an
 * Asterisk that reaches this machine by another address than the one to listen on).
 */
class RealAsteriskTest {

    private static final String ASTERISK = System.getenv("HOTLINE_IT_ASTERISK");
    private static final String AGI_HOST = System.getenv("HOTLINE_IT_AGI_HOST");
    private static App app;
    private static String host;
    private static int port;
    private static String user;
    private static String secret;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(ASTERISK != null && !ASTERISK.isBlank(),
                "HOTLINE_IT_ASTERISK is not set (host:port,user,secret of a real Asterisk's AMI): real-Asterisk tests skipped");
        String[] parts = ASTERISK.split(",", 3);
        assumeTrue(parts.length == 3 && parts[0].contains(":"), "HOTLINE_IT_ASTERISK must be host:port,user,secret");
        if (app != null) {
            return;
        }
        host = parts[0].substring(0, parts[0].lastIndexOf(':'));
        port = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf(':') + 1));
        user = parts[1];
        secret = parts[2];
        JsonObject settings = new JsonObject()
                .put("ami", new JsonObject().put("host", host).put("port", port).put("user", user).put("secret", secret))
                .put("agi", new JsonObject().put("host", AGI_HOST != null && !AGI_HOST.isBlank() ? AGI_HOST
                        : dialplanGlobal("HOTLINE_HOST")).put("port", Integer.parseInt(dialplanGlobal("HOTLINE_AGI_PORT"))));
        app = TestApp.start(settings, Clock.systemUTC());
    }

    /** A global variable of Asterisk's dialplan (Getvar without a channel), with a fresh log-in of its own. */
    private static String dialplanGlobal(String name) throws Exception {
        ManagerConnection ami = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        ami.login("off");
        try {
            ManagerResponse answer = ami.sendAction(new GetVarAction(name), 5_000);
            String value = answer.getAttribute("value");
            assertThat(value).as("dialplan global " + name + " (ivr-scripts/extensions_hotline.conf)").isNotBlank();
            return value;
        } finally {
            ami.logoff();
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("the AMI link logs in to the real Asterisk and the queue board shows the hotline queue")
    void linkAndQueue() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        JsonObject health = new JsonObject(new String(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.httpPort() + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(health.getJsonObject("checks").getJsonObject("ami").getString("status")).isEqualTo("UP");
    }

    @Test
    @DisplayName("a call originated into hotline-inbound runs the IVR over FastAGI and ends as a call record")
    void callThroughIvr() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        ManagerConnection ami = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        ami.login("off");
        try {
            OriginateAction originate = new OriginateAction();
            // A Local channel into the inbound context; its other half just waits (nobody presses keys, so the IVR
            // re-prompts three times and hands the call to the queue).
            originate.setChannel("Local/s@hotline-inbound");
            originate.setApplication("Wait");
            originate.setData("120");
            originate.setCallerId("13800138000");
            originate.setTimeout(30_000L);
            originate.setAsync(true);
            ManagerResponse response = ami.sendAction(originate, 30_000);
            assertThat(response.getResponse()).isEqualTo("Success");
        } finally {
            ami.logoff();
        }
        Await.until(() -> app.pool().preparedQuery("SELECT count(*) AS n FROM calls WHERE ivr_path IS NOT NULL")
                .execute(Tuple.tuple()).await().iterator().next().getLong("n") > 0,
                Duration.ofSeconds(150));
    }
}
