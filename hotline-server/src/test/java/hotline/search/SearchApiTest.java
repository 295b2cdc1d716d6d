package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class SearchApiTest {

    private static App app;
    private static ApiClient agent;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
    }

    static String search(String q) {
        return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    static long create(ApiClient client, String subject, String description, String district) {
        ApiResponse created = client.post("/api/tickets", new JsonObject().put("type", "repair").put("subject", subject)
                .put("description", description).put("district", district));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    /** Polls the search until the ticket is a hit; answers the milliseconds it took (fails after 5 s). */
    static long millisUntilFound(ApiClient client, String q, long id) throws InterruptedException {
        long start = System.nanoTime();
        Await.until(() -> {
            ApiResponse response = client.get(search(q));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json().getJsonArray("hits").stream().anyMatch(hit -> ((JsonObject) hit).getLong("id") == id);
        }, Duration.ofSeconds(5));
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @DisplayName("given a ticket just created, when an agent searches its words, then it is found within 1 second")
    void nearRealTime() throws InterruptedException {
        long id = create(agent, "门口爆管", "今天早上门口爆管了，水喷得很高", "north");

        assertThat(millisUntilFound(agent, "爆管", id)).isLessThan(1_000);
        JsonObject results = agent.get(search("爆管")).json();
        JsonObject hit = results.getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getString("number")).matches("HL-\\d{8}-\\d{6}");
        assertThat(hit.getJsonArray("snippets").getString(0)).contains("<em>");
        assertThat(results.getJsonObject("facets").getJsonArray("district").getJsonObject(0).getString("value"))
                .isEqualTo("north");
        assertThat(agent.get("/api/search?q=" + hit.getString("number")).json().getJsonArray("hits")
                .getJsonObject(0).getLong("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("given a ticket written by another instance (no bus hint here), when searched, then found within 1 second")
    void nearRealTimeWithoutHint() throws InterruptedException {
        long id = app.pool().query("""
                        WITH t AS (INSERT INTO tickets (number, type, channel, status, priority, subject, description,
                                                        district, created_at, updated_at)
                                   VALUES ('HL-20261123-888001', 'repair', 'phone', 'reported', 'normal', '消火栓漏水',
                                           '路口消火栓一直在漏', 'east', now(), now()) RETURNING id)
                        INSERT INTO outbox (topic, aggregate_id, payload, created_at)
                        SELECT 'ticket', id, '{}'::jsonb, now() FROM t RETURNING aggregate_id""").execute()
                .await().iterator().next().getLong(0);

        assertThat(millisUntilFound(agent, "消火栓", id)).isLessThan(1_000);
    }

    @Test
    @DisplayName("given no session, when someone searches, then 401")
    void onlyAuthenticated() {
        assertThat(ApiClient.anonymous(app).get(search("漏水")).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(app).post("/api/search/similar", new JsonObject().put("text", "漏水")).status())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("given hostile query text, when searched over HTTP, then 200 or a 4xx naming the field, never 500")
    void hostileQueriesNever500() {
        List<String> hostile = List.of("\"爆管", "(漏水", "[1 TO", "AND", "-", "*水", "?", "\\", "a:b", "'; DROP TABLE x",
                "😀", "<script>", "%", "x".repeat(999), "\"\"", "***");
        for (String q : hostile) {
            ApiResponse response = agent.get(search(q));
            assertThat(response.status()).as(q + " → " + response.body()).isIn(200, 400, 422);
            // 400s come from the contract's router (a lone % it cannot URL-decode); 422s from the search itself
            if (response.status() == 422) {
                assertThat(response.json().getString("field")).as(q + " → " + response.body()).isEqualTo("q");
            }
        }
        ApiResponse tooLong = agent.get(search("x".repeat(1_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getString("field")).isEqualTo("q");
        ApiResponse longText = agent.post("/api/search/similar", new JsonObject().put("text", "漏水".repeat(5_001)));
        assertThat(longText.status()).isEqualTo(400);
        assertThat(agent.post("/api/search/similar", new JsonObject().put("text", "漏水 ".repeat(3_000)))
                .status()).isEqualTo(200);
        assertThat(agent.get("/api/search?from=yesterday").status()).isIn(400, 422);
        assertThat(agent.get("/api/search?size=1000").status()).isEqualTo(400);
        assertThat(agent.get("/api/search?tier=gold").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("given resolved leak cases, when similar cases are asked for a ticket or a text, then related ones come")
    void similarCases() throws InterruptedException {
        long first = create(agent, "厨房水管漏水", "厨房水管接头漏水，地面全湿", "east");
        long second = create(agent, "卫生间水管漏水", "卫生间水管漏水严重，地面全湿", "east");
        create(agent, "水费太高", "这个月水费比上个月高很多", "east");
        millisUntilFound(agent, "卫生间", second);

        ApiResponse byTicket = agent.get("/api/tickets/" + first + "/similar");
        assertThat(byTicket.status()).as(byTicket.body()).isEqualTo(200);
        JsonArray hits = byTicket.json().getJsonArray("hits");
        assertThat(hits.stream().map(h -> ((JsonObject) h).getLong("id"))).contains(second).doesNotContain(first);

        ApiResponse byText = agent.post("/api/search/similar", new JsonObject().put("text", "我家水管漏水了，地面全湿"));
        assertThat(byText.status()).as(byText.body()).isEqualTo(200);
        assertThat(byText.json().getJsonArray("hits")).isNotEmpty();
        assertThat(agent.get("/api/tickets/999999/similar").status()).isEqualTo(404);
        assertThat(agent.post("/api/search/similar", new JsonObject().put("text", "")).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("given three reports with one subject, when similar cases are asked, then one hit counts the other two"
            + " unless collapse is false")
    void similarCasesCollapse() throws InterruptedException {
        List<Long> reports = List.of(
                create(agent, "阳台水管冻裂", "阳台水管冻裂了，一直在滴水", "south"),
                create(agent, "阳台水管冻裂", "阳台的水管冻裂，往外喷水", "south"),
                create(agent, "阳台水管冻裂", "阳台水管冻裂漏水，地上结冰", "south"));
        for (long id : reports) {
            millisUntilFound(agent, "阳台", id);
        }
        JsonObject text = new JsonObject().put("text", "阳台水管冻裂了").put("size", 5);

        ApiResponse collapsed = agent.post("/api/search/similar", text);
        ApiResponse listed = agent.post("/api/search/similar", text.copy().put("collapse", false));

        assertThat(collapsed.status()).as(collapsed.body()).isEqualTo(200);
        List<JsonObject> group = balcony(collapsed.json().getJsonArray("hits"));
        assertThat(group).hasSize(1);
        assertThat(group.getFirst().getInteger("alsoSeen")).isEqualTo(2);
        List<Long> ids = new ArrayList<>(group.getFirst().getJsonArray("alsoSeenIds").stream()
                .map(id -> ((Number) id).longValue()).toList());
        ids.add(group.getFirst().getLong("id"));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(reports);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(balcony(listed.json().getJsonArray("hits"))).hasSize(3)
                .allSatisfy(hit -> assertThat(hit.containsKey("alsoSeen")).isFalse());
        assertThat(balcony(agent.get("/api/tickets/" + reports.getFirst() + "/similar").json().getJsonArray("hits")))
                .singleElement().satisfies(hit -> assertThat(hit.getInteger("alsoSeen")).isEqualTo(1));
        assertThat(balcony(agent.get("/api/tickets/" + reports.getFirst() + "/similar?collapse=false").json()
                .getJsonArray("hits"))).hasSize(2);
        assertThat(agent.get("/api/tickets/" + reports.getFirst() + "/similar?collapse=maybe").status()).isEqualTo(400);
    }

    private static List<JsonObject> balcony(JsonArray hits) {
        return hits.stream().map(JsonObject.class::cast).filter(hit -> hit.getString("subject").equals("阳台水管冻裂"))
                .toList();
    }

    @Test
    @DisplayName("given searches running, when an admin reindexes, then every search answers 200 and all tickets are found")
    void reindexWhileSearching() throws InterruptedException {
        long id = create(agent, "停水了", "整栋楼没水", "west");
        millisUntilFound(agent, "停水", id);
        assertThat(agent.post("/api/admin/reindex", new JsonObject()).status()).isEqualTo(403);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    ApiResponse r = agent.get(search("停水"));
                    if (r.status() != 200 || r.json().getLong("total") < 1) {
                        failure.compareAndSet(null, r.status() + " " + r.body());
                    }
                    searches.incrementAndGet();
                }
            }));
        }
        ApiClient admin = ApiClient.as(app, Role.ADMIN);
        ApiResponse rebuilt = admin.post("/api/admin/reindex", new JsonObject());
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().getLong("tickets")).isPositive();
        assertThat(failure.get()).isNull();
        assertThat(searches.get()).isPositive();
        assertThat(millisUntilFound(agent, "停水", id)).isLessThan(1_000);
        long after = create(agent, "水表坏了", "表不走", "west");
        assertThat(millisUntilFound(agent, "水表", after)).isLessThan(1_000);
        JsonObject health = ApiClient.management(app).get("/health").json();
        assertThat(health.getJsonObject("checks").getJsonObject("search").getString("status")).isEqualTo("UP");
    }
}
