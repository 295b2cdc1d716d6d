package hotline.outage;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import hotline.testing.MovableClock;
import hotline.telephony.peer.AgiPeer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned shut-offs through the API on a server whose clock the tests move (the scheduler's timer is slowed to an hour:
 * the tests run its scans themselves). Every notice is read back from the {@code notices} table by its dedupe key.
 * Each test works in districts and streets of its own.
 */
class OutageApiTest {

    private static final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private static final AtomicInteger ACCOUNTS = new AtomicInteger(720_000);
    /** Each test customer's phone by id, to call the IVR as them. */
    private static final Map<Long, String> PHONES = new ConcurrentHashMap<>();

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension().withClock(clock)
            .withSettings(new JsonObject().put("outages", new JsonObject().put("scanIntervalMs", 3_600_000)));

    private static App app;

    @BeforeAll
    static void start(App started) {
        app = started;
    }

    /** A supervisor signed in now (sessions end after hours of moved time). */
    private static ApiClient supervisor() {
        return ApiClient.as(app, Role.SUPERVISOR);
    }

    private static long customer(String district, String address, String criticalReason) {
        int account = ACCOUNTS.incrementAndGet();
        String phone = "1391001" + account % 10_000;
        JsonObject draft = new JsonObject().put("accountNumber", "77" + account).put("name", "用户" + account)
                .put("phones", new JsonArray().add(phone)).put("district", district)
                .put("address", address).put("waterUse", criticalReason == null ? "residential" : "public")
                .put("kind", criticalReason == null ? "individual" : "organisation")
                .put("criticalFacility", criticalReason != null);
        if (criticalReason != null) {
            draft.put("criticalReason", criticalReason);
        }
        ApiResponse created = supervisor().post("/api/customers", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        PHONES.put(created.json().getLong("id"), phone);
        return created.json().getLong("id");
    }

    /** What customer {@code id} hears first on calling the IVR (the AGI peer against this server) and asking for an agent. */
    private static String ivrOpening(long id) throws Exception {
        return AgiPeer.call(app.telephony().agiPort(), AgiPeer.Caller.of(PHONES.get(id), "0")).heard().getFirst();
    }

    private static JsonObject draft(String kind, List<String> area, Instant start, Duration length) {
        return new JsonObject().put("areaKind", kind).put("area", new JsonArray(area)).put("startsAt", start.toString())
                .put("endsAt", start.plus(length).toString()).put("reason", "更换DN300阀门");
    }

    private static JsonObject schedule(JsonObject draft) {
        ApiResponse created = supervisor().post("/api/outages", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** The customers each notice of {@code reason} (notice, reminder, extended:1, restored…) of outage {@code id} went to. */
    private static List<Long> told(long id, String reason) throws Exception {
        List<Long> customers = new ArrayList<>();
        for (Row row : await(app.pool().preparedQuery(
                "SELECT customer_id FROM notices WHERE dedupe_key LIKE $1 ORDER BY customer_id")
                .execute(Tuple.of("outage:" + id + ":" + reason + ":%")))) {
            customers.add(row.getLong(0));
        }
        return customers;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get();
    }

    @Test
    @DisplayName("scheduling a district tells each of its customers once, in the change's transaction, and gives each "
            + "critical facility a proactive call task")
    void scheduleDistrict() throws Exception {
        long hospital = customer("O1", "健康路1号", "hospital");
        long home = customer("O1", "健康路3号", null);
        long flat = customer("O1", "健康路5号", null);
        customer("O2", "健康路7号", null);
        Instant start = clock.instant().plus(Duration.ofHours(30));

        JsonObject outage = schedule(draft("districts", List.of("O1"), start, Duration.ofHours(8)));

        assertThat(outage.getInteger("customers")).isEqualTo(3);
        assertThat(outage.getInteger("notified")).isEqualTo(3);
        assertThat(outage.getString("phase")).isEqualTo("planned");
        assertThat(outage.getBoolean("emergency")).isFalse();
        assertThat(Instant.parse(outage.getString("announceFrom"))).isEqualTo(start.minus(Duration.ofHours(24)));
        assertThat(Instant.parse(outage.getString("remindAt"))).isEqualTo(start.minus(Duration.ofHours(3)));
        long id = outage.getLong("id");
        assertThat(told(id, "notice")).containsExactlyInAnyOrder(hospital, home, flat);
        Row notice = await(app.pool().preparedQuery("SELECT kind, variables FROM notices WHERE dedupe_key = $1")
                .execute(Tuple.of("outage:" + id + ":notice:" + home))).iterator().next();
        assertThat(notice.getString("kind")).isEqualTo("outage_notice");
        assertThat(((JsonObject) notice.getValue("variables")).getString("startsLocal"))
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(start.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        JsonArray calls = supervisor().get("/api/outages/" + id).json().getJsonArray("criticalCalls");
        assertThat(calls).hasSize(1);
        assertThat(calls.getJsonObject(0).getLong("customerId")).isEqualTo(hospital);
        assertThat(calls.getJsonObject(0).getString("kind")).isEqualTo("proactive");
        assertThat(calls.getJsonObject(0).getLong("outageId")).isEqualTo(id);
    }

    @Test
    @DisplayName("a refused schedule names its field, stores nothing and tells no one; an emergency goes out at once")
    void refusals() throws Exception {
        long customer = customer("O3", "长江路9号", null);
        String account = supervisor().get("/api/customers/" + customer).json().getString("accountNumber");
        Instant soon = clock.instant().plus(Duration.ofHours(2));
        Instant later = clock.instant().plus(Duration.ofHours(60));
        ApiClient supervisor = supervisor();

        assertThat(supervisor.post("/api/outages", draft("districts", List.of("O3", "NOWHERE"), later,
                Duration.ofHours(4))).json().getString("field")).isEqualTo("area[1]");
        assertThat(supervisor.post("/api/outages", draft("streets", List.of("长江路9号", "%%"), later,
                Duration.ofHours(4))).json().getString("field")).as("% is a character, not a wildcard").isEqualTo("area[1]");
        assertThat(supervisor.post("/api/outages", draft("accounts", List.of("00000000"), later,
                Duration.ofHours(4))).json().getString("field")).isEqualTo("area[0]");
        ApiResponse tooSoon = supervisor.post("/api/outages", draft("districts", List.of("O3"), soon, Duration.ofHours(4)));
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.json().getString("field")).isEqualTo("startsAt");
        ApiResponse longOne = supervisor.post("/api/outages", draft("districts", List.of("O3"),
                clock.instant().plus(Duration.ofHours(30)), Duration.ofHours(13)));
        assertThat(longOne.json().getString("field")).as("13 hours off needs 48 hours' notice").isEqualTo("startsAt");
        assertThat(supervisor.post("/api/outages", draft("districts", List.of("O3"), later, Duration.ZERO))
                .json().getString("field")).isEqualTo("endsAt");
        ApiResponse noReason = supervisor.post("/api/outages", draft("districts", List.of("O3"), later,
                Duration.ofHours(4)).put("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        assertThat(supervisor.post("/api/outages", draft("districts", List.of("O3"), later, Duration.ofHours(4))
                .put("startsAt", "tomorrow")).status()).isEqualTo(400);
        assertThat(ApiClient.as(app, Role.AGENT).post("/api/outages", draft("districts", List.of("O3"), later,
                Duration.ofHours(4))).status()).isEqualTo(403);
        assertThat(await(app.pool().preparedQuery("SELECT count(*) FROM outages WHERE $1 = ANY (area)")
                .execute(Tuple.of("O3"))).iterator().next().getLong(0)).isZero();

        JsonObject emergency = schedule(draft("accounts", List.of(account), soon, Duration.ofHours(4))
                .put("emergency", true));
        assertThat(emergency.getBoolean("emergency")).isTrue();
        assertThat(Instant.parse(emergency.getString("announceFrom"))).isEqualTo(clock.instant());
        assertThat(emergency.getValue("remindAt")).as("told 2 h ahead: the notice is the reminder").isNull();
        assertThat(told(emergency.getLong("id"), "notice")).containsExactly(customer);
    }

    @Test
    @DisplayName("a street's customers are reminded before it starts, told when it runs past its end and when a "
            + "supervisor extends it, and told once that supply is restored; the IVR tells callers of it from its notice window "
            + "until it is closed")
    void lifecycle() throws Exception {
        long first = customer("O4", "幸福路88弄1号", null);
        long second = customer("O5", "幸福路88弄20号", null);
        customer("O4", "幸福路90号", null);
        Instant start = clock.instant().plus(Duration.ofHours(50));
        JsonObject outage = schedule(draft("streets", List.of("幸福路88弄"), start, Duration.ofHours(10)));
        long id = outage.getLong("id");
        OutageService outages = app.outages().service();
        OutageScheduler scheduler = app.outages().scheduler();
        assertThat(await(outages.announcedFor(first))).as("50 h ahead, outside the 24 h window").isEmpty();
        assertThat(ivrOpening(first)).isEqualTo("hotline/main-menu");

        clock.set(start.minus(Duration.ofHours(24)));
        assertThat(await(outages.announcedFor(first))).map(Outage::id).contains(id);
        assertThat(ivrOpening(first)).isEqualTo("hotline/outage-planned");
        clock.set(start.minus(Duration.ofHours(3)));
        assertThat(await(scheduler.scanOnce()).reminders()).isPositive();
        assertThat(await(scheduler.scanOnce()).handled()).as("nothing more is due").isZero();
        assertThat(told(id, "reminder")).containsExactlyInAnyOrder(first, second);

        clock.set(start.plus(Duration.ofHours(10)));
        assertThat(await(scheduler.scanOnce()).overruns()).isPositive();
        assertThat(await(scheduler.scanOnce()).handled()).isZero();
        assertThat(told(id, "extended:1")).containsExactlyInAnyOrder(first, second);
        ApiClient supervisor = supervisor();
        assertThat(supervisor.get("/api/outages/" + id).json().getString("phase")).isEqualTo("overrun");

        Instant newEnd = clock.instant().plus(Duration.ofHours(2));
        ApiResponse extended = supervisor.post("/api/outages/" + id + "/extension",
                new JsonObject().put("endsAt", newEnd.toString()));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().getString("phase")).isEqualTo("running");
        assertThat(told(id, "extended:2")).containsExactlyInAnyOrder(first, second);
        assertThat(supervisor.post("/api/outages/" + id + "/extension", new JsonObject().put("endsAt",
                newEnd.minus(Duration.ofHours(1)).toString())).json().getString("field")).isEqualTo("endsAt");
        assertThat(await(outages.announcedFor(second))).map(Outage::id).contains(id);
        assertThat(ivrOpening(second)).isEqualTo("hotline/outage-running");

        ApiResponse closed = supervisor.post("/api/outages/" + id + "/close", null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().getInteger("restored")).isEqualTo(2);
        assertThat(told(id, "restored")).containsExactlyInAnyOrder(first, second);
        assertThat(supervisor.post("/api/outages/" + id + "/close", null).status()).isEqualTo(409);
        assertThat(await(outages.announcedFor(first))).isEmpty();
        assertThat(ivrOpening(first)).as("closed: no longer announced").isEqualTo("hotline/main-menu");
        clock.set(newEnd.plus(Duration.ofHours(1)));
        assertThat(await(scheduler.scanOnce()).handled()).as("a closed one is not watched").isZero();
    }

    @Test
    @DisplayName("a planned shut-off is cancelled, not closed, and its open call tasks end with it; a started one is closed, not cancelled")
    void cancel() throws Exception {
        long school = customer("O6", "学府路1号", "school");
        Instant start = clock.instant().plus(Duration.ofHours(30));
        long id = schedule(draft("districts", List.of("O6"), start, Duration.ofHours(4))).getLong("id");
        ApiClient supervisor = supervisor();

        assertThat(supervisor.post("/api/outages/" + id + "/close", null).status()).isEqualTo(409);
        ApiResponse cancelled = supervisor.post("/api/outages/" + id + "/cancellation", null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
        JsonObject call = supervisor.get("/api/outages/" + id).json().getJsonArray("criticalCalls").getJsonObject(0);
        assertThat(call.getLong("customerId")).isEqualTo(school);
        assertThat(call.getString("doneAt")).isNotNull();
        assertThat(supervisor.post("/api/outages/" + id + "/cancellation", null).status()).isEqualTo(409);
        assertThat(supervisor.get("/api/outages/999999").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("two scans at once (as two servers would run them) handle each due shut-off once")
    void concurrentScans() throws Exception {
        customer("O7", "红旗路1号", null);
        customer("O8", "红旗路2号", null);
        // a year on, so that what other tests left due is handled first and only these two are due at once
        Instant start = clock.instant().plus(Duration.ofDays(365));
        long a = schedule(draft("districts", List.of("O7"), start, Duration.ofHours(4))).getLong("id");
        long b = schedule(draft("districts", List.of("O8"), start, Duration.ofHours(4))).getLong("id");
        clock.set(start.minus(Duration.ofHours(4)));
        await(app.outages().scheduler().scanOnce());
        clock.set(start.minus(Duration.ofHours(2)));

        Future<OutageScheduler.ScanResult> one = app.outages().scheduler().scanOnce();
        Future<OutageScheduler.ScanResult> two = app.outages().scheduler().scanOnce();

        assertThat(await(one).handled() + await(two).handled()).isEqualTo(2);
        assertThat(await(one).reminders() + await(two).reminders()).isEqualTo(2);
        assertThat(told(a, "reminder")).hasSize(1);
        assertThat(told(b, "reminder")).hasSize(1);
        assertThat(supervisor().get("/api/outages/" + a).json().getInteger("reminded")).isEqualTo(1);
    }
}
