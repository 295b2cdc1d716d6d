package hotline.billing.internal;

import hotline.billing.BillingUnavailableException;
import hotline.billing.FakeCis;
import hotline.billing.Statement;
import hotline.billing.UnknownAccountException;
import hotline.config.Config;
import hotline.testing.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CIS adapter against an HTTP endpoint the test runs: a normal, slow, failing, malformed and unknown answer. */
class CisClientTest {

    private static final String ACCOUNT = "8800010000";
    private static Vertx vertx;
    private FakeCis cis;
    private CisClient client;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void start() {
        cis = new FakeCis().withAccount(ACCOUNT, "98.00");
        client = new CisClient(vertx, settings(Map.of()), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        cis.close();
    }

    private BillingSettings.Cis settings(Map<String, Object> more) {
        JsonObject cisSettings = new JsonObject().put("baseUrl", cis.baseUrl()).put("readTimeoutMs", 300)
                .put("authHeader", "Authorization").put("authValue", "Bearer cis-secret-token")
                .put("breakerFailures", 3).put("breakerOpenSeconds", 30);
        more.forEach(cisSettings::put);
        return BillingSettings.read(new Config(new JsonObject().put("billing", new JsonObject().put("source", "cis")
                .put("cis", cisSettings)), Map.of())).cis().orElseThrow();
    }

    private static Throwable failure(Future<?> future) {
        assertThatThrownBy(future::await).isNotNull();
        return future.cause();
    }

    @Test
    @DisplayName("a normal answer becomes the statement, read with the configured authorization header")
    void normal() {
        Statement statement = client.statement(ACCOUNT).await();

        assertThat(statement.balance()).isEqualByComparingTo("98.00");
        assertThat(statement.bills()).hasSize(12);
        assertThat(statement.bills().getFirst().period()).hasToString("2026-10");
        assertThat(statement.readings().getFirst().value()).isEqualByComparingTo("1168");
        assertThat(statement.asOf()).isEqualTo(clock.instant());
        assertThat(cis.lastAuthorization).isEqualTo("Bearer cis-secret-token");
    }

    @Test
    @DisplayName("an account the CIS answers 404 for is unknown, and that is no failure for the circuit breaker")
    void unknownAccount() {
        for (int i = 0; i < 5; i++) {
            assertThat(failure(client.statement("8899999999"))).isInstanceOf(UnknownAccountException.class);
        }
        assertThat(client.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("a CIS slower than the read timeout is unavailable, said in milliseconds, without waiting for it")
    void slow() {
        cis.delayMs = 2_000;
        long started = System.nanoTime();

        Throwable failure = failure(client.statement(ACCOUNT));

        assertThat(failure).isInstanceOf(BillingUnavailableException.class)
                .hasMessageContaining("did not answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
    }

    @Test
    @DisplayName("a 5xx is unavailable naming the status; after three in a row the breaker answers at once without asking")
    void failing() {
        cis.failWith = 503;
        for (int i = 0; i < 3; i++) {
            assertThat(failure(client.statement(ACCOUNT))).isInstanceOf(BillingUnavailableException.class)
                    .hasMessageContaining("HTTP 503");
        }
        int asked = cis.requests.get();

        assertThat(failure(client.statement(ACCOUNT))).hasMessageContaining("failed 3 times in a row");
        assertThat(cis.requests.get()).isEqualTo(asked);
        assertThat(client.breakerState()).isEqualTo("OPEN");

        // once the open time has passed, one trial call goes through; the CIS is back, so the breaker closes
        cis.failWith = 0;
        clock.advance(Duration.ofSeconds(31));
        assertThat(client.statement(ACCOUNT).await().balance()).isEqualByComparingTo(new BigDecimal("98.00"));
        assertThat(client.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("credentials the CIS refuses are unavailable with a hint at the settings, never the secret")
    void refusedCredentials() {
        cis.failWith = 401;

        assertThat(failure(client.statement(ACCOUNT))).hasMessageContaining("billing.cis.authValue")
                .hasMessageNotContaining("cis-secret-token");
    }

    @Test
    @DisplayName("a malformed answer is unavailable and the message names the bad field by its path")
    void malformed() {
        JsonObject answer = cis.statements.get(ACCOUNT).copy();
        answer.getJsonArray("bills").getJsonObject(2).put("amount", "49,00");
        cis.malformed = answer.encode();
        assertThat(failure(client.statement(ACCOUNT))).isInstanceOf(BillingUnavailableException.class)
                .hasMessageContaining("bills[2].amount");

        cis.malformed = "<html>Service Unavailable</html>";
        assertThat(failure(client.statement(ACCOUNT))).hasMessageContaining("not a JSON object");

        cis.malformed = answer.put("accountNumber", "8800010001").encode();
        assertThat(failure(client.statement(ACCOUNT))).hasMessageContaining("another account");
    }

    @Test
    @DisplayName("a CIS that cannot be reached is unavailable, saying so")
    void unreachable() {
        int port = cis.port();
        cis.close();
        CisClient nowhere = new CisClient(vertx, settings(Map.of("baseUrl", "http://127.0.0.1:" + port)), clock);
        try {
            assertThat(failure(nowhere.statement(ACCOUNT))).isInstanceOf(BillingUnavailableException.class)
                    .hasMessageContaining("cannot be reached");
        } finally {
            nowhere.close();
            cis = new FakeCis();
        }
    }
}
