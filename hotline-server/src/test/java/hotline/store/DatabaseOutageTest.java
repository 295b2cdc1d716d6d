package hotline.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import hotline.App;
import hotline.auth.Role;
import hotline.config.Config;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server on an embedded PostgreSQL of its own (not the tests' shared one), whose server process the test kills by
 * the pid in its {@code postmaster.pid} while clients create tickets.
 */
class DatabaseOutageTest {

    private static final int CLIENTS = 8;

    @Test
    @DisplayName("a killed embedded PostgreSQL is restarted by the server: meanwhile 503 with Retry-After (never 401 or "
            + "500), /health DOWN with the reason, a few log lines; afterwards every acknowledged ticket is there")
    void outageHealsByItself() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "outage-" + System.nanoTime()).toAbsolutePath());
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("instances", 1))
                .put("agi", new JsonObject().put("port", 0))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("db", new JsonObject().put("poolSize", 8))
                .put("admin", new JsonObject().put("password", TestApp.ADMIN_PASSWORD))
                .put("management", new JsonObject().put("token", TestApp.MANAGEMENT_TOKEN))
                .put("auth", new JsonObject().put("hashMemoryKib", 1024).put("hashIterations", 1));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (App app = App.start(new Config(settings, Map.of()), false)) {
            ApiClient agent = ApiClient.as(app, Role.AGENT);
            // Logged in but never used: its first request must look the session up in the database.
            ApiClient unchecked = ApiClient.as(app, Role.AGENT);
            EmbeddedPostgres postgres = app.database().embedded().orElseThrow();

            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<ApiResponse> refused = new ConcurrentLinkedQueue<>();
            AtomicLong killedAt = new AtomicLong();
            AtomicLong healedAt = new AtomicLong();
            AtomicLong firstRefusal = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new CopyOnWriteArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients.add(Thread.ofVirtual().start(() -> {
                    for (int n = 0; running.get(); n++) {
                        long sent = System.nanoTime();
                        ApiResponse response = agent.post("/api/tickets", new JsonObject().put("type", "inquiry")
                                .put("subject", "outage " + client + "-" + n));
                        if (response.status() == 201) {
                            acknowledged.put(response.json().getLong("id"), response.json().getString("number"));
                            // Healed: a ticket sent after the outage was first felt is stored.
                            if (firstRefusal.get() != 0 && sent > firstRefusal.get()) {
                                healedAt.compareAndSet(0, System.nanoTime());
                            }
                        } else {
                            firstRefusal.compareAndSet(0, System.nanoTime());
                            refused.add(response);
                        }
                    }
                }));
            }
            Await.until(() -> acknowledged.size() >= 50, Duration.ofSeconds(60));

            root.addAppender(logged);
            logged.start();
            long pid = postgres.pid().orElseThrow();
            killedAt.set(System.nanoTime());
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
            Await.until(() -> !postgres.isRunning(), Duration.ofSeconds(10));

            List<ApiResponse> guarded = new CopyOnWriteArrayList<>();
            List<ApiResponse> health = new CopyOnWriteArrayList<>();
            Await.until(() -> {
                health.add(ApiClient.management(app).get("/health"));
                guarded.add(unchecked.get("/api/tickets?size=1"));
                return healedAt.get() != 0;
            }, Duration.ofSeconds(60));
            double healSeconds = (healedAt.get() - killedAt.get()) / 1e9;
            running.set(false);
            for (Thread thread : clients) {
                thread.join();
            }
            logged.stop();
            root.detachAppender(logged);
            List<ILoggingEvent> warnings = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .toList();
            System.out.printf("Outage: %d tickets acknowledged, %d refused while down, healed %.2f s after the kill, "
                    + "%d log lines of WARN or above%n", acknowledged.size(), refused.size(), healSeconds, warnings.size());

            assertThat(refused).allSatisfy(response -> {
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(response.json().getString("error")).contains("database");
            });
            assertThat(guarded).extracting(ApiResponse::status).doesNotContain(401, 500).contains(503);
            assertThat(health).anySatisfy(response -> {
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.json().getString("status")).isEqualTo("DOWN");
                assertThat(response.json().getJsonObject("checks").getJsonObject("database").getString("detail"))
                        .isNotBlank();
            });
            assertThat(healSeconds).isLessThan(30);
            assertThat(warnings).as("log lines while down: %s", warnings).hasSizeLessThan(20)
                    .noneMatch(event -> event.getThrowableProxy() != null && event.getLoggerName().contains("ApiErrors"));

            for (Map.Entry<Long, String> ticket : acknowledged.entrySet()) {
                ApiResponse found = agent.get("/api/tickets/" + ticket.getKey());
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.json().getString("number")).isEqualTo(ticket.getValue());
            }
            assertThat(ApiClient.anonymous(app).get("/health").status()).isEqualTo(200);
            assertThat(Set.copyOf(acknowledged.values())).hasSize(acknowledged.size());
        }
    }
}
