package hotline.relationship;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive, timeline, health, at-risk and segment operations of the API, against a real database. */
class RelationshipApiTest {

    /** Every penalty puts a customer at risk, so the at-risk list scores every customer who has a figure. */
    private static final JsonObject WEIGHTS = new JsonObject(
            "{\"base\":100,\"atRiskBelow\":100,\"badFollowUpDays\":30,\"indicators\":{"
                    + "\"complaints\":{\"weight\":10,\"max\":40},\"unresolved\":{\"weight\":8,\"max\":24},"
                    + "\"satisfaction\":{\"weight\":30,\"max\":30},\"repeat_contacts\":{\"weight\":6,\"max\":24},"
                    + "\"escalations\":{\"weight\":10,\"max\":30},\"tenure\":{\"weight\":3,\"max\":9}}}");

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension()
            .withSettings(() -> new JsonObject().put("relationship", new JsonObject().put("health", weightsFile())
                    .put("atRiskCacheSeconds", 0)));
    private static ApiClient agent;
    private static ApiClient supervisor;
    private static Contacts contacts;

    @BeforeAll
    static void start(App app) {
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
        contacts = new Contacts(app.pool(), Instant.now());
    }

    private static String weightsFile() {
        try {
            Path file = Files.createTempFile("relationship", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, WEIGHTS.encode());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("items").stream().map(item -> ((JsonObject) item).getLong("id")).toList();
    }

    @Test
    @DisplayName("the archive finds customers by part of a name or address, phone digits, account prefix, codes and dates, combined")
    void searchesManyWays() {
        String district = "档案区" + System.nanoTime() % 10_000;
        long hospital = contacts.customer("西湖第一人民医院", "文三路第一号", district, "key", "public", "organisation",
                "hospital", "057187654321", 800);
        long shop = contacts.customer("王记面馆", "文三路88号", district, "small", "commercial", "organisation", null,
                "13912345678", 10);
        long family = contacts.customer("李建国", "古墩路7号", district, "ordinary", "residential", "individual", null,
                "13800001111", 40);
        contacts.ticket(family, "inquiry", null, 2, false);
        String in = "&district=" + district;

        assertThat(ids(agent.get("/api/customers/archive?name=%E7%AC%AC%E4%B8%80" + in))).containsExactly(hospital);
        assertThat(ids(agent.get("/api/customers/archive?address=%E6%96%87%E4%B8%89" + in)))
                .containsExactlyInAnyOrder(hospital, shop);
        assertThat(ids(agent.get("/api/customers/archive?phone=8765-4321" + in))).containsExactly(hospital);
        ApiResponse byAccount = agent.get("/api/customers/archive?account=88" + in);
        assertThat(byAccount.json().getLong("total")).isEqualTo(3);
        assertThat(ids(agent.get("/api/customers/archive?tier=small" + in))).containsExactly(shop);
        assertThat(ids(agent.get("/api/customers/archive?waterUse=public&kind=organisation" + in))).containsExactly(hospital);
        assertThat(ids(agent.get("/api/customers/archive?critical=hospital" + in))).containsExactly(hospital);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(ids(agent.get("/api/customers/archive?createdFrom=" + today.minusDays(60) + in)))
                .containsExactlyInAnyOrder(shop, family);
        assertThat(ids(agent.get("/api/customers/archive?contactFrom=" + today.minusDays(7) + in))).containsExactly(family);
        assertThat(ids(agent.get("/api/customers/archive?updatedTo=" + today.minusDays(100) + in))).containsExactly(hospital);
    }

    @Test
    @DisplayName("the archive answers one page in name order with the total, and the next page holds the rest")
    void pages() {
        String district = "分页区" + System.nanoTime() % 10_000;
        for (String name : List.of("丙", "甲", "乙")) {
            contacts.customer(name, district, "ordinary", 5);
        }
        ApiResponse first = agent.get("/api/customers/archive?size=2&district=" + district);
        ApiResponse second = agent.get("/api/customers/archive?size=2&page=2&district=" + district);

        assertThat(first.json().getLong("total")).isEqualTo(3);
        List<String> names = first.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("name")).toList();
        assertThat(names).isSorted().hasSize(2);
        assertThat(second.json().getJsonArray("items")).hasSize(1);
    }

