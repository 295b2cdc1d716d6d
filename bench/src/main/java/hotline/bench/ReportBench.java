package hotline.bench;

import hotline.App;
import hotline.bench.search.Latency;
import hotline.config.Config;
import hotline.reports.Grouping;
import hotline.reports.Report;
import hotline.reports.ReportRollup;
import hotline.reports.ReportsModule;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report benchmark (docs/benchmarks.md, "Reports"): {@code ReportBench [tickets] [calls]} (default 1,000,000
 * each). Starts a server in this JVM on a fresh embedded PostgreSQL with its catch-up job off, loads a year of
 * history in SQL (generate_series: customers, tickets with their creating events and SLA rows, calls, survey and
 * return-call answers), times the first catch-up (every day counted) and a regular one (recent days and one slice of
 * older ones), then measures every report through the HTTP API as a supervisor: per report a mix of requests (the
 * last 30 days by day in total; 92 days by day, 52 weeks by week and 12 months by month in each of its groupings),
 * 1 client and then 4 at once. Prints Markdown tables. Bounded: every loop has a fixed count.
 */
public final class ReportBench {

    private static final String ADMIN_PASSWORD = "ledger-pumpkin-violet-63";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CUSTOMERS = 200_000;
    private static final int WARMUP = 30;
    private static final int PER_CLIENT_1 = 300;
    private static final int PER_CLIENT_4 = 100;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        long tickets = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long calls = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        // Others may enter: as root the embedded PostgreSQL runs as 'nobody'.
        Path dataDir = Files.createTempDirectory("hotline-bench-reports",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0))
                .put("agi", new JsonObject().put("port", 0))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("admin", new JsonObject().put("password", ADMIN_PASSWORD))
                .put("sla", new JsonObject().put("scheduler", false))
                .put("reports", new JsonObject().put("rollupSeconds", 0));
        try (App app = App.start(new Config(settings, Map.of()), false)) {
            new ReportBench().run(app, tickets, calls);
        }
        System.exit(0);
    }

    private void run(App app, long tickets, long calls) throws Exception {
        System.out.printf("# Report benchmark: %,d tickets, %,d calls, %,d customers; %d processors, load average %.1f%n",
                tickets, calls, CUSTOMERS, Runtime.getRuntime().availableProcessors(), loadAverage());
        long started = System.nanoTime();
        load(app.pool(), tickets, calls);
        System.out.printf("%n- load (SQL generate_series, indexes in place, ANALYZE included): %.1f s%n",
                seconds(started));
        started = System.nanoTime();
        app.reports().rollup().run(true).await();
        System.out.printf("- first catch-up, every day of the year counted: %.1f s%n", seconds(started));
        started = System.nanoTime();
        app.reports().rollup().run(true).await();
        System.out.printf("- regular catch-up (%d recent days + %d older days): %.2f s%n", ReportRollup.RECENT_DAYS,
                ReportsModule.DEFAULT_OLDER_DAYS_PER_RUN, seconds(started));

        HttpClient http = HttpClient.newBuilder().connectTimeout(REPLY_TIMEOUT).build();
        String base = "http://127.0.0.1:" + app.httpPort();
        String token = login(http, base);
        LocalDate today = LocalDate.now(ZONE);
        System.out.printf("%n| report | requests (variants) | p50 ms, 1 client | p99 ms, 1 client | p50 ms, 4 clients "
                + "| p99 ms, 4 clients | max ms |%n|---|---|---|---|---|---|---|%n");
        for (Report report : Report.values()) {
            List<String> variants = variants(report, today);
            java.util.function.IntConsumer query = i -> get(http, base + variants.get(i % variants.size()), token);
            Latency.Result one = Latency.measure(1, WARMUP, PER_CLIENT_1, query);
            Latency.Result four = Latency.measure(4, WARMUP / 4, PER_CLIENT_4, query);
            System.out.printf("| %s | %d (%d) | %.1f | %.1f | %.1f | %.1f | %.1f |%n", report.code(),
                    one.count() + four.count(), variants.size(), one.p50(), one.p99(), four.p50(), four.p99(),
                    Math.max(one.max(), four.max()));
        }
        System.out.printf("%nload average at the end: %.1f%n", loadAverage());
    }

    /** The last 30 days by day in total, then 92 days by day, 52 weeks by week and 12 months by month per grouping. */
    private static List<String> variants(Report report, LocalDate today) {
        List<String> paths = new ArrayList<>();
        String path = "/api/reports/" + report.code();
        if (report.groupings().contains(Grouping.TOTAL)) {
            paths.add(path + "?from=" + today.minusDays(29) + "&to=" + today);
        }
        for (Grouping by : report.groupings()) {
            paths.add(path + "?interval=day&by=" + by.code() + "&from=" + today.minusDays(91) + "&to=" + today);
            paths.add(path + "?interval=week&by=" + by.code() + "&from=" + today.minusWeeks(52).plusDays(1) + "&to="
                    + today);
            paths.add(path + "?interval=month&by=" + by.code() + "&from=" + today.minusYears(1).plusDays(1) + "&to="
                    + today);
        }
        return paths;
    }

    private static void load(Pool pool, long tickets, long calls) throws IOException {
        String now = "'" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.OffsetDateTime.now()) + "'::timestamptz";
        String script;
        try (InputStream in = ReportBench.class.getResourceAsStream("/report-load.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : script.split("\n\n")) {
            String sql = statement.replace(":tickets", Long.toString(tickets)).replace(":calls", Long.toString(calls))
                    .replace(":customers", Integer.toString(CUSTOMERS)).replace(":now", now);
            long started = System.nanoTime();
            pool.query(sql).execute().await();
            String first = sql.lines().filter(line -> !line.startsWith("--")).findFirst().orElse("").strip();
            System.out.printf("  %5.1f s  %s%n", seconds(started), first.length() > 70 ? first.substring(0, 70) : first);
        }
    }

    private static String login(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").timeout(REPLY_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", ADMIN_PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + reply.statusCode() + " " + reply.body());
        }
        return new JsonObject(reply.body()).getString("token");
    }

    private static void get(HttpClient http, String url, String token) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(REPLY_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + reply.statusCode() + ": " + reply.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
