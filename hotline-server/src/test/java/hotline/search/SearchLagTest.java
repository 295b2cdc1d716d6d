package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.store.DbEndpoint;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLagTest {

    @Test
    @DisplayName("Given the index cannot load tickets for a while, when changes commit, then /health shows them pending and the lag growing, and none once fed")
    void healthShowsTheLag() throws Exception {
        DbEndpoint database = TestDatabase.fresh();
        try (App app = TestApp.start(new JsonObject(), Clock.systemUTC(), database);
             Connection blocker = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            ApiClient agent = ApiClient.as(app, Role.AGENT);
            long id = SearchApiTest.create(agent, "水管冻裂", "楼道水管冻裂", "north");
            SearchApiTest.millisUntilFound(agent, "冻裂", id);
            Await.until(() -> search(app).getLong("pendingChanges") == 0, Duration.ofSeconds(5));

            // The feeder reads the outbox but waits to load the tickets (they join their customers).
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
            TestDatabase.execute(database, "INSERT INTO outbox (topic, aggregate_id, created_at) SELECT 'ticket', id, "
                    + "now() FROM tickets");
            Await.until(() -> search(app).getLong("pendingChanges") == 1 && search(app).getLong("lagMillis") > 1_500,
                    Duration.ofSeconds(10));

            blocker.rollback();
            Await.until(() -> search(app).getLong("pendingChanges") == 0 && search(app).getLong("lagMillis") < 1_000,
                    Duration.ofSeconds(5));
        }
    }

    private static JsonObject search(App app) {
        return ApiClient.management(app).get("/health").json().getJsonObject("checks").getJsonObject("search");
    }
}