    @Test
    @DisplayName("a bad archive parameter is refused with a 4xx that names it, never a 500")
    void refusesBadFilters() {
        assertThat(agent.get("/api/customers/archive?tier=gold").json().getString("field")).isEqualTo("tier");
        assertThat(agent.get("/api/customers/archive?account=12ab").json().getString("field")).isEqualTo("account");
        ApiResponse shortPhone = agent.get("/api/customers/archive?phone=12");
        assertThat(shortPhone.status()).isEqualTo(422);
        assertThat(shortPhone.json().getString("field")).isEqualTo("phone");
        ApiResponse backwards = agent.get("/api/customers/archive?createdFrom=2026-05-02&createdTo=2026-05-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().getString("field")).isEqualTo("createdTo");
        ApiResponse badDay = agent.get("/api/customers/archive?contactFrom=2026-02-30");
        assertThat(badDay.status()).isBetween(400, 422);
        assertThat(badDay.json().getString("field")).isEqualTo("contactFrom");
        assertThat(agent.get("/api/customers/archive?size=101").json().getString("field")).isEqualTo("size");
    }

    @Test
    @DisplayName("the timeline holds tickets, calls, notices with their delivery per channel and return visits, newest first, a page at a time")
    void timeline() {
        long customer = contacts.customer("时间线", "时间区", "ordinary", 50);
        long ticket = contacts.ticket(customer, "complaint", null, 9, false);
        contacts.call(customer, 7, 120);
        long notice = contacts.notice(customer, ticket, "ticket_received", 5);
        contacts.delivered(notice, "sms", "sent");
        contacts.delivered(notice, "email", "failed");
        contacts.followUp(customer, ticket, 2, 3, "<b>还是漏</b>");

        ApiResponse first = agent.get("/api/customers/" + customer + "/timeline?size=3");
        ApiResponse second = agent.get("/api/customers/" + customer + "/timeline?size=3&page=2");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("kind")).toList())
                .containsExactly("followup", "notice", "call");
        assertThat(first.json().getBoolean("hasNext")).isTrue();
        JsonObject visit = first.json().getJsonArray("items").getJsonObject(0);
        assertThat(visit.getInteger("score")).isEqualTo(2);
        assertThat(visit.getString("text")).isEqualTo("<b>还是漏</b>");
        assertThat(first.json().getJsonArray("items").getJsonObject(1).getString("state")).isEqualTo("email:failed sms:sent");
        assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("ticket");
        assertThat(second.json().getBoolean("hasNext")).isFalse();
        assertThat(agent.get("/api/customers/999999999/timeline").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a customer's score on its page is the score the at-risk list computes in SQL, for every mix of indicators")
    void scoresAgree() {
        String district = "评分区" + System.nanoTime() % 10_000;
        long complainer = contacts.customer("投诉多", district, "ordinary", 900);
        for (int i = 0; i < 5; i++) {
            contacts.ticket(complainer, "complaint", "attitude", 30 + i * 20, i == 0);
        }
        long repeat = contacts.customer("重复来电", district, "small", 20);
        contacts.ticket(repeat, "repair", "leak", 10, false);
        contacts.ticket(repeat, "repair", "leak", 8, false);
        contacts.ticket(repeat, "repair", "leak", 6, true);
        long unhappy = contacts.customer("不满意", district, "key", 2000);
        long escalated = contacts.ticket(unhappy, "repair", "no_water", 40, false);
        contacts.escalated(escalated, "supervisor");
        contacts.followUp(unhappy, escalated, 2, 35, null);
        contacts.followUp(unhappy, escalated, 3, 33, null);
        contacts.followUp(unhappy, escalated, 4, 31, null);

        JsonArray listed = supervisor.get("/api/customers/at-risk?size=100&district=" + district).json()
                .getJsonArray("items");

        assertThat(listed).hasSize(3);
        for (Object item : listed) {
            JsonObject row = (JsonObject) item;
            JsonObject health = agent.get("/api/customers/" + row.getLong("id") + "/health").json();
            assertThat(health.getInteger("score")).as(row.getString("name")).isEqualTo(row.getInteger("score"));
        }
        JsonObject complainerHealth = agent.get("/api/customers/" + complainer + "/health").json();
        // 5 complaints (50, capped at 40), one still open (8), none within 7 days of another; 2 years (+6)
        assertThat(complainerHealth.getInteger("score")).isEqualTo(100 - 40 - 8 + 6);
        JsonObject repeatHealth = agent.get("/api/customers/" + repeat + "/health").json();
        // 1 open (8), 2 repeats (12), no tenure
        assertThat(repeatHealth.getInteger("score")).isEqualTo(80);
        JsonObject unhappyHealth = agent.get("/api/customers/" + unhappy + "/health").json();
        // average 3: 30 × 2/4 = 15; 1 escalation (10); 5 years (+9, capped)
        assertThat(unhappyHealth.getInteger("score")).isEqualTo(100 - 15 - 10 + 9);
        assertThat(unhappyHealth.getJsonArray("parts").stream().map(p -> ((JsonObject) p).getString("indicator")).toList())
                .containsExactly("complaints", "unresolved", "satisfaction", "repeat_contacts", "escalations", "tenure");
    }

    @Test
    @DisplayName("the at-risk list puts key customers first, then ordinary, then small, with the reasons, and the report counts them by district and tier; agents may not read it")
    void atRiskByTierRule() {
        String district = "风险区" + System.nanoTime() % 10_000;
        long small = contacts.customer("小客户", district, "small", 10);
        contacts.ticket(small, "complaint", null, 5, false);
        long ordinary = contacts.customer("普通客户", district, "ordinary", 10);
        contacts.followUp(ordinary, null, 1, 3, "很差");
        long key = contacts.customer("关键客户", district, "key", 10);
        contacts.ticket(key, "complaint", null, 1, true);

        ApiResponse list = supervisor.get("/api/customers/at-risk?district=" + district);

        assertThat(ids(list)).containsExactly(key, ordinary, small);
        JsonArray items = list.json().getJsonArray("items");
        assertThat(items.getJsonObject(0).getJsonArray("risks").getList()).contains("key_open_complaint");
        assertThat(items.getJsonObject(1).getJsonArray("risks").getList()).contains("bad_follow_up");
        assertThat(ids(supervisor.get("/api/customers/at-risk?tier=small&district=" + district))).containsExactly(small);
        assertThat(agent.get("/api/customers/at-risk").status()).isEqualTo(403);
        JsonObject report = supervisor.get("/api/reports/at_risk?from=2026-01-01&to=2026-01-31").json();
        JsonObject row = report.getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("key").equals(district)).findFirst().orElseThrow();
        assertThat(List.of(row.getLong("atRiskKey"), row.getLong("atRiskOrdinary"), row.getLong("atRiskSmall"),
                row.getLong("atRisk"))).containsExactly(1L, 1L, 1L, 3L);
    }

