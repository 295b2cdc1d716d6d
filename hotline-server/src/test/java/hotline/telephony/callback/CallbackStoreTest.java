package hotline.telephony.callback;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.MovableClock;
import hotline.testing.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The callbacks table through {@link CallbackStore} and {@code GET /api/callbacks}, on the real PostgreSQL. */
class CallbackStoreTest {

    private static App app;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private CallbackStore store;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void emptyTable() {
        app.pool().query("DELETE FROM callbacks").execute().await();
        store = new CallbackStore(app.pool(), clock, Duration.ofMinutes(30), 2, Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("A call books one callback however often it asks; the list puts higher priority first, then who asked first")
    void bookingAndOrder() {
        // given an ordinary caller, then a key customer a minute later
        Callback first = store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await();
        clock.advance(Duration.ofMinutes(1));
        store.request(new CallbackRequest("c-2", null, "13900002222", null, 5)).await();

        // when the first call's booking is repeated
        Callback again = store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await();

        // then it is the same booking, due 30 minutes after it was asked for, and the key customer comes first
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.dueAt()).isEqualTo(first.requestedAt().plus(Duration.ofMinutes(30)));
        assertThat(store.list(CallbackStatus.REQUESTED, 10).await()).extracting(Callback::callUniqueid)
                .containsExactly("c-2", "c-1");
    }

    @Test
    @DisplayName("Claims made at the same moment take each callback once")
    void claimOnce() {
        store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await();
        store.request(new CallbackRequest("c-2", null, "13900002222", null, 0)).await();

        List<Optional<Callback>> claims = Future.all(IntStream.range(0, 6)
                .mapToObj(i -> store.claimNext("PJSIP/agent" + i)).toList()).await()
                .list();

        assertThat(claims.stream().flatMap(Optional::stream).map(Callback::callUniqueid)).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(store.list(CallbackStatus.DIALLING, 10).await()).allMatch(callback -> callback.attempts() == 1);
    }

    @Test
    @DisplayName("A failed attempt is retried after the delay, and the callback fails once its attempts are used up")
    void boundedRetries() {
        long id = store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await().id();

        // first attempt fails: requested again, but not before the retry delay
        assertThat(store.claimNext("PJSIP/agent1").await()).isPresent();
        assertThat(store.attemptFailed(id).await().orElseThrow().status()).isEqualTo(CallbackStatus.REQUESTED);
        assertThat(store.claimNext("PJSIP/agent1").await()).isEmpty();

        // second (last) attempt fails: failed for good
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.claimNext("PJSIP/agent1").await().orElseThrow().attempts()).isEqualTo(2);
        assertThat(store.attemptFailed(id).await().orElseThrow().status()).isEqualTo(CallbackStatus.FAILED);
        clock.advance(Duration.ofHours(1));
        assertThat(store.claimNext("PJSIP/agent1").await()).isEmpty();
        assertThat(store.connected(id).await()).isEmpty();
    }

    @Test
    @DisplayName("Agents list callbacks by status; an unknown status is a 400 naming the field, no session a 401")
    void api() {
        store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await();
        ApiClient agent = ApiClient.as(app, Role.AGENT);

        JsonArray requested = agent.get("/api/callbacks?status=requested").json().getJsonArray("callbacks");
        assertThat(requested).hasSize(1);
        assertThat(requested.getJsonObject(0).getString("number")).isEqualTo("13900001111");
        assertThat(requested.getJsonObject(0).getString("status")).isEqualTo("requested");
        assertThat(agent.get("/api/callbacks?status=failed").json().getJsonArray("callbacks")).isEmpty();
        var bad = agent.get("/api/callbacks?status=lost");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status");
        assertThat(ApiClient.anonymous(app).get("/api/callbacks").status()).isEqualTo(401);
    }
}
