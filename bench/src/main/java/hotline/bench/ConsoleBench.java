package hotline.bench;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.config.Config;
import hotline.telephony.peer.AmiPeer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.HdrHistogram.Histogram;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static hotline.telephony.peer.AmiPeer.channelSnapshot;
import static hotline.telephony.peer.AmiPeer.with;

/**
 * The agent console, in one process: a whole Hotline server with the demo data ({@code --demo}; embedded PostgreSQL
 * in a temporary directory) and the AMI test peer.
 * <ol>
 *   <li>{@code renders} (default 300) requests of each page (desk, search, customer 360, follow-ups, supervisor) and of
 *       the caller-card read, one after another on one keep-alive connection: p50/p99 as the client on loopback sees
 *       them (an upper bound of the server's time);</li>
 *   <li>{@code calls} (default 200) calls answered on agent1's phone, emitted by the AMI peer, while agent1's desk is
 *       open in a headless Chromium: AgentConnect sent → the new card in the next animation frame, p50/p99;</li>
 *   <li>{@code streams} (default 200) live streams of distinct agents held open by plain SSE clients (a socket each):
 *       heap per stream (after a full GC, clients' sockets included: an upper bound) and pop latency (AgentConnect sent
 *       → the card's event read by that agent's client) for one call to each agent while all are connected.</li>
 * </ol>
 * Usage: {@code bench/run ConsoleBench [renders] [calls] [streams]}. Needs Debian's chromium and chromium-driver.
 */
public final class ConsoleBench {

