package hotline.telephony.callback;

import hotline.store.DbEndpoint;
import hotline.testing.Await;
import hotline.testing.MovableClock;
import hotline.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialler against a board with one free agent and an Originator that answers as the test says. */
class CallbackDiallerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final List<String> dialled = new CopyOnWriteArrayList<>();
    private final AtomicBoolean linkUp = new AtomicBoolean(true);
    /** The dialler asks whether the link is up first thing on every tick. */
    private final AtomicInteger ticks = new AtomicInteger();
    private Vertx vertx;
    private Pool pool;
    private CallbackStore store;
    private CallbackDialler dialler;

    @BeforeEach
    void start() {
        DbEndpoint db = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
        store = new CallbackStore(pool, clock, Duration.ofMinutes(30), 2, Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        dialler.stop();
        vertx.close().await();
    }

    private void startDialler(boolean answers) {
        JsonObject board = new JsonObject().put("queues", new JsonArray().add(new JsonObject().put("name", "hotline")
                .put("waiting", new JsonArray())
                .put("members", new JsonArray().add(new JsonObject().put("interface", "PJSIP/agent1").put("state", "available")))
                .put("today", new JsonObject())));
        dialler = new CallbackDialler(vertx, () -> board, "hotline", store, (phone, callback) -> {
            dialled.add(phone + ">" + callback.number() + " callback " + callback.id());
            return answers ? Future.succeededFuture() : Future.failedFuture("no answer");
        }, () -> {
            ticks.incrementAndGet();
            return linkUp.get();
        }, clock, Duration.ofMillis(50), Duration.ofMinutes(1));
        dialler.start();
    }

    @Test
    @DisplayName("an Originate that fails counts an attempt and the callback waits for its retry instead of being dialled again at once")
    void failedAttempt() throws Exception {
        // given a pending callback and an agent whose phone does not answer
        long id = store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await().id();
        startDialler(false);

        // when the dialler tries it
        Await.until(() -> !dialled.isEmpty(), Duration.ofSeconds(5));

        // then the agent's phone was dialled for that number with the callback's id, and the callback is pending again
        assertThat(dialled.getFirst()).isEqualTo("PJSIP/agent1>13900001111 callback " + id);
        Await.until(() -> status().attempts() == 1 && status().status() == CallbackStatus.REQUESTED, Duration.ofSeconds(5));
        // and the dialler, looking again several times, leaves it alone
        awaitTicks(3);
        assertThat(dialled).hasSize(1);
    }

    @Test
    @DisplayName("while the AMI link is down nothing is dialled and no attempt is spent")
    void linkDown() throws Exception {
        linkUp.set(false);
        store.request(new CallbackRequest("c-1", null, "13900001111", null, 0)).await();
        startDialler(true);

        awaitTicks(3);

        assertThat(dialled).isEmpty();
        assertThat(status().attempts()).isZero();
        linkUp.set(true);
        Await.until(() -> status().status() == CallbackStatus.CONNECTED, Duration.ofSeconds(5));
    }

    /** Returns once the dialler has looked at the board {@code more} more times. */
    private void awaitTicks(int more) throws InterruptedException {
        int target = ticks.get() + more;
        Await.until(() -> ticks.get() >= target, Duration.ofSeconds(5));
    }

    private Callback status() {
        return store.list(null, 1).await().getFirst();
    }
}
