package hotline.bench;

import hotline.App;
import hotline.config.Config;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customer import page with a large file of bad rows, in one process: a whole Hotline server (no demo data; one
 * HTTP event loop, so the import's upload and every other request share it) and a headless Chromium on
 * {@code /admin/import}. Each of {@code runs} (default 3) imports a generated file of {@code rows} (default 200,000)
 * rows, every one bad, through the page, and prints:
 * <ul>
 *   <li>the time from pressing Import to the first page of the error table drawn (in the page's own clock);</li>
 *   <li>the latency of {@code GET /api/session} sent back to back on another connection meanwhile (p50/p99/max, and
 *       the same for a quiet stretch before, for comparison);</li>
 *   <li>the server's heap: after a full GC before, the highest used while importing (sampled every 10 ms), and after
 *       a full GC afterwards.</li>
 * </ul>
 * Then the same file once straight to the API, without the browser. Usage: {@code bench/run AdminImportBench [rows]
 * [runs]}. Needs Debian's chromium and chromium-driver.
 */
public final class AdminImportBench {

    private static final String PASSWORD = "ledger-turnip-velvet-58";
    private static final long QUIET_MS = 5_000;

    private AdminImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dataDir = Files.createDirectories(Path.of("target", "admin-import-bench-" + System.currentTimeMillis())
                .toAbsolutePath());
        JsonObject settings = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("instances", 1))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("admin", new JsonObject().put("password", PASSWORD))
                .put("agi", new JsonObject().put("port", 0));
        byte[] file = badRows(rows);
        Path csv = Files.write(Files.createTempFile("bad-customers", ".csv"), file);
        try (App app = App.start(new Config(settings, Map.of()), false)) {
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = login(http, base);
            System.out.printf("%d rows, every one bad: %.1f MB; 1 HTTP event loop; max heap %d MB; load average before: %s%n",
                    rows, file.length / 1e6, Runtime.getRuntime().maxMemory() >> 20, loadAverage());
            ChromeDriver driver = chromium();
            try {
                driver.get(base + "/login");
                driver.findElement(By.id("username")).sendKeys("admin");
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
                waitFor(() -> driver.getCurrentUrl().endsWith("/desk"), 15_000);
                System.out.printf("%n%-4s %14s %28s %28s %34s%n", "run", "first page s", "GET quiet p50/p99/max ms",
                        "GET meanwhile p50/p99/max ms", "heap MB before / peak / after");
                for (int run = 1; run <= runs; run++) {
                    Histogram quiet = new Histogram(3);
                    Histogram meanwhile = new Histogram(3);
                    gets(http, base, token, quiet, () -> sleep(QUIET_MS));
                    long before = heapAfterGc();
                    AtomicLong peak = new AtomicLong();
                    double[] seconds = new double[1];
                    withHeapSampler(peak, () -> gets(http, base, token, meanwhile,
                            () -> seconds[0] = importThroughPage(driver, base, csv)));
                    long after = heapAfterGc();
                    System.out.printf("%-4d %14.2f %28s %28s %34s%n", run, seconds[0], figures(quiet), figures(meanwhile),
                            (before >> 20) + " / " + (peak.get() >> 20) + " / " + (after >> 20));
                }
            } finally {
                driver.quit();
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/customers/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject report = new JsonObject(answer.body());
            System.out.printf("%nstraight to the API: %.2f s, status %d, rows %d, errorCount %d, errors listed %d, "
                            + "imported %d, answer %d bytes%n", (System.nanoTime() - started) / 1e9, answer.statusCode(),
                    report.getInteger("rows"), report.getInteger("errorCount"), report.getJsonArray("errors").size(),
                    report.getInteger("imported"), answer.body().length());
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    /** A file of {@code rows} customers, each with one of four faults the import must report. */
    private static byte[] badRows(int rows) {
        StringBuilder csv = new StringBuilder("\uFEFFaccountNumber,name,phones,address,district,waterUse,kind\n");
        for (int i = 0; i < rows; i++) {
            String account = String.format("%08d", 20_000_000 + i);
            switch (i % 4) {
                case 0 -> csv.append("A").append(account).append(",王先生").append(i).append(",13800138000,文三路")
                        .append(i % 500).append("号,XH,residential,individual\n");
                case 1 -> csv.append(account).append(",李女士").append(i).append(",1234,文三路").append(i % 500)
                        .append("号,XH,residential,individual\n");
                case 2 -> csv.append(account).append(",张三").append(i).append(",13800138000,,XH,swimming,individual\n");
                default -> csv.append(account).append(",,13800138000,,XH,residential,individual\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Presses Import on the page; the seconds until the first row of the error table is in the page. */
    private static double importThroughPage(ChromeDriver driver, String base, Path csv) {
        driver.get(base + "/admin/import");
        JavascriptExecutor js = driver;
        js.executeScript("""
                window.t0 = 0; window.t1 = 0;
                document.getElementById('import-form').addEventListener('submit', () => { window.t0 = performance.now(); }, true);
                new MutationObserver(() => {
                  if (!window.t1 && document.querySelector('#import-error-rows tr')) window.t1 = performance.now();
                }).observe(document.getElementById('import-error-rows'), {childList: true});""");
        driver.findElement(By.id("import-file")).sendKeys(csv.toString());
        driver.findElement(By.id("import-submit")).click();
        waitFor(() -> ((Number) js.executeScript("return window.t1")).doubleValue() > 0, 300_000);
        return ((Number) js.executeScript("return (window.t1 - window.t0) / 1000")).doubleValue();
    }

    /** Sends GET /api/session back to back on one connection while {@code during} runs, recording each latency. */
    private static void gets(HttpClient http, String base, String token, Histogram latencies, Runnable during) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Authorization", "Bearer " + token).build();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        throw new IllegalStateException("GET /api/session was refused");
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    return;
                }
                latencies.recordValue((System.nanoTime() - start) / 1_000);
            }
        });
        try {
            during.run();
        } finally {
            running.set(false);
            join(client);
        }
    }

    private static void withHeapSampler(AtomicLong peak, Runnable work) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                sleep(10);
            }
        });
        try {
            work.run();
        } finally {
            running.set(false);
            join(sampler);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("username", "admin").put("password", PASSWORD).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(login.body()).getString("token");
    }

    private static ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("hotline-bench-chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    private static String figures(Histogram histogram) {
        return String.format("%.1f / %.1f / %.1f (n=%d)", histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, histogram.getTotalCount());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