    private static final String PASSWORD = "demo";
    private static final AtomicInteger NEXT_CALL = new AtomicInteger();

    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int streams = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dataDir = Files.createTempDirectory("hotline-bench-console");
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        try (AmiPeer ami = new AmiPeer("hotline", "bench-secret").start()) {
            JsonObject settings = new JsonObject()
                    .put("http", new JsonObject().put("port", 0).put("instances", 2))
                    .put("data", new JsonObject().put("dir", dataDir.toString()))
                    .put("db", new JsonObject().put("poolSize", 16))
                    .put("admin", new JsonObject().put("password", "bench-admin-password"))
                    .put("auth", new JsonObject().put("hashMemoryKib", 1024).put("hashIterations", 1))
                    .put("agi", new JsonObject().put("port", 0))
                    .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", ami.port())
                            .put("user", "hotline").put("secret", "bench-secret"));
            App app = App.start(new Config(settings, Map.of()), true);
            try {
                waitFor(() -> app.telephony().amiUp(), 10_000);
                System.out.printf("load average before: %s%n", loadAverage());
                String base = "http://127.0.0.1:" + app.httpPort();
                List<Row> customers = rows(app, "SELECT c.id, c.name, p.phone FROM customers c JOIN customer_phones p "
                        + "ON p.customer_id = c.id AND p.position = 0 ORDER BY c.id LIMIT 20");
                renders(app, base, customers.getFirst(), renders);
                paints(base, ami, customers, calls);
                streams(app, base, ami, customers.getFirst(), streams);
                System.out.printf("load average after: %s%n", loadAverage());
            } finally {
                app.close();
            }
        }
    }

    private static void renders(App app, String base, Row customer, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String agent = login(http, base, "agent1");
        String supervisor = login(http, base, "supervisor1");
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("desk", new String[] {"/desk", agent});
        pages.put("search 漏水", new String[] {"/search?q=" + URLEncoder.encode("漏水", StandardCharsets.UTF_8), agent});
        pages.put("customer 360", new String[] {"/customers/" + customer.getLong("id"), agent});
        pages.put("follow-ups", new String[] {"/followups", agent});
        pages.put("supervisor", new String[] {"/supervisor", supervisor});
        pages.put("caller card (API)", new String[] {"/api/console/caller-card?customerId=" + customer.getLong("id"), agent});
        System.out.printf("%n== page render, %d requests each after %d warm-up (ms) ==%n", n, n);
        System.out.printf("%-20s %8s %8s %8s%n", "page", "p50", "p99", "max");
        for (Map.Entry<String, String[]> page : pages.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + page.getValue()[0]))
                    .header("Cookie", "hotline_session=" + page.getValue()[1]).build();
            Histogram histogram = new Histogram(3);
            for (int i = 0; i < 2 * n; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page.getKey() + " answered " + response.statusCode());
                }
                if (i >= n) {
                    histogram.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
            System.out.printf("%-20s %8.2f %8.2f %8.2f%n", page.getKey(), ms(histogram, 50), ms(histogram, 99),
                    histogram.getMaxValue() / 1000.0);
        }
    }

    private static void paints(String base, AmiPeer ami, List<Row> customers, int n) throws Exception {
        ChromeDriver driver = SignIn.chromium(base, "agent1", PASSWORD);
        try {
            JavascriptExecutor js = driver;
            waitFor(() -> "up".equals(js.executeScript("return document.getElementById('conn')?.dataset.state")), 15_000);
            // The wall-clock time of the first animation frame after the card of a new call is in the page.
            js.executeScript("""
                    window.painted = {};
                    new MutationObserver(() => {
                      const uid = document.querySelector('#wrapup input[name=uniqueid]')?.value;
                      if (uid && !(uid in window.painted)) {
                        window.painted[uid] = 0;
                        requestAnimationFrame(() => { window.painted[uid] = Date.now(); });
                      }
                    }).observe(document.body, {childList: true, subtree: true});""");
            Histogram histogram = new Histogram(3);
            for (int i = 0; i < n + 20; i++) {
                Row customer = customers.get(i % customers.size());
                long sent = System.currentTimeMillis();
                String uid = answered(ami, customer.getString("phone"), customer.getLong("id"), "PJSIP/agent1");
                long[] painted = new long[1];
                waitFor(() -> {
                    Object at = js.executeScript("return window.painted[arguments[0]] || 0", uid);
                    painted[0] = ((Number) at).longValue();
                    return painted[0] > 0;
                }, 10_000);
                if (i >= 20) {
                    histogram.recordValue(Math.max(0, painted[0] - sent) * 1000);
                }
            }
            System.out.printf("%n== AMI AgentConnect → caller card painted in Chromium, %d calls after 20 warm-up (ms) ==%n", n);
            System.out.printf("p50 %.1f  p99 %.1f  max %.1f%n", ms(histogram, 50), ms(histogram, 99),
                    histogram.getMaxValue() / 1000.0);
        } finally {
            driver.quit();
        }
    }

    private static void streams(App app, String base, AmiPeer ami, Row customer, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String username = "bench" + i;
            await(app.auth().users().createIfAbsent(new NewUser(username, "Bench " + i, Role.AGENT, PASSWORD,
                    "PJSIP/bench" + i)));
            tokens.add(login(http, base, username));
        }
        long heapBefore = heapAfterGc();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        CountDownLatch opened = new CountDownLatch(n);
        List<Socket> sockets = new ArrayList<>();
        int port = app.httpPort();
        for (int i = 0; i < n; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            sockets.add(socket);
            String token = tokens.get(i);
            int agent = i;
            Thread.ofVirtual().start(() -> follow(socket, token, agent, opened, arrived));
        }
        if (!opened.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every stream opened");
        }
        long heapAfter = heapAfterGc();
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            String uid = answered(ami, customer.getString("phone"), customer.getLong("id"), "PJSIP/bench" + i);
            String key = i + "/" + uid;
            waitFor(() -> arrived.containsKey(key), 10_000);
            histogram.recordValue((arrived.get(key) - sent) / 1_000);
        }
        System.out.printf("%n== %d live streams of distinct agents held by one server ==%n", n);
        System.out.printf("heap: %.1f MiB before, %.1f MiB with the streams open: %.1f KiB per stream (clients included)%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1024.0 / n);
        System.out.printf("pop latency, AgentConnect → that agent's client read the card, %d pops (ms): p50 %.1f  p99 %.1f  max %.1f%n",
                n, ms(histogram, 50), ms(histogram, 99), histogram.getMaxValue() / 1000.0);
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** One SSE client: opens the stream, counts it open at the first event, notes when each call's card arrived. */
    private static void follow(Socket socket, String token, int agent, CountDownLatch opened, Map<String, Long> arrived) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /console/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Cookie: hotline_session=" + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            boolean counted = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    if (!counted) {
                        counted = true;
                        opened.countDown();
                    }
                    int at = line.indexOf("name=\\\"uniqueid\\\" value=\\\"");
                    if (at > 0) {
                        int from = at + "name=\\\"uniqueid\\\" value=\\\"".length();
                        arrived.putIfAbsent(agent + "/" + line.substring(from, line.indexOf('\\', from)), System.nanoTime());
                    }
                }
            }
        } catch (java.io.IOException closed) {
            // the benchmark closed the socket
        }
    }

    /** A call from {@code callerNumber} answered on {@code phone}, as Asterisk reports it; its uniqueid. */
    private static String answered(AmiPeer ami, String callerNumber, long customerId, String phone) {
        int n = NEXT_CALL.incrementAndGet();
        String uid = "1900000" + n + ".1";
        Map<String, String> caller = channelSnapshot("", "PJSIP/trunk-b" + n, uid, uid, callerNumber, 6, "Up",
                "hotline-inbound", "96655");
        ami.emit("Newchannel", caller);
        ami.emit("VarSet", with(caller, "Variable", "HOTLINE_CUSTOMER_ID", "Value", Long.toString(customerId)));
        ami.emit("QueueCallerJoin", with(caller, "Queue", "hotline", "Position", "1", "Count", "1"));
        Map<String, String> agentLeg = channelSnapshot("Dest", phone + "-b" + n, uid + "1", uid, callerNumber, 6, "Up",
                "from-queue", "s");
        Map<String, String> connect = new LinkedHashMap<>(with(caller, "Queue", "hotline", "MemberName", "agent",
                "Interface", phone, "RingTime", "1", "HoldTime", "3"));
        connect.putAll(agentLeg);
        ami.emit("AgentConnect", connect);
        return uid;
    }

    private static String login(HttpClient http, String base, String username) throws Exception {
        return SignIn.token(http, base, username, PASSWORD);
    }

    private static List<Row> rows(App app, String sql) {
        List<Row> rows = new ArrayList<>();
        await(app.pool().preparedQuery(sql).execute(Tuple.tuple())).forEach(rows::add);
        return rows;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }
}
