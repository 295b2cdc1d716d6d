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
                .put("loginFailures", new JsonObject().put("perUsername", 5).put("perAddress", 8).put("windowMinutes", 15))
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
    @DisplayName("given 5 failures for a user name in 15 minutes, when the right password comes, then 429 with Retry-After until the window slides")
    void perUsername() {
        // given
        for (int i = 0; i < 5; i++) {
            assertThat(login("admin", "wrong-" + i).status()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }

        // when
        ApiResponse blocked = login("admin", TestApp.ADMIN_PASSWORD);

        // then: the first failure (at 10:00) leaves the window at 10:15; it is 10:05 now
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("retry-after")).isEqualTo(String.valueOf(Duration.ofMinutes(10).toSeconds()));
        assertThat(blocked.json().getString("error")).contains("too many");
        clock.advance(Duration.ofMinutes(10));
        assertThat(login("admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given failures spread over many user names from one address, when the address limit is reached, then every user name is blocked from there")
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
        app = server.restart(new JsonObject().put("http", new JsonObject().put("trustedProxies", "127.0.0.1")));
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

    @Test
    @DisplayName("given a user name below its limit, a success neither blocks nor clears the failures, and other users are not affected")
    void successClearsNothing() {
        // given
        for (int i = 0; i < 4; i++) {
            login("admin", "wrong-" + i);
        }

        // when
        ApiResponse success = login("admin", TestApp.ADMIN_PASSWORD);

        // then: the four failures still count, so one more failure reaches the limit
        assertThat(success.status()).isEqualTo(200);
        assertThat(login("admin", "wrong-again").status()).isEqualTo(401);
        assertThat(login("admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(429);
        assertThat(ApiClient.as(app, Role.AGENT).get("/api/session").status()).isEqualTo(200);
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
