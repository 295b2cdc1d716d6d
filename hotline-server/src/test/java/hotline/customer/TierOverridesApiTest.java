package hotline.customer;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/customers/tier-overrides} and {@code DELETE /api/customers/{id}/tier}: reviewing manual tiers. */
class TierOverridesApiTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger(300_000);

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension()
            .withSettings(new JsonObject().put("customers", new JsonObject().put("tierRules", "../conf/tiers.json")));
    private static ApiClient agent;
    private static ApiClient supervisor;

    @BeforeAll
    static void start(App app) {
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
    }

    /** A residential customer: the rules make it ordinary. */
    private static long customer() {
        String account = "66" + ACCOUNTS.incrementAndGet();
        ApiResponse created = agent.post("/api/customers", new JsonObject().put("accountNumber", account)
                .put("name", "赵六").put("phones", new JsonArray().add("1390000" + ACCOUNTS.get() % 10_000))
                .put("waterUse", "residential").put("kind", "individual"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("tier")).isEqualTo("ordinary");
        return created.json().getLong("id");
    }

    private static void override(long id, String tier, String reason) {
        ApiResponse set = supervisor.post("/api/customers/" + id + "/tier",
                new JsonObject().put("tier", tier).put("reason", reason));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static String clear(long id, String reason) {
        return "/api/customers/" + id + "/tier?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    /** The listed overrides of {@code ids}, in the list's order. */
    private static List<JsonObject> listed(String query, long... ids) {
        ApiResponse list = supervisor.get("/api/customers/tier-overrides?size=100" + query);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> wanted = java.util.Arrays.stream(ids).boxed().toList();
        return list.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(item -> wanted.contains(item.getLong("customerId"))).toList();
    }

    @Test
    @DisplayName("a supervisor lists the manual tiers, the latest first, with who set each, when and why; a tier filter narrows it")
    void listsOverrides() {
        long hospital = customer();
        long school = customer();
        override(hospital, "key", "区人民医院");
        override(school, "small", "学校放假期间");

        List<JsonObject> all = listed("", hospital, school);
        List<JsonObject> keyOnly = listed("&tier=key", hospital, school);

        assertThat(all).extracting(item -> item.getLong("customerId")).containsExactly(school, hospital);
        assertThat(all.get(1).getMap()).containsEntry("tier", "key").containsEntry("reason", "区人民医院")
                .containsEntry("setBy", supervisor.user().getString("username")).containsEntry("name", "赵六");
        assertThat(all.get(1).getString("setAt")).isNotBlank();
        assertThat(keyOnly).extracting(item -> item.getLong("customerId")).containsExactly(hospital);
        JsonObject page = supervisor.get("/api/customers/tier-overrides?size=1&page=1").json();
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);
        assertThat(page.getJsonArray("items")).hasSize(1);
    }

    @Test
    @DisplayName("a tier named in an import file is listed with the importer and the file's reason")
    void importedTier() {
        String account = "66" + ACCOUNTS.incrementAndGet();
        String file = "accountNumber,name,phones,waterUse,kind,tier\n" + account + ",钱七,13700000001,public,organisation,key\n";

        ApiResponse imported = supervisor.post("/api/customers/import", file, Map.of("Content-Type", "text/csv"));
        long id = agent.get("/api/customers?account=" + account).json().getJsonArray("items").getJsonObject(0)
                .getLong("id");

        assertThat(imported.json().getInteger("imported")).as(imported.body()).isEqualTo(1);
        assertThat(listed("", id)).singleElement().satisfies(item -> assertThat(item.getMap())
                .containsEntry("reason", "given in an import file")
                .containsEntry("setBy", supervisor.user().getString("username")));
    }

    @Test
    @DisplayName("a supervisor hands a manual tier back to the rules with a reason: the rules' tier, a tier_cleared event, off the list; again changes nothing")
    void clearsOverride() {
        long id = customer();
        override(id, "key", "人大代表");

        ApiResponse cleared = supervisor.delete(clear(id, "任期结束"));
        ApiResponse again = supervisor.delete(clear(id, "再点一次"));

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().getString("tier")).isEqualTo("ordinary");
        assertThat(cleared.json().getString("tierReason")).isNull();
        JsonObject event = agent.get("/api/customers/" + id).json().getJsonArray("events").getJsonObject(0);
        assertThat(event.getMap()).containsEntry("action", "tier_cleared").containsEntry("reason", "任期结束")
                .containsEntry("actor", supervisor.user().getString("username"));
        assertThat(event.getJsonObject("changes").getJsonObject("tier").getMap())
                .containsEntry("from", "key").containsEntry("to", "ordinary");
        assertThat(listed("", id)).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getInteger("version")).isEqualTo(cleared.json().getInteger("version"));
    }

    @Test
    @DisplayName("clearing needs a reason (400 naming it); agents get 403 on the list and the clearing; an unknown customer is 404")
    void refusals() {
        long id = customer();
        override(id, "key", "人大代表");

        ApiResponse noReason = supervisor.delete("/api/customers/" + id + "/tier");
        ApiResponse blank = supervisor.delete(clear(id, "   "));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        assertThat(blank.status()).isIn(400, 422);
        assertThat(blank.json().getString("field")).isEqualTo("reason");
        assertThat(agent.delete(clear(id, "试试")).status()).isEqualTo(403);
        assertThat(agent.get("/api/customers/tier-overrides").status()).isEqualTo(403);
        assertThat(supervisor.delete(clear(999_999, "没有这个客户")).status()).isEqualTo(404);
        assertThat(supervisor.get("/api/customers/tier-overrides?tier=gold").status()).isEqualTo(400);
        assertThat(agent.get("/api/customers/" + id).json().getString("tier")).isEqualTo("key");
    }
}
