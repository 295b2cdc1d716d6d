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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger(500_000);
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=utf-8");
    private static final String HEADER = "accountNumber,name,phones,address,district,waterUse,kind,tier,criticalFacility,"
            + "criticalReason,monthlyConsumption,notes\n";

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension()
            .withSettings(new JsonObject().put("customers", new JsonObject().put("tierRules", "../conf/tiers.json")));
    private static App app;
    private static ApiClient agent;
    private static ApiClient supervisor;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
    }

    private static String account() {
        return "77" + ACCOUNTS.incrementAndGet();
    }

    private static JsonObject draft() {
        return new JsonObject().put("accountNumber", account()).put("name", "王五")
                .put("phones", new JsonArray().add("+86 139-0000-" + ACCOUNTS.get() % 10_000))
                .put("waterUse", "residential").put("kind", "individual");
    }

    private static JsonObject created(JsonObject draft) {
        ApiResponse response = agent.post("/api/customers", draft);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    @DisplayName("given a new customer, when an agent creates it, then 201 with Location, rule tier and normalised phones")
    void createAndRead() {
        // given
        JsonObject draft = draft().put("waterUse", "public").put("kind", "organisation").put("monthlyConsumption", 450)
                .put("criticalFacility", true).put("criticalReason", "hospital").put("district", "SC");

        // when
        ApiResponse response = agent.post("/api/customers", draft);

        // then
        assertThat(response.status()).isEqualTo(201);
        JsonObject customer = response.json();
        assertThat(response.header("location")).isEqualTo("/api/customers/" + customer.getLong("id"));
        assertThat(customer.getString("tier")).isEqualTo("key");
        assertThat(customer.getValue("tierReason")).isNull();
        assertThat(customer.getJsonArray("phones").getString(0)).matches("1390000\\d{1,4}");
        ApiResponse read = agent.get("/api/customers/" + customer.getLong("id"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().getJsonArray("events")).hasSize(1);
        assertThat(read.json().getJsonArray("events").getJsonObject(0).getString("action")).isEqualTo("created");
        assertThat(read.json().getJsonArray("events").getJsonObject(0).getString("actor")).isEqualTo(agent.user().getString("username"));
    }

    @Test
    @DisplayName("Chinese, emoji, HTML and SQL fragments in name and notes round-trip byte for byte")
    void textRoundTrips() {
        String name = "<script>alert('水')</script> 🚰 Robert'); DROP TABLE customers;--";
        String notes = "透析患者 \"夜间\" & <b>优先</b> \\ 💧 SELECT * FROM users WHERE 1=1; \u00e9\u0301";

        JsonObject customer = created(draft().put("name", name).put("notes", notes));
        JsonObject read = agent.get("/api/customers/" + customer.getLong("id")).json();

        assertThat(read.getString("name")).isEqualTo(name);
        assertThat(read.getString("notes")).isEqualTo(notes);
    }

    @Test
    @DisplayName("without a session every customer route answers 401")
    void needsLogin() {
        ApiClient anonymous = ApiClient.anonymous(app);

        assertThat(anonymous.get("/api/customers/1").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/customers", draft()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/customers/import", HEADER, CSV).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"name\": |-|400",
            "an array instead of an object|[1,2]|body|400",
            "a number as name|{\"accountNumber\":\"123456\",\"name\":5,\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\"}|name|400",
            "a missing name|{\"accountNumber\":\"123456\",\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\"}|name|400",
            "an unknown water use|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[\"13800138000\"],\"waterUse\":\"farm\",\"kind\":\"individual\"}|waterUse|400",
            "an unknown field|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\",\"vip\":true}|vip|400",
            "letters in the account number|{\"accountNumber\":\"12345a\",\"name\":\"x\",\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\"}|accountNumber|400",
            "a phone that is no number|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[\"call me\"],\"waterUse\":\"public\",\"kind\":\"individual\"}|phones|422",
            "no phones|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[],\"waterUse\":\"public\",\"kind\":\"individual\"}|phones|400",
            "a critical facility without reason|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\",\"criticalFacility\":true}|criticalReason|422",
            "a manual tier from an agent|{\"accountNumber\":\"123456\",\"name\":\"x\",\"phones\":[\"13800138000\"],\"waterUse\":\"public\",\"kind\":\"individual\",\"tier\":\"key\",\"tierReason\":\"vip\"}|tier|422"})
    @DisplayName("bad input to POST /api/customers is a 4xx naming the field, and nothing is stored")
    void badInput(String what, String body, String field, int status) {
        ApiResponse response = agent.post("/api/customers", body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().getString("error")).isNotBlank();
        // "-": the shared failure handler names no field for a body that is not JSON at all.
        if (!field.equals("-")) {
            assertThat(response.json().getString("field")).as(response.body()).startsWith(field);
        }
        assertThat(agent.get("/api/customers?account=123456").json().getJsonArray("items")).isEmpty();
    }

    @Test
    @DisplayName("over-long name and notes are refused with 400 naming the field")
    void overLong() {
        ApiResponse name = agent.post("/api/customers", draft().put("name", "长".repeat(101)));
        ApiResponse notes = agent.post("/api/customers", draft().put("notes", "x".repeat(2001)));

        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().getString("field")).as(name.body()).isEqualTo("name");
        assertThat(notes.status()).isEqualTo(400);
        assertThat(notes.json().getString("field")).isEqualTo("notes");
    }

    @Test
    @DisplayName("a second customer with a taken account number gets 409 naming accountNumber")
    void duplicateAccount() {
        JsonObject first = created(draft());

        ApiResponse second = agent.post("/api/customers", draft().put("accountNumber", first.getString("accountNumber")));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getString("field")).isEqualTo("accountNumber");
    }

    @Test
    @DisplayName("an unknown id is 404 on read, patch and tier override; a non-numeric id is 400")
    void unknownId() {
        assertThat(agent.get("/api/customers/999999").status()).isEqualTo(404);
        assertThat(agent.patch("/api/customers/999999", new JsonObject().put("version", 1).put("name", "x")).status()).isEqualTo(404);
        assertThat(supervisor.post("/api/customers/999999/tier", new JsonObject().put("tier", "key").put("reason", "r")).status()).isEqualTo(404);
        assertThat(agent.get("/api/customers/abc").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("given a customer, when it is patched with its version, then it changes once, records an event, and a stale version is 409")
    void patchWithVersion() {
        // given
        JsonObject customer = created(draft());
        String path = "/api/customers/" + customer.getLong("id");

        // when
        ApiResponse patched = agent.patch(path, new JsonObject().put("version", 1).put("address", "西湖区文三路 8 号")
                .put("phones", new JsonArray().add("0571-8888 0000")));
        ApiResponse stale = agent.patch(path, new JsonObject().put("version", 1).put("address", "lost update"));

        // then
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().getInteger("version")).isEqualTo(2);
        assertThat(patched.json().getJsonArray("phones")).containsExactly("057188880000");
        assertThat(stale.status()).isEqualTo(409);
        JsonObject read = agent.get(path).json();
        assertThat(read.getString("address")).isEqualTo("西湖区文三路 8 号");
        JsonObject event = read.getJsonArray("events").getJsonObject(0);
        assertThat(event.getString("action")).isEqualTo("updated");
        assertThat(event.getJsonObject("changes").fieldNames()).containsExactlyInAnyOrder("address", "phones");
        assertThat(agent.patch(path, new JsonObject().put("version", 2).put("tier", "key")).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a supervisor overrides a tier with a reason (an event); an agent gets 403; a missing reason is 400")
    void tierOverride() {
        JsonObject customer = created(draft());
        String path = "/api/customers/" + customer.getLong("id") + "/tier";

        ApiResponse byAgent = agent.post(path, new JsonObject().put("tier", "key").put("reason", "VIP"));
        ApiResponse noReason = supervisor.post(path, new JsonObject().put("tier", "key"));
        ApiResponse bySupervisor = supervisor.post(path, new JsonObject().put("tier", "key").put("reason", "人大代表"));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(bySupervisor.json().getString("tier")).isEqualTo("key");
        assertThat(bySupervisor.json().getString("tierReason")).isEqualTo("人大代表");
        JsonObject event = agent.get("/api/customers/" + customer.getLong("id")).json().getJsonArray("events").getJsonObject(0);
        assertThat(event.getString("action")).isEqualTo("tier_overridden");
        assertThat(event.getString("reason")).isEqualTo("人大代表");
        assertThat(event.getJsonObject("changes").getJsonObject("tier").getString("from")).isEqualTo("ordinary");
    }

    @Test
    @DisplayName("a supervisor may create a customer with a manual tier and its reason, which the created event keeps")
    void manualTierOnCreate() {
        ApiResponse response = supervisor.post("/api/customers", draft().put("tier", "key").put("tierReason", "市政府"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().getString("tier")).isEqualTo("key");
        JsonObject event = agent.get("/api/customers/" + response.json().getLong("id")).json()
                .getJsonArray("events").getJsonObject(0);
        assertThat(event.getString("reason")).isEqualTo("市政府");
    }

    @Test
    @DisplayName("a free-text search pages through its matches in name order")
    void searchPages() {
        String prefix = "Page" + ACCOUNTS.get();
        for (String suffix : List.of("C", "A", "B")) {
            created(draft().put("name", prefix + suffix));
        }

        ApiResponse second = agent.get("/api/customers?q=" + prefix + "&page=2&size=2");

        assertThat(second.json().getJsonArray("items")).hasSize(1);
        assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo(prefix + "C");
        assertThat(second.json().getInteger("page")).isEqualTo(2);
    }

    @Test
    @DisplayName("customers are found by any spelling of their phone, by account, by part of a name or address and by an account prefix")
    void find() {
        JsonObject customer = created(draft().put("name", "Zhao Liu 赵六").put("address", "Binjiang Road 5")
                .put("phones", new JsonArray().add("13512345678")));
        long id = customer.getLong("id");

        assertThat(ids("phone=" + encode("+86 (135) 1234-5678"))).containsExactly(id);
        assertThat(ids("account=" + customer.getString("accountNumber"))).containsExactly(id);
        assertThat(ids("q=" + encode("zhao l"))).contains(id);
        assertThat(ids("q=" + encode("BINJIANG"))).contains(id);
        assertThat(ids("q=" + customer.getString("accountNumber").substring(0, 5))).contains(id);
        assertThat(ids("q=" + encode("_hao"))).doesNotContain(id);
        assertThat(ids("q=" + encode("Zhao+Liu"))).doesNotContain(id);
        assertThat(agent.get("/api/customers?phone=abc").status()).isEqualTo(422);
        assertThat(agent.get("/api/customers").status()).isEqualTo(422);
        assertThat(agent.get("/api/customers?q=a&size=1000").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a word from the middle of a Chinese name or address finds the customer")
    void findByPartOfNameOrAddress() {
        long id = created(draft().put("name", "西湖第一人民医院").put("address", "上城区解放路1号住院部")
                .put("phones", new JsonArray().add("057187654321"))).getLong("id");

        assertThat(ids("q=" + encode("第一"))).contains(id);
        assertThat(ids("q=" + encode("住院部"))).contains(id);
        assertThat(ids("q=" + encode("第二"))).doesNotContain(id);
    }

    private static List<Long> ids(String query) {
        ApiResponse response = agent.get("/api/customers?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("items").stream().map(item -> ((JsonObject) item).getLong("id")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("an agent may not import (403), an admin may; a body that is not text/csv is 415")
    void importNeedsSupervisor() {
        assertThat(agent.post("/api/customers/import", HEADER, CSV).status()).isEqualTo(403);
        assertThat(ApiClient.as(app, Role.ADMIN).post("/api/customers/import", HEADER, CSV).status()).isEqualTo(200);
        assertThat(supervisor.post("/api/customers/import", HEADER, Map.of("Content-Type", "application/json")).status())
                .isEqualTo(415);
        assertThat(supervisor.post("/api/customers/import?mode=half", HEADER, CSV).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("given a file with one bad row, by default nothing is imported; with mode=partial the good rows are")
    void importModes() {
        // given
        String good = account();
        String file = "\uFEFF" + HEADER
                + good + ",钱七,\"13700000001;0571-87000001\",滨江区江南大道 1 号,BJ,public,organisation,,true,school,800,\n"
                + "99x,孙八,13700000002,,,residential,individual,,,,,\n";

        // when
        ApiResponse all = supervisor.post("/api/customers/import", file, CSV);

        // then
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().getString("mode")).isEqualTo("all");
        assertThat(all.json().getInteger("rows")).isEqualTo(2);
        assertThat(all.json().getInteger("imported")).isZero();
        assertThat(all.json().getJsonArray("errors").getJsonObject(0).getMap())
                .containsEntry("row", 3).containsEntry("field", "accountNumber");
        assertThat(agent.get("/api/customers?account=" + good).json().getJsonArray("items")).isEmpty();

        // when
        ApiResponse partial = supervisor.post("/api/customers/import?mode=partial", file, CSV);

        // then
        assertThat(partial.json().getInteger("imported")).isEqualTo(1);
        assertThat(partial.json().getInteger("created")).isEqualTo(1);
        JsonObject imported = agent.get("/api/customers?account=" + good).json().getJsonArray("items").getJsonObject(0);
        assertThat(imported.getString("name")).isEqualTo("钱七");
        assertThat(imported.getString("tier")).isEqualTo("key");
        assertThat(imported.getJsonArray("phones")).containsExactly("13700000001", "057187000001");
    }

    @Test
    @DisplayName("a 19 MiB file of bad rows is answered within seconds with the first 100 errors and their count")
    void manyBadRows() {
        StringBuilder file = new StringBuilder(HEADER);
        int rows = 0;
        while (file.length() < 19 * 1024 * 1024) {
            file.append("12ab,bad row,13800138000,,,residential,individual,,,,,\n");
            rows++;
        }

        long started = System.nanoTime();
        ApiResponse response = supervisor.post("/api/customers/import", file.toString(), CSV);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        System.out.printf("Import of %d bad rows (%.1f MiB): %.1f s, answer %d bytes%n", rows,
                file.length() / 1048576.0, seconds, response.body().length());
        assertThat(response.body().length()).isLessThan(32 * 1024);
        assertThat(response.json().getInteger("rows")).isEqualTo(rows);
        assertThat(response.json().getInteger("errorCount")).isEqualTo(rows);
        assertThat(response.json().getJsonArray("errors")).hasSize(100);
        assertThat(seconds).isLessThan(60);
    }

    @Test
    @DisplayName("a file that cannot be read as CSV is refused in plain words, naming no library class")
    void unreadableFile() {
        ApiResponse unclosed = supervisor.post("/api/customers/import", HEADER + "\"100200300,unterminated\n", CSV);

        assertThat(unclosed.status()).isEqualTo(422);
        assertThat(unclosed.json().getString("error")).contains("quoted cell").doesNotContain("org.", "Exception");
    }

    @Test
    @DisplayName("importing a row again updates the customer by account number and keeps a manual tier")
    void importUpserts() {
        JsonObject customer = created(draft());
        String account = customer.getString("accountNumber");
        supervisor.post("/api/customers/" + customer.getLong("id") + "/tier",
                new JsonObject().put("tier", "small").put("reason", "seasonal house"));

        ApiResponse response = supervisor.post("/api/customers/import",
                HEADER + account + ",新名字,13600000000,,,residential,individual,,,,50,\n", CSV);

        assertThat(response.json().getInteger("updated")).as(response.body()).isEqualTo(1);
        JsonObject read = agent.get("/api/customers/" + customer.getLong("id")).json();
        assertThat(read.getString("name")).isEqualTo("新名字");
        assertThat(read.getJsonArray("phones")).containsExactly("13600000000");
        assertThat(read.getString("tier")).isEqualTo("small");
        assertThat(read.getJsonArray("events").getJsonObject(0).getString("action")).isEqualTo("imported");
    }

    @Test
    @DisplayName("an import file over 20 MiB is refused with 413; one over 1 MiB is accepted")
    void importSizeLimit() {
        StringBuilder big = new StringBuilder(HEADER);
        String filler = "x".repeat(1000);
        while (big.length() < 1_200_000) {
            big.append(account()).append(",名,13800138000,,,residential,individual,,,,,").append(filler).append('\n');
        }
        ApiResponse accepted = supervisor.post("/api/customers/import", big.toString(), CSV);
        ApiResponse tooLarge = supervisor.post("/api/customers/import", "a".repeat(21 * 1024 * 1024), CSV);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().getJsonArray("errors")).isEmpty();
        assertThat(tooLarge.status()).isEqualTo(413);
    }
}
