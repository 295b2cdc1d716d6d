package hotline.ticket;

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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class TicketApiTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static App app;
    private static ApiClient agent;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
    }

    private static JsonObject leak() {
        return new JsonObject().put("type", "repair").put("subject", "leak at the gate");
    }

    @Test
    @DisplayName("given an agent, when it posts a ticket, then 201 with Location, id, number and the whole ticket")
    void createAnswers201() {
        ApiResponse response = agent.post("/api/tickets", leak().put("callerNumber", "13800138000"));

        assertThat(response.status()).isEqualTo(201);
        JsonObject ticket = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/tickets/" + ticket.getLong("id"));
        assertThat(ticket.getString("number")).matches("HL-\\d{8}-\\d{6}");
        assertThat(ticket.getString("channel")).isEqualTo("phone");
        assertThat(ticket.getString("status")).isEqualTo("reported");
        assertThat(ticket.getString("priority")).isEqualTo("normal");
        assertThat(ticket.fieldNames()).contains("id", "number", "type", "channel", "status", "priority", "urgent",
                "customerId", "callerNumber", "subject", "description", "location", "district", "category",
                "details", "version", "createdAt", "updatedAt", "closedAt");
        assertThat(ApiClient.management(app).get("/metrics").body())
                .contains("hotline_tickets_total{channel=\"phone\",type=\"repair\"}");
    }

    @Test
    @DisplayName("given a created ticket, when it is read, then it comes with its events and the agent as actor")
    void readWithEvents() {
        long id = agent.post("/api/tickets", leak()).json().getLong("id");

        ApiResponse response = agent.get("/api/tickets/" + id);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getJsonArray("events")).hasSize(1);
        assertThat(response.json().getJsonArray("events").getJsonObject(0).getString("actor"))
                .isEqualTo(agent.user().getString("username"));
    }

    @Test
    @DisplayName("given one Idempotency-Key, when the same post is sent twice at once and again, then one ticket answers all")
    void idempotencyKeyOverHttp() {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "abc-123");
        String body = leak().put("district", "idem").encode();

        List<CompletableFuture<ApiResponse>> racing = List.of(
                CompletableFuture.supplyAsync(() -> agent.post("/api/tickets", body, headers)),
                CompletableFuture.supplyAsync(() -> agent.post("/api/tickets", body, headers)));
        ApiResponse later = agent.post("/api/tickets", body, headers);

        List<ApiResponse> all = List.of(racing.get(0).join(), racing.get(1).join(), later);
        assertThat(all).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(all.stream().map(response -> response.json().getLong("id")).distinct()).hasSize(1);
        assertThat(agent.get("/api/tickets?district=idem").json().getLong("total")).isEqualTo(1);
    }

    @Test
    @DisplayName("given a used Idempotency-Key, when the same user sends a different ticket under it, then 422 names the key and nothing is written")
    void idempotencyKeyWithAnotherBody() {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "key-reused-1");
        ApiResponse first = agent.post("/api/tickets", leak().put("district", "idem-2").encode(), headers);

        ApiResponse second = agent.post("/api/tickets", leak().put("district", "idem-2")
                .put("subject", "A different burst main").encode(), headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(422);
        assertThat(second.json().getString("field")).isEqualTo("Idempotency-Key");
        assertThat(agent.get("/api/tickets?district=idem-2").json().getLong("total")).isEqualTo(1);
    }

    @Test
    @DisplayName("given one user's Idempotency-Key, when another user sends the same key, then each gets a ticket of their own")
    void idempotencyKeyBelongsToItsUser() {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "shared-key-1");
        String body = leak().put("district", "idem-3").encode();
        ApiClient colleague = ApiClient.as(app, Role.AGENT);

        ApiResponse mine = agent.post("/api/tickets", body, headers);
        ApiResponse theirs = colleague.post("/api/tickets", body, headers);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().getLong("id")).isNotEqualTo(mine.json().getLong("id"));
        assertThat(colleague.get("/api/tickets/" + theirs.json().getLong("id")).json().getJsonArray("events")
                .getJsonObject(0).getString("actor")).isEqualTo(colleague.user().getString("username"));
    }

    @Test
    @DisplayName("given tickets, when listed with filters and paging, then the page, size and total are right")
    void listOverHttp() {
        for (int i = 0; i < 3; i++) {
            agent.post("/api/tickets", leak().put("district", "list-test").put("type", i == 0 ? "inquiry" : "repair"));
        }

        JsonObject page = agent.get("/api/tickets?district=list-test&type=repair&page=0&size=1").json();

        assertThat(page.getLong("total")).isEqualTo(2);
        assertThat(page.getInteger("page")).isZero();
        assertThat(page.getInteger("size")).isEqualTo(1);
        assertThat(page.getJsonArray("items")).hasSize(1);
    }

    @Test
    @DisplayName("given a ticket at version 1, when patched with version 1 twice, then the first wins and the second is 409")
    void patchWithVersion() {
        long id = agent.post("/api/tickets", leak()).json().getLong("id");

        ApiResponse first = agent.patch("/api/tickets/" + id, new JsonObject().put("subject", "burst").put("version", 1));
        ApiResponse second = agent.patch("/api/tickets/" + id, new JsonObject().put("subject", "x").put("version", 1));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getString("subject")).isEqualTo("burst");
        assertThat(first.json().getInteger("version")).isEqualTo(2);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getInteger("version")).isEqualTo(2);
    }

    @Test
    @DisplayName("HTML, SQL, emoji and Chinese text round-trip byte for byte over HTTP")
    void textRoundTripsOverHttp() {
        String text = "<b>水管爆裂</b> '; DROP TABLE tickets; -- 💧🚰 \\ \"quoted\" &amp;";
        JsonObject sent = leak().put("subject", text).put("description", text).put("location", "上海市浦东新区 <i>")
                .put("district", "浦东");

        long id = agent.post("/api/tickets", sent).json().getLong("id");
        JsonObject read = agent.get("/api/tickets/" + id).json();

        assertThat(read.getString("subject")).isEqualTo(text);
        assertThat(read.getString("description")).isEqualTo(text);
        assertThat(read.getString("location")).isEqualTo("上海市浦东新区 <i>");
    }

    @ParameterizedTest(name = "{0} → {1} on {2}")
    @DisplayName("bad ticket bodies get a 4xx JSON error naming the field, never a 500")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"repair\", \"subject\": |400|body",
            "[1, 2]|400|body",
            "{\"type\": \"repair\"}|400|subject",
            "{\"type\": \"repair\", \"subject\": 42}|400|subject",
            "{\"type\": \"flood\", \"subject\": \"x\"}|400|type",
            "{\"type\": \"repair\", \"subject\": \"x\", \"channel\": \"fax\"}|400|channel",
            "{\"type\": \"repair\", \"subject\": \"x\", \"priority\": \"urgent\"}|400|priority",
            "{\"type\": \"repair\", \"subject\": \"x\", \"urgent\": \"yes\"}|400|urgent",
            "{\"type\": \"repair\", \"subject\": \"x\", \"customerId\": \"seven\"}|400|customerId",
            "{\"type\": \"repair\", \"subject\": \"x\", \"callerNumber\": \"call me\"}|400|callerNumber",
            "{\"type\": \"repair\", \"subject\": \"x\", \"surprise\": 1}|400|surprise",
            "{\"type\": \"repair\", \"subject\": \"x\", \"customerId\": 999999}|422|customerId",
    })
    void badBodies(String body, int status, String field) {
        ApiResponse response = agent.post("/api/tickets", body, JSON);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().getString("field")).as(response.body()).isEqualTo(field);
        assertThat(response.json().getString("error")).isNotBlank();
        assertThat(response.json().getString("field")).isEqualTo(field);
    }

    @Test
    @DisplayName("over-long subject, description and location are refused with 400 naming the field")
    void overLongText() {
        assertThat(agent.post("/api/tickets", leak().put("subject", "长".repeat(201))).json().getString("field"))
                .isEqualTo("subject");
        assertThat(agent.post("/api/tickets", leak().put("description", "x".repeat(10_001))).json()
                .getString("field")).isEqualTo("description");
        assertThat(agent.post("/api/tickets", leak().put("location", "x".repeat(501))).status()).isEqualTo(400);
        assertThat(agent.post("/api/tickets", leak().put("subject", "长".repeat(200))).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a body over 1 MiB is refused with a JSON 413")
    void bodyTooLarge() {
        ApiResponse response = agent.post("/api/tickets", leak().put("description", "x".repeat(1_100_000)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().getString("error")).isNotBlank();
    }

    @Test
    @DisplayName("given a ticket linked to a customer, when patched with customerId null, then it is unlinked and the event says so; a null subject is a 400")
    void patchClearsNullableFields() {
        long customer = agent.post("/api/customers", new JsonObject()
                .put("accountNumber", "7700001").put("name", "李四").put("phones", new JsonArray().add("13700007700"))
                .put("waterUse", "residential").put("kind", "individual")).json().getLong("id");
        long id = agent.post("/api/tickets", leak().put("customerId", customer).put("category", "meter_leak"))
                .json().getLong("id");

        ApiResponse patched = agent.patch("/api/tickets/" + id, new JsonObject().putNull("customerId")
                .putNull("category").put("location", "人民路 2 号"));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().getValue("customerId")).isNull();
        assertThat(patched.json().getValue("category")).isNull();
        assertThat(patched.json().getString("location")).isEqualTo("人民路 2 号");
        JsonObject changes = agent.get("/api/tickets/" + id).json().getJsonArray("events").getJsonObject(1)
                .getJsonObject("changes");
        assertThat(changes.fieldNames()).contains("customerId", "category", "location");
        assertThat(agent.patch("/api/tickets/" + id, new JsonObject().putNull("subject")).json().getString("field"))
                .isEqualTo("subject");
    }

    @Test
    @DisplayName("unknown ids are 404, malformed ids and query parameters 400, bad patches 4xx, all JSON")
    void unknownAndMalformed() {
        long id = agent.post("/api/tickets", leak()).json().getLong("id");

        assertThat(agent.get("/api/tickets/987654").status()).isEqualTo(404);
        assertThat(agent.patch("/api/tickets/987654", new JsonObject().put("subject", "x")).status()).isEqualTo(404);
        assertThat(agent.get("/api/tickets/abc").json().getString("field")).isEqualTo("id");
        assertThat(agent.get("/api/tickets/0").status()).isEqualTo(400);
        assertThat(agent.get("/api/tickets/99999999999999999999").status()).isBetween(400, 499);
        assertThat(agent.get("/api/tickets?status=lost").json().getString("field")).isEqualTo("status");
        assertThat(agent.get("/api/tickets?size=1000").status()).isEqualTo(400);
        assertThat(agent.get("/api/tickets?page=-1").status()).isEqualTo(400);
        // JSON Schema counts 1000.0 as an integer: it is read as 1000, not refused with a 500.
        assertThat(agent.get("/api/tickets?customerId=1000.0").status()).isEqualTo(200);
        assertThat(agent.patch("/api/tickets/" + id, new JsonObject().put("status", "closed")).status()).isEqualTo(400);
        assertThat(agent.patch("/api/tickets/" + id, "{oops", JSON).status()).isEqualTo(400);
        assertThat(agent.patch("/api/tickets/" + id, new JsonObject().put("version", "one")).status()).isEqualTo(400);
        assertThat(agent.patch("/api/tickets/" + id, new JsonObject()).status()).isEqualTo(400);
        assertThat(agent.patch("/api/tickets/" + id, new JsonObject().put("customerId", 999_999)).json()
                .getString("field")).isEqualTo("customerId");
        assertThat(agent.post("/api/tickets", leak().encode(), Map.of("Content-Type", "application/json",
                "Idempotency-Key", "x".repeat(101))).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("without a session the ticket routes answer 401")
    void needsAuthentication() {
        assertThat(ApiClient.anonymous(app).post("/api/tickets", leak()).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(app).get("/api/tickets").status()).isEqualTo(401);
    }
}
