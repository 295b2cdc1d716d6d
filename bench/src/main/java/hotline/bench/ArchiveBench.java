package hotline.bench;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.config.Config;
import hotline.relationship.ArchiveFilter;
import hotline.relationship.internal.ArchiveSql;
import hotline.relationship.internal.HealthSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer archive and the at-risk list at scale, in one process: a whole Hotline server (embedded PostgreSQL in
 * a temporary directory, 2 HTTP event loops) with {@code customers} (default 200,000) customers in 20 districts,
 * {@code tickets} (default 1,000,000) tickets over the last 400 days (a tenth complaints, one in twenty open, 3 %
 * escalated), a return visit with an answer after every fifth closed ticket and 300,000 calls, all bulk-inserted.
 * Then each archive search ({@code GET /api/customers/archive}) 20 times after 5 warm-up, the at-risk list, its
 * report and one customer's health and timeline 5 times after 1, on one keep-alive connection with a supervisor's
 * token (p50 / p99 / max as the client sees them), and the plans (EXPLAIN ANALYZE) of the archive's page and count
 * for a few filters and of the at-risk page. Usage: {@code bench/run ArchiveBench [customers] [tickets]}.
 */
public final class ArchiveBench {

    private static final String PASSWORD = "bench-archive-password-42";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ArchiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int tickets = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dataDir = Files.createTempDirectory("hotline-bench-archive");
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("instances", 2))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("db", new JsonObject().put("poolSize", 16))
                .put("admin", new JsonObject().put("password", "quiet-harbour-meadow-72"))
                .put("auth", new JsonObject().put("hashMemoryKib", 1024).put("hashIterations", 1))
                .put("agi", new JsonObject().put("port", 0))
                .put("reports", new JsonObject().put("rollupSeconds", 0));
        App app = App.start(new Config(settings, Map.of()), false, Clock.systemUTC());
        try {
            await(app.auth().users().create(new NewUser("bench.lead", "bench.lead", Role.SUPERVISOR, PASSWORD, null)));
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = SignIn.token(http, base, "bench.lead", PASSWORD);
            Instant now = Instant.now();
            long started = System.nanoTime();
            insert(app, customers, tickets, now);
            System.out.printf("%,d customers, %,d tickets and their visits, escalations and calls inserted in %.1f s%n",
                    customers, tickets, (System.nanoTime() - started) / 1e9);
            System.out.printf("load average before the requests: %s%n", loadAverage());
            archive(http, base, token);
            atRisk(app, http, base, token);
            explainArchive(app);
            explainAtRisk(app, now);
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            app.close();
        }
    }

    private static void insert(App app, int customers, int tickets, Instant now) {
        Object at = SqlTime.param(now);
        sql(app, """
                INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, critical_facility,
                                       critical_reason, created_at, updated_at)
                SELECT lpad(g::text, 10, '0'),
                       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','朱','胡'])[1 + g % 15]
                       || (ARRAY['建国','秀英','伟','芳','娜','敏','静','磊','洋','勇','艳','杰','娟','涛','明','超','霞',
                                 '平','刚','桂英'])[1 + (g / 15) % 20]
                       || CASE WHEN g % 10 = 0 THEN (ARRAY['商行','餐馆','印染厂','小学','医院'])[1 + (g / 10) % 5] ELSE '' END,
                       (ARRAY['西湖区','上城区','拱墅区','滨江区','萧山区'])[1 + g % 5]
                       || (ARRAY['解放路','文三路','古墩路','建国路','体育场路','莫干山路','庆春路'])[1 + (g / 5) % 7]
                       || (g % 400) || '号' || (g % 30) || '幢' || (g % 6 + 1) || '单元',
                       'D' || lpad((g % 20)::text, 2, '0'),
                       CASE WHEN g % 20 = 0 THEN 'commercial' WHEN g % 50 = 1 THEN 'industrial'
                            WHEN g % 40 = 2 THEN 'public' ELSE 'residential' END,
                       CASE WHEN g % 10 = 0 THEN 'organisation' ELSE 'individual' END,
                       CASE WHEN g % 50 = 0 THEN 'key' WHEN g % 5 = 0 THEN 'small' ELSE 'ordinary' END,
                       g % 100 = 3,
                       CASE WHEN g % 100 = 3 THEN (ARRAY['hospital','school','home_dialysis','care_home'])[1 + (g / 100) % 4] END,
                       $1::timestamptz - (g % 3650) * interval '1 day', $1::timestamptz - (g % 400) * interval '1 day'
                FROM generate_series(1, $2::int) g""", Tuple.of(at, customers));
        sql(app, """
                INSERT INTO customer_phones (customer_id, phone, position)
                SELECT id, '1' || (3 + id % 6)::text || lpad(((id * 7919) % 1000000000)::text, 9, '0'), 0 FROM customers""",
                Tuple.tuple());
        long first = await(app.pool().query("SELECT min(id) FROM customers").execute()).iterator().next().getLong(0);
        sql(app, """
                INSERT INTO tickets (number, type, channel, status, priority, customer_id, subject, district, category,
                                     created_at, updated_at, closed_at)
                SELECT 'A-' || g, t.type, 'phone', CASE WHEN g % 20 = 0 THEN 'open' ELSE 'closed' END, 'normal', c.id,
                       'bench ' || g, c.district, (ARRAY['leak','low_pressure','no_water','water_quality','meter'])[1 + (g / 10) % 5],
                       t.created, t.created, CASE WHEN g % 20 = 0 THEN NULL ELSE t.created + interval '5 hours' END
                FROM generate_series(1, $2::int) g
                CROSS JOIN LATERAL (SELECT (ARRAY['repair','complaint','inquiry','repair','help','inquiry','repair',
                                                  'suggestion','inquiry','repair'])[1 + g % 10] AS type,
                                           $1::timestamptz - ((g::bigint * 37) % 576000) * interval '1 minute' AS created) t
                JOIN customers c ON c.id = $3::bigint + (g::bigint * 7919) % $4::int""",
                Tuple.of(at, tickets, first, customers));
        sql(app, """
                INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                                        first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s,
                                        warning, responded, resolved, level, ticket_type, district, updated_at)
                SELECT id, 'bench', 'ordinary', false, created_at, created_at, created_at, created_at, 86400, 14400, 0.8,
                       true, true, 'team_lead', type, district, created_at
                FROM tickets WHERE id % 33 = 0""", Tuple.tuple());
        sql(app, """
                INSERT INTO followups (kind, ticket_id, customer_id, ticket_type, district, due_at, done_at, done_by,
                                       outcome, satisfaction, created_at)
                SELECT CASE WHEN type = 'complaint' THEN 'complaint' ELSE 'repair' END, id, customer_id, type, district,
                       closed_at + interval '2 days', closed_at + interval '2 days', 'bench', 'answered',
                       (ARRAY[5, 5, 4, 4, 4, 3, 3, 2, 1, 5])[1 + id % 10], closed_at
                FROM tickets WHERE closed_at IS NOT NULL AND id % 5 = 0""", Tuple.tuple());
        sql(app, """
                INSERT INTO calls (uniqueid, caller_number, started_at, answered_at, ended_at, talk_seconds, disposition,
                                   customer_id, created_at)
                SELECT 'bench.' || g, '13800000000', s, s, s + interval '2 minutes', 120, 'answered',
                       $2::bigint + (g::bigint * 104729) % $3::int, s
                FROM generate_series(1, 300000) g
                CROSS JOIN LATERAL (SELECT $1::timestamptz - ((g::bigint * 53) % 576000) * interval '1 minute' AS s) t""",
                Tuple.of(at, first, customers));
        for (String table : new String[] {"customers", "customer_phones", "tickets", "ticket_sla", "followups", "calls"}) {
            sql(app, "VACUUM ANALYZE " + table, Tuple.tuple());
        }
    }

    private static void archive(HttpClient http, String base, String token) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("no filter, page 1", "");
        searches.put("no filter, page 400", "page=400");
        searches.put("name contains 建国", "name=" + enc("建国"));
        searches.put("name contains 王建", "name=" + enc("王建"));
        searches.put("address contains 文三路12", "address=" + enc("文三路12"));
        searches.put("phone digits 4321", "phone=4321");
        searches.put("phone digits 1380791", "phone=1380791");
        searches.put("account starts 00001234", "account=00001234");
        searches.put("district D07", "district=D07");
        searches.put("tier key", "tier=key");
        searches.put("tier small + commercial", "tier=small&waterUse=commercial");
        searches.put("critical hospital", "critical=hospital");
        searches.put("created in the last 30 days", "createdFrom=" + today.minusDays(30));
        searches.put("updated in one week", "updatedFrom=" + today.minusDays(60) + "&updatedTo=" + today.minusDays(54));
        searches.put("last contact this week", "contactFrom=" + today.minusDays(6));
        searches.put("D07 + key + contact 90 d", "district=D07&tier=key&contactFrom=" + today.minusDays(90));
        System.out.printf("%n== GET /api/customers/archive, 20 requests each after 5 warm-up (ms) ==%n");
        System.out.printf("%-30s %8s %8s %8s %10s%n", "filter", "p50", "p99", "max", "matches");
        for (Map.Entry<String, String> search : searches.entrySet()) {
            time(http, base, token, search.getKey(), "/api/customers/archive?" + search.getValue(), 5, 20);
        }
    }

    private static void atRisk(App app, HttpClient http, String base, String token) throws Exception {
        long customer = await(app.pool().query("SELECT customer_id FROM tickets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                .execute()).iterator().next().getLong(0);
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("at-risk list, page 1", "/api/customers/at-risk");
        reads.put("at-risk list, page 50", "/api/customers/at-risk?page=50");
        reads.put("at-risk, tier=key", "/api/customers/at-risk?tier=key");
        reads.put("at-risk, district=D07", "/api/customers/at-risk?district=D07");
        reads.put("report at-risk by district", "/api/reports/at_risk?from=" + LocalDate.now(ZONE) + "&to="
                + LocalDate.now(ZONE));
        reads.put("segments page (counts+at-risk)", "/supervisor/segments?district=D07");
        reads.put("one customer's health", "/api/customers/" + customer + "/health");
        reads.put("one customer's timeline p1", "/api/customers/" + customer + "/timeline");
        reads.put("the customer page", "/customers/" + customer);
        System.out.printf("%n== At-risk list, report, and one customer's blocks, 5 requests each after 1 warm-up (ms) ==%n");
        System.out.printf("%-30s %8s %8s %8s %10s%n", "read", "p50", "p99", "max", "matches");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            time(http, base, token, read.getKey(), read.getValue(), 1, 5);
        }
    }

    private static void time(HttpClient http, String base, String token, String name, String path, int warmUp,
                             int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build();
        Histogram histogram = new Histogram(3);
        String matches = "";
        for (int i = 0; i < warmUp + requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmUp) {
                histogram.recordValue(micros);
            }
            if (path.startsWith("/api/") && response.body().startsWith("{")) {
                Long total = new JsonObject(response.body()).getLong("total");
                matches = total == null ? "" : String.format("%,d", total);
            }
        }
        System.out.printf("%-30s %8.1f %8.1f %8.1f %10s%n", name, ms(histogram, 50), ms(histogram, 99),
                histogram.getMaxValue() / 1000.0, matches);
    }

    private static void explainArchive(App app) {
        Map<String, Map<String, String>> filters = new LinkedHashMap<>();
        filters.put("no filter", Map.of());
        filters.put("name contains 建国", Map.of("name", "建国"));
        filters.put("phone digits 4321", Map.of("phone", "4321"));
        filters.put("district D07 + tier key", Map.of("district", "D07", "tier", "key"));
        filters.put("last contact this week", Map.of("contactFrom", LocalDate.now(ZONE).minusDays(6).toString()));
        for (Map.Entry<String, Map<String, String>> filter : filters.entrySet()) {
            ArchiveFilter parsed = ArchiveFilter.parse(filter.getValue()::get);
            Tuple page = Tuple.tuple(parsed.params(ZONE)).addInteger(20).addLong(0L);
            explain(app, "the archive's page, " + filter.getKey(), ArchiveSql.PAGE, page);
            explain(app, "its count", ArchiveSql.COUNT, Tuple.tuple(parsed.params(ZONE)));
        }
    }

    private static void explainAtRisk(App app, Instant now) {
        Tuple params = Tuple.of(SqlTime.param(now), SqlTime.param(now.minusSeconds(365L * 86_400)),
                SqlTime.param(now.minusSeconds(30L * 86_400)), null, 100L, 60L)
                .addLong(10L).addLong(40L).addLong(8L).addLong(24L).addLong(30L).addLong(30L)
                .addLong(6L).addLong(24L).addLong(10L).addLong(30L).addLong(2L).addLong(10L)
                .addValue(null).addValue(null).addInteger(20).addLong(0L);
        explain(app, "the at-risk page (shipped weights)", HealthSql.AT_RISK_PAGE, params);
    }

    private static void explain(App app, String what, String sql, Tuple parameters) {
        System.out.println("EXPLAIN ANALYZE of " + what + ":");
        Future<Void> done = app.pool().withTransaction(tx -> tx.query(ArchiveSql.CUSTOM_PLANS).execute()
                .compose(set -> tx.preparedQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).execute(parameters))
                .map(rows -> {
                    rows.forEach(row -> System.out.println("    " + row.getString(0)));
                    return null;
                }));
        await(done);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void sql(App app, String sql, Tuple parameters) {
        await(app.pool().preparedQuery(sql).execute(parameters));
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
