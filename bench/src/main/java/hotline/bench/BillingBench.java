package hotline.bench;

import hotline.App;
import hotline.billing.FakeCis;
import hotline.config.Config;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Billing, measured on one machine (the server on a fresh embedded database in a directory under {@code target/}):
 * <ol>
 *   <li>the caller card with the billing read included, against a CIS (the tests' {@link FakeCis}) answering in 50 ms
 *       and then in 2 s: {@code cards} (default 200) requests of {@code GET /api/console/caller-card} for distinct
 *       customers from {@code clients} (default 4) concurrent clients, after 200 not counted, with the answer cache
 *       off so each card reads the CIS. Prints the card's
 *       p50/p99 (it waits for billing at most {@code billing.cardWaitMs}) and, for cards that had to show "pending",
 *       the time until their billing arrived ({@code GET /api/customers/{id}/billing}, which joins the read under way);</li>
 *   <li>the ledger import of a {@code ledgerRows}-row export (default 1,000,000: accounts of 37 rows each, an account
 *       row and twelve bills, payments and readings): rows/s, the file's size.</li>
 * </ol>
 * Prints the load average before and after. Stops by itself. Usage: {@code bench/run BillingBench [cards] [clients] [ledgerRows]}.
 */
public final class BillingBench {

    private static final String PASSWORD = "meter-harbour-quartz-58";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** Cards read first and not counted, so the figures are of a warm server. */
    private static final int WARM_UP = 200;

    private BillingBench() {
    }

    public static void main(String[] args) throws Exception {
        int cards = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int ledgerRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Path dataDir = Files.createDirectories(Path.of("target", "billing-bench-" + System.currentTimeMillis()).toAbsolutePath());
        try (FakeCis cis = new FakeCis()) {
            JsonObject settings = new JsonObject()
                    .put("http", new JsonObject().put("port", 0))
                    .put("data", new JsonObject().put("dir", dataDir.toString()))
                    .put("admin", new JsonObject().put("password", PASSWORD))
                    .put("billing", new JsonObject().put("source", "cis").put("cacheSeconds", 0)
                            .put("cis", new JsonObject().put("baseUrl", cis.baseUrl()).put("maxConnections", 100)));
            try (App app = App.start(new Config(settings, Map.of()), false)) {
                Client client = new Client("http://127.0.0.1:" + app.httpPort());
                List<Long> customers = customers(client, cis, WARM_UP + cards * 2);
                cis.delayMs = 50;
                cards(client, customers.subList(0, WARM_UP), clients, 50, false);
                for (long delay : new long[] {50, 2_000}) {
                    cis.delayMs = delay;
                    int from = WARM_UP + (delay == 50 ? 0 : cards);
                    cards(client, customers.subList(from, from + cards), clients, delay, true);
                }
                ledger(client, ledgerRows);
            }
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** {@code count} customers imported, each with a year of statements at the CIS; their ids. */
    private static List<Long> customers(Client client, FakeCis cis, int count) throws Exception {
        StringBuilder csv = new StringBuilder("accountNumber,name,phones,waterUse,kind\n");
        for (int i = 0; i < count; i++) {
            String account = "77" + String.format("%08d", i);
            csv.append(account).append(",用户").append(i).append(",1").append(String.format("%010d", 3_100_000_000L + i))
                    .append(",residential,individual\n");
            cis.statements.put(account, FakeCis.year(account, i % 5 == 0 ? "98.00" : "0.00", TODAY).toJson());
        }
        client.post("/api/customers/import", csv.toString(), "text/csv");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject found = new JsonObject(client.get("/api/customers?account=77" + String.format("%08d", i)));
            ids.add(found.getJsonArray("items").getJsonObject(0).getLong("id"));
        }
        return ids;
    }

    private static void cards(Client client, List<Long> customers, int clients, long delay, boolean print)
            throws Exception {
        Histogram card = new Histogram(3);
        Histogram withBilling = new Histogram(3);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger known = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                loops.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < customers.size(); i = next.getAndIncrement()) {
                        long id = customers.get(i);
                        long start = System.nanoTime();
                        JsonObject body = new JsonObject(client.get("/api/console/caller-card?customerId=" + id));
                        long cardNanos = System.nanoTime() - start;
                        card.recordValue(cardNanos / 1000);
                        String status = body.getJsonObject("billing").getString("status");
                        if (status.equals("pending")) {
                            pending.incrementAndGet();
                            status = new JsonObject(client.get("/api/customers/" + id + "/billing")).getString("status");
                        }
                        known.addAndGet(status.equals("known") ? 1 : 0);
                        withBilling.recordValue((System.nanoTime() - start) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!print) {
            return;
        }
        System.out.printf("caller card, CIS answering in %d ms: %d cards from %d clients in %.1f s; card p50 %.0f ms, "
                        + "p99 %.0f ms; %d showed billing pending; card with its billing p50 %.0f ms, p99 %.0f ms; "
                        + "billing known for %d%n", delay, customers.size(), clients, seconds, ms(card, 50), ms(card, 99),
                pending.get(), ms(withBilling, 50), ms(withBilling, 99), known.get());
    }

    private static void ledger(Client client, int rows) throws Exception {
        int accounts = Math.max(1, rows / 37);
        StringBuilder csv = new StringBuilder(rows * 64);
        csv.append("record,accountNumber,balance,nextReadingOn,period,issuedOn,dueOn,consumption,amount,paidOn,method,"
                + "readOn,value,estimated\n");
        for (int a = 0; a < accounts; a++) {
            String account = "66" + String.format("%08d", a);
            csv.append("account,").append(account).append(",").append(a % 7 == 0 ? "98.00" : "0.00").append(",")
                    .append(TODAY.plusDays(5)).append(",,,,,,,,,,\n");
            for (int m = 12; m >= 1; m--) {
                YearMonth period = YearMonth.from(TODAY).minusMonths(m);
                LocalDate issued = period.plusMonths(1).atDay(2);
                csv.append("bill,").append(account).append(",,,").append(period).append(',').append(issued).append(',')
                        .append(issued.plusDays(20)).append(",14,49.00,,,,,\n");
                csv.append("payment,").append(account).append(",,,,,,,49.00,").append(issued.plusDays(9))
                        .append(",wechat,,,\n");
                csv.append("reading,").append(account).append(",,,,,,,,,,").append(period.atDay(25)).append(',')
                        .append(1000 + 14 * (13 - m)).append(',').append(m == 4 && a % 9 == 0).append('\n');
            }
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        JsonObject report = new JsonObject(client.post("/api/billing/ledger", body, "text/csv; charset=utf-8"));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report.getInteger("errorCount") != 0) {
            throw new IllegalStateException("the ledger refused rows: " + report.getJsonArray("errors"));
        }
        System.out.printf("ledger import: %d rows of %d accounts (%.1f MB) in %.1f s = %.0f rows/s%n",
                report.getInteger("imported"), report.getInteger("accounts"), body.length / 1e6, seconds,
                report.getInteger("imported") / seconds);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The API as an admin, on the JDK's HTTP client (it pools connections for the concurrent card readers). */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        private final String base;
        private final String token;

        Client(String base) throws Exception {
            this.base = base;
            this.token = new JsonObject(send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            new JsonObject().put("username", "admin").put("password", PASSWORD).encode())))).getString("token");
        }

        String get(String path) throws Exception {
            return send(request(path).GET());
        }

        String post(String path, String body, String type) throws Exception {
            return post(path, body.getBytes(StandardCharsets.UTF_8), type);
        }

        String post(String path, byte[] body, String type) throws Exception {
            return send(request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }
}
