package hotline.bench;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.config.Config;
import hotline.sla.BoardFilter;
import hotline.sla.SlaScheduler;
import hotline.sla.internal.BoardListing;
import hotline.store.SqlTime;
import hotline.testing.MovableClock;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.HdrHistogram.Histogram;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The SLA board at scale, in one process: a whole Hotline server (embedded PostgreSQL in a temporary directory, 2 HTTP
 * event loops) on a clock the benchmark moves.
 * <ol>
 *   <li>{@code open} (default 100,000) open tickets with their {@code ticket_sla} rows are bulk-inserted (5 types, 20
 *       districts, tiers, levels and owners mixed; nothing left for the scheduler to do), first with 10 %, then with
 *       90 % of them past their warning threshold; for each, {@code GET /api/sla/board} with each filter, 200 times
 *       after 50 warm-up on one keep-alive connection, p50/p99 as the client sees them, and the plans of the
 *       unfiltered page and count and of a district's;</li>
 *   <li>between the two, at 10 %, {@code samples} (default 30) times: a request for help is created, the clock is
 *       moved past its warning threshold, and the time from the scheduler publishing the warning to the ticket's row
 *       painted on a supervisor's board in headless Chromium (filtered to the tickets' district) is measured; then the
 *       ticket is answered.</li>
 * </ol>
 * Usage: {@code bench/run SlaBoardBench [open] [samples]}. Needs Debian's chromium and chromium-driver.
 */
public final class SlaBoardBench {

    private static final String PASSWORD = "bench-sla-password-42";
    private static final int REQUESTS = 200;
    private static final int WARM_UP = 50;
    /** The first-response target of the bulk rows and its warning threshold (80 %), in minutes. */
    private static final int TARGET = 240;
    private static final int WARN = 192;
    private static final String LIVE = "LIVE";

