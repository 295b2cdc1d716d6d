package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.HotlineServerExtension;
import hotline.testing.ReindexHold;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/admin/reindex}: following a rebuild of the search index; one rebuild at a time. */
@ExtendWith(HotlineServerExtension.class)
class ReindexApiTest {

    private static JsonObject progress(ApiClient admin) {
        ApiResponse progress = admin.get("/api/admin/reindex");
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        return progress.json();
    }

    @Test
    @DisplayName("while a rebuild runs its progress says so and a second start is 409 in plain words; then it reports done with every ticket")
    void followsOneRebuild(App app) throws Exception {
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        for (int i = 0; i < 3; i++) {
            SearchApiTest.create(agent, "水管漏水 " + i, "楼道水管漏水", "east");
        }
        ApiClient admin = ApiClient.as(app, Role.ADMIN);
        CompletableFuture<ApiResponse> first;
        ApiResponse second;
        JsonObject running;
        try (ReindexHold hold = ReindexHold.on(app)) {
            first = CompletableFuture.supplyAsync(() -> admin.post("/api/admin/reindex", new JsonObject()));
            Await.until(() -> progress(admin).getString("state").equals("starting"), Duration.ofSeconds(10));

            second = admin.post("/api/admin/reindex", new JsonObject());
            running = progress(admin);
        }
        ApiResponse rebuilt = first.get();
        JsonObject done = progress(admin);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getString("error")).contains("already running");
        assertThat(running.getString("startedAt")).isNotNull();
        assertThat(running.getValue("finishedAt")).isNull();
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        long tickets = rebuilt.json().getLong("tickets");
        assertThat(tickets).isGreaterThanOrEqualTo(3);
        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getLong("done")).isEqualTo(tickets);
        assertThat(done.getLong("total")).isEqualTo(tickets);
        assertThat(done.getInteger("percent")).isEqualTo(100);
        assertThat(Instant.parse(done.getString("finishedAt"))).isAfterOrEqualTo(Instant.parse(running.getString("startedAt")));
        assertThat(done.getLong("elapsedMillis")).isPositive();
        assertThat(admin.post("/api/admin/reindex", new JsonObject()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("only admins may read the progress: agents and supervisors get 403, no session 401")
    void adminsOnly(App app) {
        assertThat(ApiClient.as(app, Role.AGENT).get("/api/admin/reindex").status()).isEqualTo(403);
        assertThat(ApiClient.as(app, Role.SUPERVISOR).get("/api/admin/reindex").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(app).get("/api/admin/reindex").status()).isEqualTo(401);
    }
}
