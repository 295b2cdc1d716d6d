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

import static org.assertj.core.api.Assertions.assertThat;

class SearchCatchUpTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("Given tickets committed while the index did not see them, when the server starts, then it catches up before serving")
    void catchesUpFromTheOutboxAtStart() throws InterruptedException {
        DbEndpoint database = TestDatabase.fresh();
        JsonObject settings = new JsonObject().put("data", new JsonObject().put("dir", dataDir.toString()));
        long seen;
        try (App first = TestApp.start(settings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(first, Role.AGENT);
            seen = SearchApiTest.create(agent, "门口爆管", "今天早上门口爆管了", "north");
            SearchApiTest.millisUntilFound(agent, "爆管", seen);
        }
        // What a crash leaves behind: a ticket and its outbox row committed, the index never told.
        TestDatabase.execute(database, """
                INSERT INTO tickets (number, type, channel, status, priority, subject, description, district,
                                     created_at, updated_at)
                VALUES ('HL-20261123-999001', 'repair', 'phone', 'reported', 'normal', '水压很低', '三楼水压很低',
                        'south', now(), now());
                INSERT INTO outbox (topic, aggregate_id, payload, created_at)
                SELECT 'ticket', id, '{}'::jsonb, now() FROM tickets WHERE number = 'HL-20261123-999001'""");

        try (App second = TestApp.start(settings, Clock.systemUTC(), database)) {
            ApiClient agent = ApiClient.as(second, Role.AGENT);
            // No waiting: start-up returns only once the index has applied the outbox.
            JsonObject results = agent.get(SearchApiTest.search("水压")).json();
            assertThat(results.getLong("total")).isEqualTo(1);
            assertThat(results.getJsonArray("hits").getJsonObject(0).getString("number")).isEqualTo("HL-20261123-999001");
            assertThat(agent.get(SearchApiTest.search("爆管")).json().getJsonArray("hits").getJsonObject(0)
                    .getLong("id")).isEqualTo(seen);
        }
    }
}