    private SlaBoardBench() {
    }

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dataDir = Files.createTempDirectory("hotline-bench-sla");
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        MovableClock clock = new MovableClock(Instant.now());
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("instances", 2))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("db", new JsonObject().put("poolSize", 16))
                .put("admin", new JsonObject().put("password", "quiet-harbour-meadow-72"))
                .put("auth", new JsonObject().put("hashMemoryKib", 1024).put("hashIterations", 1))
                .put("agi", new JsonObject().put("port", 0))
                .put("sla", new JsonObject().put("scanIntervalMs", 100));
        App app = App.start(new Config(settings, Map.of()), false, clock);
        try {
            System.out.printf("load average before: %s%n", loadAverage());
            for (String name : new String[] {"bench.lead", "bench.agent"}) {
                await(app.auth().users().create(new NewUser(name, name, name.endsWith("lead") ? Role.SUPERVISOR
                        : Role.AGENT, PASSWORD, null)));
            }
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String supervisor = SignIn.token(http, base, "bench.lead", PASSWORD);
            String agent = SignIn.token(http, base, "bench.agent", PASSWORD);
            long started = System.nanoTime();
            insert(app, open, clock.instant());
            System.out.printf("%,d open tickets inserted in %.1f s%n", open, (System.nanoTime() - started) / 1e9);
            atRisk(app, 0.1, clock.instant());
            queries(app, http, base, supervisor, clock.instant(), 0.1);
            live(app, http, base, agent, clock, samples);
            atRisk(app, 0.9, clock.instant());
            queries(app, http, base, supervisor, clock.instant(), 0.9);
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            app.close();
        }
    }

    /** Open tickets created over the last 48 hours, each with the SLA row the tracker would keep, nothing to check. */
    private static void insert(App app, int open, Instant now) {
        sql(app, """
                INSERT INTO tickets (number, type, channel, status, priority, subject, district, created_at, updated_at)
                SELECT 'B-' || g, (ARRAY['repair', 'complaint', 'inquiry', 'suggestion', 'help'])[1 + g % 5], 'phone',
                       (ARRAY['reported', 'vent', 'open', 'open', 'open'])[1 + g % 5], 'normal', 'bench ticket ' || g,
                       'D' || lpad((g % 20)::text, 2, '0'), $1::timestamptz - (g % 2880) * interval '1 minute', $1
                FROM generate_series(1, $2::int) g""", Tuple.of(SqlTime.param(now), open));
        sql(app, """
                INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                                        first_response_warn_at, resolution_warn_at, follow_up_delay_s,
                                        escalate_every_s, warning, level, owner, ticket_type, district, risk_deadline,
                                        risk_at, due_at, updated_at)
                SELECT id, 'bench', CASE id % 10 WHEN 0 THEN 'key' WHEN 1 THEN 'small' ELSE 'ordinary' END, id % 50 = 0,
                       created_at + interval '4 hours', created_at + interval '48 hours',
                       created_at + interval '192 minutes', created_at + interval '2304 minutes', 86400, 14400, 0.8,
                       CASE WHEN id % 50 = 0 THEN 'manager' WHEN id % 12 = 0 THEN 'duty_supervisor'
                            WHEN id % 5 = 0 THEN 'team_lead' ELSE 'agent' END,
                       CASE WHEN id % 5 = 0 THEN 'bench.lead' WHEN id % 7 = 0 THEN 'team:network'
                            WHEN id % 3 = 0 THEN 'agent' || (id % 40) END,
                       type, district, 'first_response', created_at + interval '192 minutes',
                       created_at + interval '4 hours', created_at
                FROM tickets WHERE number LIKE 'B-%'""", Tuple.tuple());
    }

    /** Moves the bulk rows' targets so that {@code share} of them are past their warning threshold at {@code now}. */
    private static void atRisk(App app, double share, Instant now) {
        // Warning thresholds spread evenly over [now - share × span, now + (1 - share) × span).
        sql(app, """
                UPDATE ticket_sla SET risk_at = $1::timestamptz - $2::float8 * interval '1 minute'
                                                + (ticket_id % 10000) * $3::float8 * interval '1 minute',
                                      due_at = $1::timestamptz - $2::float8 * interval '1 minute'
                                               + (ticket_id % 10000) * $3::float8 * interval '1 minute'
                                               + $4::int * interval '1 minute'
                WHERE rule = 'bench'""", Tuple.of(SqlTime.param(now), share * 2880, 2880 / 10000.0, TARGET - WARN));
        sql(app, "VACUUM ANALYZE ticket_sla", Tuple.tuple());
        sql(app, "ANALYZE tickets", Tuple.tuple());
    }

    private static void queries(App app, HttpClient http, String base, String token, Instant now, double share)
            throws Exception {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("all, page 1", "/api/sla/board");
        filters.put("all, page 101", "/api/sla/board?page=100");
        filters.put("type=complaint", "/api/sla/board?type=complaint");
        filters.put("district=D07", "/api/sla/board?district=D07");
        filters.put("tier=key", "/api/sla/board?tier=key");
        filters.put("level=duty_supervisor", "/api/sla/board?level=duty_supervisor");
        filters.put("owner=bench.lead", "/api/sla/board?owner=bench.lead");
        filters.put("owner=team:network", "/api/sla/board?owner="
                + URLEncoder.encode("team:network", StandardCharsets.UTF_8));
        filters.put("state=breached", "/api/sla/board?state=breached");
        filters.put("district+type+state", "/api/sla/board?district=D07&type=help&state=warning");
        filters.put("page /supervisor/sla", "/supervisor/sla");
        filters.put("table of district D07", "/supervisor/sla/rows?district=D07");
        long total = one(app, "SELECT count(*) FROM ticket_sla WHERE risk_at <= $1", Tuple.of(SqlTime.param(now)))
                .getLong(0);
        System.out.printf("%n== GET /api/sla/board and the console's board, %,d of the open tickets past their warning "
                + "threshold (%.0f %%), %d requests each after %d warm-up (ms) ==%n", total, share * 100, REQUESTS, WARM_UP);
        System.out.printf("%-24s %8s %8s %8s %10s%n", "filter", "p50", "p99", "max", "matches");
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + filter.getValue()))
                    .header("Authorization", "Bearer " + token).build();
            Histogram histogram = new Histogram(3);
            long matches = -1; // the pages do not say
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - start) / 1_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(filter.getKey() + " answered " + response.statusCode());
                }
                if (i >= WARM_UP) {
                    histogram.recordValue(micros);
                }
                if (filter.getValue().startsWith("/api/")) {
                    matches = new JsonObject(response.body()).getLong("total");
                }
            }
            System.out.printf("%-24s %8.2f %8.2f %8.2f %10s%n", filter.getKey(), ms(histogram, 50), ms(histogram, 99),
                    histogram.getMaxValue() / 1000.0, matches < 0 ? "" : String.format("%,d", matches));
        }
        BoardListing listing = BoardListing.of(BoardFilter.parse(name -> null), now);
        explain(app, "the unfiltered page", listing.page(), listing.pageParameters());
        explain(app, "its count", listing.count(), listing.countParameters());
        BoardListing district = BoardListing.of(BoardFilter.parse(name -> "district".equals(name) ? "D07" : null), now);
        explain(app, "the page of district D07", district.page(), district.pageParameters());
        explain(app, "its count", district.count(), district.countParameters());
    }

    private static void explain(App app, String what, String sql, Tuple parameters) {
        System.out.println("EXPLAIN ANALYZE of " + what + ":");
        await(app.pool().preparedQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).execute(parameters))
                .forEach(row -> System.out.println("    " + row.getString(0)));
    }

    private static void live(App app, HttpClient http, String base, String agent, MovableClock clock, int samples)
            throws Exception {
        Map<Long, Long> published = new ConcurrentHashMap<>();
        var consumer = app.vertx().eventBus().<JsonObject>consumer(SlaScheduler.BUS_ADDRESS, message -> {
            if ("warning".equals(message.body().getString("kind"))) {
                published.putIfAbsent(message.body().getLong("ticketId"), System.currentTimeMillis());
            }
        });
        await(consumer.completion());
        ChromeDriver driver = SignIn.chromium(base, "bench.lead", PASSWORD);
        try {
            waitFor(() -> driver.getCurrentUrl().endsWith("/desk"), 15_000);
            JavascriptExecutor js = driver;
            Histogram histogram = new Histogram(3);
            for (int i = 0; i < samples; i++) {
                long id = create(http, base, agent);
                driver.get(base + "/supervisor/sla?district=" + LIVE);
                waitFor(() -> "up".equals(js.executeScript("return document.getElementById('conn')?.dataset.state")),
                        15_000);
                // The wall-clock time of the first animation frame after the ticket's row is in the page.
                js.executeScript("""
                        window.painted = 0;
                        new MutationObserver((changes, observer) => {
                          if (document.getElementById(arguments[0])) {
                            observer.disconnect();
                            requestAnimationFrame(() => { window.painted = Date.now(); });
                          }
                        }).observe(document.body, {childList: true, subtree: true});""", "sla-row-" + id);
                clock.advance(Duration.ofMinutes(49)); // a request for help is warned at 48 of its 60 minutes
                long[] painted = new long[1];
                waitFor(() -> {
                    painted[0] = ((Number) js.executeScript("return window.painted")).longValue();
                    return painted[0] > 0 && published.containsKey(id);
                }, 15_000);
                histogram.recordValue(Math.max(0, painted[0] - published.get(id)) * 1000);
                answer(http, base, agent, id);
            }
            System.out.printf("%n== scheduler's warning published → the ticket's row painted on the board in Chromium, "
                    + "%d samples (ms) ==%n", samples);
            System.out.printf("p50 %.1f  p99 %.1f  max %.1f%n", ms(histogram, 50), ms(histogram, 99),
                    histogram.getMaxValue() / 1000.0);
        } finally {
            driver.quit();
            await(consumer.unregister());
        }
    }

    private static long create(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("type", "help").put("district", LIVE)
                        .put("subject", "独居老人家中停水").encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body()).getLong("id");
    }

    private static void answer(HttpClient http, String base, String token, long id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets/" + id
                        + "/transitions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("action", "answer")
                        .put("fields", new JsonObject().put("answer", "已派人上门")).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answer answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void sql(App app, String sql, Tuple parameters) {
        await(app.pool().preparedQuery(sql).execute(parameters));
    }

    private static Row one(App app, String sql, Tuple parameters) {
        return await(app.pool().preparedQuery(sql).execute(parameters)).iterator().next();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }
}
