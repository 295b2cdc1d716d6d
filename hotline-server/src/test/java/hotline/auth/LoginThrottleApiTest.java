package hotline.auth;

import hotline.App;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleApiTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final String DESK = "192.0.2.15";
    private final ManualClock clock = new ManualClock();
    /** A server of its own for each test: failures counted in one test must not block the next. */
    @RegisterExtension
    final HotlineServerExtension server = new HotlineServerExtension().withSettings(settings()).withClock(clock);
    private App app;

    @BeforeEach
    void start(App started) {
        app = started;
    }

    private static JsonObject settings() {
        return new JsonObject().put("auth", new JsonObject()
                .put("loginFailures", new JsonObject().put("perUserAndAddress", 3).put("maxDelaySeconds", 60)
                        .put("perUsername", 5).put("perAddress", 8).put("windowMinutes", 15))
                .put("sessionHours", 2));
    }

    private ApiResponse login(String username, String password) {
        return ApiClient.anonymous(app).post("/api/session",
                new JsonObject().put("username", username).put("password", password));
    }

    /** A log-in through a reverse proxy that says it forwards for {@code forwardedFor}. */
    private ApiResponse loginVia(String forwardedFor, String username, String password) {
        return ApiClient.anonymous(app).post("/api/session",
                new JsonObject().put("username", username).put("password", password).encode(),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor));
    }

    @Test
    @DisplayName("given 5 failures for a user name from addresses she never used, when the right password comes from one of them, then 429 with Retry-After until the window slides")
    void perUsernameFromUnknownAddresses() {
        // given
        trustProxy();
        for (int i = 0; i < 5; i++) {
            assertThat(loginVia("198.51.100." + i, "admin", "wrong-" + i).status()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }

        // when
        ApiResponse blocked = loginVia("198.51.100.9", "admin", TestApp.ADMIN_PASSWORD);

        // then: the fifth-newest failure from an unknown address (10:00) leaves the window at 10:15; it is 10:05
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("retry-after")).isEqualTo(String.valueOf(Duration.ofMinutes(10).toSeconds()));
        assertThat(blocked.json().getString("error")).contains("too many");
        clock.advance(Duration.ofMinutes(10));
        assertThat(loginVia("198.51.100.9", "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given an agent who logged in from her desk, when a stranger guesses her password from elsewhere until refused, then her desk still logs her in")
    void strangerCannotLockOutTheDesk() {
        // given
        trustProxy();
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 12; i++) {
            loginVia("203.0.113." + (i % 4), "admin", "guess-" + i);
        }
        assertThat(loginVia("203.0.113.200", "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(429);

        // when
        ApiResponse atTheDesk = loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD);

        // then
        assertThat(atTheDesk.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given failures of one user at one address, when they pass the allowance, then each attempt waits a doubling delay, the right password too, and a success forgives them")
    void guessingIsSlowedByGrowingDelays() {
        // given: three free failures
        trustProxy();
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(loginVia(DESK, "admin", "typo-" + i).status()).isEqualTo(401);
        }

        // then: 1 s, then 2 s, then 4 s
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).header("retry-after")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(loginVia(DESK, "admin", "typo-3").status()).isEqualTo(401);
        assertThat(loginVia(DESK, "admin", "typo-4").header("retry-after")).isEqualTo("2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(loginVia(DESK, "admin", "typo-4").status()).isEqualTo(401);
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).header("retry-after")).isEqualTo("4");
        clock.advance(Duration.ofSeconds(4));
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
        // forgiven: the next typo is free again
        assertThat(loginVia(DESK, "admin", "typo-5").status()).isEqualTo(401);
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given an office behind one address, when one colleague mistypes many times and a stranger there sprays user names, then the others still log in")
    void officeBehindOneAddressStaysOpen() {
        // given
        trustProxy();
        assertThat(loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
        ApiClient colleague = ApiClient.as(app, Role.AGENT);
        String colleagueName = colleague.user().getString("username");
        assertThat(loginVia(DESK, colleagueName, ApiClient.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            loginVia(DESK, colleagueName, "typo-" + i);
            clock.advance(Duration.ofSeconds(61));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(loginVia(DESK, "guess" + i, "wrong-password").status()).isEqualTo(401);
        }

        // when
        ApiResponse sprayer = loginVia(DESK, "guess99", "wrong-password");
        ApiResponse other = loginVia(DESK, "admin", TestApp.ADMIN_PASSWORD);

        // then
        assertThat(sprayer.status()).isEqualTo(429);
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given failures spread over many user names from one address, when the address limit is reached, then names that never logged in there are blocked from it")
    void perAddress() {
        // given
        for (int i = 0; i < 8; i++) {
            assertThat(login("guess" + i, "wrong-password").status()).isEqualTo(401);
        }

        // when
        ApiResponse blocked = login("admin", TestApp.ADMIN_PASSWORD);

        // then
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("retry-after"))).isEqualTo(Duration.ofMinutes(15).toSeconds());
        // No proxy is trusted by default: a forged X-Forwarded-For changes nothing.
        assertThat(loginVia("198.51.100.1", "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    @DisplayName("given a trusted reverse proxy, when one client behind it reaches the address limit, then only that client is blocked")
    void perClientBehindATrustedProxy() {
        // given
        trustProxy();
        for (int i = 0; i < 8; i++) {
            assertThat(loginVia("203.0.113.7", "guess" + i, "wrong-password").status()).isEqualTo(401);
        }

        // when
        ApiResponse sameClient = loginVia("203.0.113.7", "admin", TestApp.ADMIN_PASSWORD);
        ApiResponse otherClient = loginVia("203.0.113.8", "admin", TestApp.ADMIN_PASSWORD);
        // the proxy appends the address it saw; what the client wrote before it is not believed
        ApiResponse posing = loginVia("203.0.113.8, 203.0.113.7", "admin", TestApp.ADMIN_PASSWORD);

        // then
        assertThat(sameClient.status()).isEqualTo(429);
        assertThat(otherClient.status()).isEqualTo(200);
        assertThat(posing.status()).isEqualTo(429);
    }

    /** Restarts the server behind a trusted proxy on loopback, so each test client can have its own address. */
    private void trustProxy() {
        app = server.restart(new JsonObject().put("http", new JsonObject().put("trustedProxies", "127.0.0.1")));
    }

    @Test
    @DisplayName("given old failures and an expired session, when the purge runs, then both rows are gone and live ones stay")
    void purge() {
        // given
        login("admin", "wrong-password");
        ApiClient.as(app, Role.AGENT);
        clock.advance(Duration.ofHours(3));
        login("admin", "wrong-password");
        ApiClient live = ApiClient.as(app, Role.AGENT);

        // when
        app.auth().purge().await();

        // then
        assertThat(count("login_failures")).isEqualTo(1);
        assertThat(count("sessions")).isEqualTo(1);
        assertThat(live.get("/api/session").status()).isEqualTo(200);
    }

    private long count(String table) {
        return app.pool().query("SELECT count(*) FROM " + table).execute().await().iterator().next().getLong(0);
    }

    @Test
    @DisplayName("given a session, when its hours have passed, then the token is refused even though it was cached")
    void sessionExpires() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        assertThat(agent.get("/api/session").status()).isEqualTo(200);

        // when
        clock.advance(Duration.ofHours(2));

        // then
        assertThat(agent.get("/api/session").status()).isEqualTo(401);
    }
}
