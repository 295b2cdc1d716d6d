package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.store.DbEndpoint;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPruningTest {

    /** Long enough for every live instance to commit its index (every 5 s) and then beat once more. */
    private static final Duration PRUNED_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path firstDir;

    private static JsonObject beatEverySecond() {
        return new JsonObject().put("search", new JsonObject().put("heartbeatSeconds", 1));
    }

    @Test
    @DisplayName("Given two live instances and a silent third, then the outbox is pruned only once the silent one expires, and other topics stay")
    void prunesWhatEveryLiveInstanceApplied() throws Exception {
        DbEndpoint database = TestDatabase.fresh();
        try (App first = TestApp.start(beatEverySecond(), Clock.systemUTC(), database);
             App second = TestApp.start(beatEverySecond(), Clock.systemUTC(), database)) {
            // A third instance, alive a moment ago, whose index has applied nothing since.
            TestDatabase.execute(database, """
                    INSERT INTO search_feeds (instance_id, position, heartbeat)
                    VALUES ('silent', pg_current_snapshot(), now());
                    INSERT INTO outbox (topic, aggregate_id, created_at) VALUES ('alert', 1, now())""");
            ApiClient agent = ApiClient.as(first, Role.AGENT);
            long id = SearchApiTest.create(agent, "阀门漏水", "小区阀门井一直漏水", "west");
            SearchApiTest.millisUntilFound(agent, "阀门", id);
            SearchApiTest.millisUntilFound(ApiClient.as(second, Role.AGENT), "阀门", id);

            Await.until(() -> count(database, """
                    SELECT count(*) FROM search_feeds f, outbox o
                    WHERE f.instance_id <> 'silent' AND o.topic = 'ticket'
                      AND NOT pg_visible_in_snapshot(o.xid, f.position)""") == 0, PRUNED_WITHIN);
            assertThat(count(database, "SELECT count(*) FROM outbox WHERE topic = 'ticket'")).isEqualTo(1);

            TestDatabase.execute(database,
                    "UPDATE search_feeds SET heartbeat = now() - interval '2 hours' WHERE instance_id = 'silent'");
            Await.until(() -> count(database, "SELECT count(*) FROM outbox WHERE topic = 'ticket'") == 0,
                    PRUNED_WITHIN);
            assertThat(count(database, "SELECT count(*) FROM search_feeds WHERE instance_id = 'silent'")).isZero();
            assertThat(count(database, "SELECT count(*) FROM outbox WHERE topic = 'alert'")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Given an instance silent past the expiry while another pruned the outbox, when it returns, then it rebuilds its index before serving and finds every change it missed")
    void returningInstanceRebuilds() throws Exception {
        DbEndpoint database = TestDatabase.fresh();
        JsonObject firstSettings = beatEverySecond()
                .put("data", new JsonObject().put("dir", firstDir.toString()));
        long early;
        try (App first = TestApp.start(firstSettings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(first, Role.AGENT);
            early = SearchApiTest.create(agent, "路面积水", "路口一直冒水", "east");
            SearchApiTest.millisUntilFound(agent, "积水", early);
        }
        TestDatabase.execute(database, "UPDATE search_feeds SET heartbeat = now() - interval '2 hours'");

        long later;
        String laterNumber;
        try (App second = TestApp.start(beatEverySecond(), Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(second, Role.AGENT);
            ApiResponse changed = agent.patch("/api/tickets/" + early, new JsonObject().put("subject", "地下管网破裂"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            later = SearchApiTest.create(agent, "水表被盗", "楼下水表不见了", "east");
            laterNumber = agent.get("/api/tickets/" + later).json().getString("number");
            SearchApiTest.millisUntilFound(agent, "管网", early);
            Await.until(() -> count(database, "SELECT count(*) FROM outbox WHERE topic = 'ticket'") == 0,
                    PRUNED_WITHIN);
        }

        try (App back = TestApp.start(firstSettings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(back, Role.AGENT);
            // No waiting: start-up finds the index behind the pruned outbox and rebuilds it before serving.
            assertThat(SearchCommitOrderTest.found(agent, "管网", early)).isTrue();
            assertThat(SearchCommitOrderTest.found(agent, laterNumber, later)).isTrue();
        }
    }

    static long count(DbEndpoint database, String sql) {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