    @Test
    @DisplayName("segments count a filter's customers by every dimension; a supervisor saves a filter by name and reads its counts")
    void segments() {
        String district = "分群区" + System.nanoTime() % 10_000;
        contacts.customer("学校", "分群路1号", district, "key", "public", "organisation", "school", "13700000001", 100);
        contacts.customer("住户甲", district, "ordinary", 100);
        contacts.customer("住户乙", district, "ordinary", 100);

        ApiResponse saved = supervisor.post("/api/customers/segments/saved", new JsonObject().put("name", district)
                .put("filter", new JsonObject().put("district", district)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long id = saved.json().getLong("id");
        JsonArray counts = supervisor.get("/api/customers/segments?segment=" + id).json().getJsonArray("counts");

        assertThat(count(counts, "", "")).isEqualTo(3);
        assertThat(count(counts, "tier", "ordinary")).isEqualTo(2);
        assertThat(count(counts, "critical", "school")).isEqualTo(1);
        assertThat(count(counts, "waterUse", "public")).isEqualTo(1);
        assertThat(supervisor.post("/api/customers/segments/saved", new JsonObject().put("name", district)
                .put("filter", new JsonObject())).status()).isEqualTo(409);
        ApiResponse badFilter = supervisor.post("/api/customers/segments/saved", new JsonObject().put("name", "x")
                .put("filter", new JsonObject().put("tier", "gold")));
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.json().getString("field")).isEqualTo("filter.tier");
        assertThat(agent.get("/api/customers/segments").status()).isEqualTo(403);
        assertThat(supervisor.delete("/api/customers/segments/saved/" + id).status()).isEqualTo(204);
        assertThat(supervisor.get("/api/customers/segments?segment=" + id).status()).isEqualTo(404);
    }

    private static long count(JsonArray counts, String dim, String key) {
        return counts.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("dim").equals(dim) && c.getString("key").equals(key))
                .mapToLong(c -> c.getLong("customers")).findFirst().orElse(0);
    }
}
