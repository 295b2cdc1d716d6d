package hotline.telephony.ami;

import hotline.App;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One AMI link per configured Asterisk, all feeding the same call records; health names the one that is down. */
class TwoAsterisksTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static AmiPeer first;
    private static AmiPeer second;
    private static App app;

    @BeforeAll
    static void start() throws Exception {
        first = new AmiPeer("hotline", "s1").start();
        second = new AmiPeer("hotline", "s1").start();
        app = TestApp.start(new JsonObject().put("ami", new JsonObject()
                .put("host", "127.0.0.1:" + first.port() + ", 127.0.0.1:" + second.port())
                .put("user", "hotline").put("secret", "s1")), Clock.systemUTC());
        Await.until(() -> app.telephony().amiUp(), LIMIT);
    }

    @AfterAll
    static void stop() {
        app.close();
        first.close();
        second.close();
    }

    private static long calls() {
        return app.pool().preparedQuery("SELECT count(*) AS n FROM calls").execute(Tuple.tuple())
                .await().iterator().next().getLong("n");
    }

    @Test
    @DisplayName("calls on either Asterisk are recorded; when one goes away health is DEGRADED naming it")
    void twoLinks() throws Exception {
        // given a call finishing on each Asterisk
        for (AmiPeer peer : new AmiPeer[]{first, second}) {
            String uid = (peer == first ? "pbx1-" : "pbx2-") + "1700000800.1";
            var caller = AmiPeer.channelSnapshot("", "PJSIP/trunk-00000081", uid, uid, "13800138000", 6, "Up",
                    "hotline-inbound", "96655");
            peer.emit("Newchannel", caller);
            peer.emit("Hangup", AmiPeer.with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));
        }
        // then both are recorded
        Await.until(() -> calls() == 2, LIMIT);

        // when the second Asterisk stops
        second.stop();
        Await.until(() -> !app.telephony().amiUp(), LIMIT);

        // then health is DEGRADED and names it
        JsonObject health = ApiClient.management(app).get("/health").json();
        assertThat(health.getString("status")).isEqualTo("DEGRADED");
        assertThat(health.getJsonObject("checks").getJsonObject("ami").getString("detail"))
                .contains("127.0.0.1:" + second.port()).doesNotContain("127.0.0.1:" + first.port() + ":");
    }
}
