package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.store.DbEndpoint;
import hotline.testing.ApiClient;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCatchUpTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("Given tickets committed while the index did not see them, when the server starts, then it catches up with all of them before serving")
    void catchesUpFromTheOutboxAtStart() throws InterruptedException {
        DbEndpoint database = TestDatabase.fresh();
        JsonObject settings = new JsonObject().put("data", new JsonObject().put("dir", dataDir.toString()));
        long seen;
        try (App first = TestApp.start(settings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(first, Role.AGENT);
            seen = SearchApiTest.create(agent, "门口爆管", "今天早上门口爆管了", "north");
            SearchApiTest.millisUntilFound(agent, "爆管", seen);
        }
        // What a crash leaves behind: tickets and their outbox rows committed, the index never told; more than one
        // page of the outbox.
        TestDatabase.execute(database, """
                INSERT INTO tickets (number, type, channel, status, priority, subject, description, district,
                                     created_at, updated_at)
                SELECT 'HL-20261123-' || (900000 + n), 'repair', 'phone', 'reported', 'normal', '水压很低', '三楼水压很低',
                       'south', now(), now()
                FROM generate_series(1, 1201) n;
                INSERT INTO outbox (topic, aggregate_id, payload, created_at)
                SELECT 'ticket', id, '{}'::jsonb, now() FROM tickets WHERE number LIKE 'HL-20261123-9%'""");

        try (App second = TestApp.start(settings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(second, Role.AGENT);
            // No waiting: start-up returns only once the index has applied the outbox.
            JsonObject index = ApiClient.management(second).get("/health").json().getJsonObject("checks")
                    .getJsonObject("search");
            assertThat(index.getLong("tickets")).isEqualTo(1 + 1201);
            assertThat(index.getLong("pendingChanges")).isZero();
            for (String number : List.of("HL-20261123-900001", "HL-20261123-900600", "HL-20261123-901201")) {
                assertThat(agent.get(SearchApiTest.search(number)).json().getJsonArray("hits").getJsonObject(0)
                        .getString("number")).isEqualTo(number);
            }
            assertThat(agent.get(SearchApiTest.search("爆管")).json().getJsonArray("hits").getJsonObject(0)
                    .getLong("id")).isEqualTo(seen);
        }
    }
}
