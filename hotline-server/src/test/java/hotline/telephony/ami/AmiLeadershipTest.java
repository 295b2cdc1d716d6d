package hotline.telephony.ami;

import hotline.App;
import hotline.store.DbEndpoint;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Several Hotline instances on one database: one holds each Asterisk's AMI link, the others stand by. */
class AmiLeadershipTest {

    private static final long RETRY_MS = 500;

    private final List<App> apps = new ArrayList<>();
    private AmiPeer peer;
    private DbEndpoint database;

    @BeforeEach
    void start() throws Exception {
        peer = new AmiPeer("hotline", "s1").start();
        database = TestDatabase.fresh();
        JsonObject settings = new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1")
                .put("port", peer.port()).put("user", "hotline").put("secret", "s1").put("standbyRetryMs", RETRY_MS));
        apps.add(TestApp.start(settings, Clock.systemUTC(), database));
        apps.add(TestApp.start(settings, Clock.systemUTC(), database));
        Await.until(() -> apps.stream().anyMatch(app -> app.telephony().amiUp()), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        apps.forEach(App::close);
        peer.close();
    }

    private App holder() {
        return apps.stream().filter(app -> app.telephony().amiUp()).findFirst().orElseThrow();
    }

    private App standby() {
        return apps.stream().filter(app -> !app.telephony().amiUp()).findFirst().orElseThrow();
    }

    private static JsonObject amiHealth(App app) {
        return ApiClient.management(app).get("/health").json().getJsonObject("checks").getJsonObject("ami");
    }

    @Test
    @DisplayName("of two instances configured for one Asterisk, exactly one logs in; the other reports standby, UP")
    void oneHolderOneStandby() throws Exception {
        // given two instances, the one without the link having tried for it and stood by
        Await.until(() -> "standby".equals(amiHealth(standby()).getString("link")), Duration.ofSeconds(5));

        // then the Asterisk has one manager session and one instance is connected
        assertThat(peer.loggedInSessions()).isEqualTo(1);
        assertThat(apps.stream().filter(app -> app.telephony().amiUp())).hasSize(1);
        // and the standby's health says so without being a fault
        JsonObject ami = amiHealth(standby());
        assertThat(ami.getString("status")).isEqualTo("UP");
        assertThat(ami.getString("link")).isEqualTo("standby");
        assertThat(ami.getString("detail")).contains("127.0.0.1:" + peer.port())
                .contains("another Hotline instance holds the link");
        assertThat(amiHealth(holder()).getString("link")).isEqualTo("connected");
    }

    @Test
    @DisplayName("when the holder stops, the standby logs in to the Asterisk within the retry interval")
    void standbyTakesOver() throws Exception {
        // given a holder and a standby
        App holder = holder();
        App standby = standby();

        // when the holder stops
        holder.close();
        apps.remove(holder);
        long stoppedAt = System.currentTimeMillis();

        // then the standby is logged in within the retry interval (and the time a login and resync take)
        Await.until(() -> standby.telephony().amiUp(), Duration.ofMillis(RETRY_MS + 2_000));
        assertThat(System.currentTimeMillis() - stoppedAt).isLessThan(RETRY_MS + 2_000);
        assertThat(peer.loggedInSessions()).isEqualTo(1);
        assertThat(amiHealth(standby).getString("link")).isEqualTo("connected");
    }

    @Test
    @DisplayName("when the holder's lock session ends, it closes its AMI link, and then one instance holds it again")
    void lostLockClosesLink() throws Exception {
        // given the holder's lock session
        App holder = holder();
        Vertx vertx = Vertx.vertx();
        try {
            PgConnection admin = PgConnection.connect(vertx, database.connectOptions()).await();
            // when the database ends it
            admin.query("""
                    SELECT pg_terminate_backend(pid) FROM pg_locks
                    WHERE locktype = 'advisory' AND granted
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                    .execute().await();
            admin.close().await();
        } finally {
            vertx.close().await();
        }

        // then the holder drops its link
        Await.until(() -> !holder.telephony().amiUp(), Duration.ofMillis(2 * RETRY_MS + 2_000));
        // and afterwards one instance holds it, and the other has tried again and stood by
        Duration settling = Duration.ofMillis(3 * RETRY_MS + 2_000);
        Await.until(() -> apps.stream().filter(app -> app.telephony().amiUp()).count() == 1, settling);
        Await.until(() -> "standby".equals(amiHealth(standby()).getString("link")), settling);
        assertThat(peer.loggedInSessions()).isEqualTo(1);
        assertThat(apps.stream().filter(app -> app.telephony().amiUp())).hasSize(1);
    }
}
