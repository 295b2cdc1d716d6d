package hotline.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticket creation over HTTP against the real server jar on its embedded database: closed-loop clients (1, 8, 32)
 * each send {@code POST /api/tickets} back to back for a fixed time; prints tickets/s and p50/p99/max latency.
 * Then the same ticket transaction driven by {@code pgbench} straight into the same PostgreSQL at the same client
 * counts ({@link PgBench}), and per count the ratio server ÷ pgbench: the figure that compares across machines.
 * Then the durability check: 32 clients, the server and its PostgreSQL are SIGKILLed mid-run, the server is
 * restarted on the same data, and every ticket that got a 201 must be readable.
 *
 * <p>Usage: {@code bench/run TicketLoad [seconds-per-phase]} (default 15). Everything runs on 127.0.0.1; the run is
 * bounded (every wait has a limit) and ends by itself, with exit status 1 when a request failed or an acknowledged
 * ticket was lost. It takes about 30 s + 7 phases + two server starts.
 */
public final class TicketLoad {

    private static final String[] SUBJECTS = {
            "门口爆管，水流到马路上", "Leak at the meter box, water running", "水压很低，楼上没水",
            "自来水发黄有异味", "No water since this morning", "消防栓漏水", "Low pressure on the 5th floor"};

    private static final int WARM_UP_SECONDS = 30;
    private static final int[] CLIENTS = {1, 8, 32};
    /** No request waits longer for its answer; a phase ends at most this long after its time is up. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        boolean passed = false;
        try {
            passed = measure(seconds);
        } catch (Exception e) {
            e.printStackTrace();
        }
        // Now, not whenever a straggling thread would let the JVM go.
        System.exit(passed ? 0 : 1);
    }

    /** Runs every phase; answers whether no request failed and every acknowledged ticket survived the crash. */
    private static boolean measure(int seconds) throws Exception {
        // Others may enter: as root the embedded PostgreSQL runs as 'nobody'.
        Path dataDir = Files.createTempDirectory("hotline-bench-tickets",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ServerProcess server = new ServerProcess(Path.of("hotline-server/target/hotline-server.jar"), dataDir);
        Vertx vertx = Vertx.vertx();
        boolean durable;
        try {
            server.start(Map.of());
            System.out.printf("Ticket creation, %d s per phase, server and PostgreSQL on this machine (%d cores, load"
                    + " average %.1f)%n", seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
            // A hotline server runs for weeks: measure it after the JIT has compiled the hot paths, not while it does.
            Result warmUp = run(vertx, server, 32, Duration.ofSeconds(WARM_UP_SECONDS), null);
            System.out.printf("warm-up: %d s at 32 clients, %.0f tickets/s (not counted)%n", WARM_UP_SECONDS,
                    warmUp.perSecond());
            System.out.println("clients  tickets/s     p50 ms   p99 ms   max ms   errors");
            long errors = warmUp.errors;
            Map<Integer, Result> results = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                Result result = run(vertx, server, clients, Duration.ofSeconds(seconds), null);
                System.out.printf("%7d %10.0f %10.2f %8.2f %8.2f %8d%n", clients, result.perSecond(),
                        result.millis(50), result.millis(99), result.histogram.getMaxValue() / 1000.0, result.errors);
                errors += result.errors;
                results.put(clients, result);
            }
            if (errors > 0) {
                throw new IllegalStateException(errors + " requests failed; the server log is in " + dataDir);
            }
            compareWithPgbench(vertx, server, results, Duration.ofSeconds(seconds));
            durable = crashCheck(vertx, server, seconds);
        } finally {
            server.stop();
            vertx.close().await(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (durable) {
            server.deleteDataDir();
        } else {
            System.out.println("server log, database and pgbench output kept in " + dataDir);
        }
        return durable;
    }

    /**
     * The same ticket transaction driven by pgbench straight into the server's PostgreSQL, one ticket per transaction,
     * at the same client counts for the same time as the HTTP load, after it and with the server idle. The ratio
     * server ÷ pgbench is the figure that compares across machines (docs/benchmarks.md).
     */
    private static void compareWithPgbench(Vertx vertx, ServerProcess server, Map<Integer, Result> http,
                                           Duration duration) throws Exception {
        Optional<Path> pgbench = PgBench.find();
        if (pgbench.isEmpty()) {
            System.out.println("pgbench comparison skipped: no pgbench on the PATH, so no server/pgbench ratio"
                    + " (Debian: apt-get install postgresql-client)");
            return;
        }
        WebClient client = client(vertx, server, 1);
        long adminId = login(client).getJsonObject("user").getLong("id");
        awaitFeederIdle(client);
        client.close();
        PgBench bench = new PgBench(pgbench.get(), server.database(), server.dataDir().resolve("pgbench"), adminId);
        System.out.printf("pgbench: the same ticket transaction (%s, one ticket per transaction, -M prepared) straight"
                + " into the same PostgreSQL, %d s per phase (load average %.1f)%n", PgBench.SCRIPT,
                duration.toSeconds(), loadAverage());
        System.out.println("clients  tickets/s     p50 ms   p99 ms   max ms   errors   server/pgbench");
        for (Map.Entry<Integer, Result> phase : http.entrySet()) {
            PgBench.Result result = bench.run(phase.getKey(), duration);
            System.out.printf("%7d %10.0f %10.2f %8.2f %8.2f %8d %16.2f%n", phase.getKey(), result.perSecond(),
                    result.millis(50), result.millis(99), result.histogram().getMaxValue() / 1000.0, result.failed(),
                    phase.getValue().perSecond() / result.perSecond());
        }
    }

    /**
     * Waits (at most {@link #INDEX_TIMEOUT}) until the search feeder is idle: no committed change waits to be indexed.
     * Its catching up with the HTTP load must not compete with pgbench, whose tickets go to an outbox topic the
     * feeder skips.
     */
    private static void awaitFeederIdle(WebClient client) throws Exception {
        long start = System.nanoTime();
        long deadline = start + INDEX_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject search = client.get("/health")
                    .putHeader("Authorization", "Bearer " + ServerProcess.MANAGEMENT_TOKEN)
                    .send().await(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .bodyAsJsonObject().getJsonObject("checks", new JsonObject())
                    .getJsonObject("search", new JsonObject());
            Long pending = search.getLong("pendingChanges");
            if (pending == null) {
                System.out.println("search feeder: /health has no pendingChanges, so pgbench does not wait for it");
                return;
            }
            if (pending == 0 && !search.getBoolean("rebuilding", false)) {
                System.out.printf("search feeder idle after %.1f s (nothing pending, lag %d ms)%n",
                        (System.nanoTime() - start) / 1e9, search.getLong("lagMillis", 0L));
                return;
            }
            Thread.sleep(1_000);
        }
        System.out.printf("search feeder still busy after %s; pgbench runs anyway%n", INDEX_TIMEOUT);
    }

    /** Answers whether every ticket acknowledged before the SIGKILL is there after the restart. */
    private static boolean crashCheck(Vertx vertx, ServerProcess server, int seconds) throws Exception {
        Result result = run(vertx, server, 32, Duration.ofSeconds(Math.max(6, seconds)), Duration.ofSeconds(3));
        System.out.printf("crash: SIGKILL of server and PostgreSQL after 3 s; %d tickets acknowledged (201), %d requests"
                + " failed or were cut off%n", result.acknowledged.size(), result.errors);
        server.start(Map.of());
        WebClient client = client(vertx, server, 8);
        String token = login(client).getString("token");
        List<Future<Integer>> checks = new ArrayList<>();
        for (long id : result.acknowledged) {
            checks.add(client.get("/api/tickets/" + id).bearerTokenAuthentication(token).send()
                    .map(HttpResponse::statusCode));
        }
        long missing = Future.all(checks).map(all -> checks.stream().filter(c -> c.result() != 200).count())
                .await(REPLY_TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS);
        client.close();
        System.out.printf("after restart: %d of %d acknowledged tickets found, %d missing%n",
                result.acknowledged.size() - missing, result.acknowledged.size(), missing);
        return missing == 0;
    }

    private record Result(Histogram histogram, long count, long errors, double seconds,
                          ConcurrentLinkedQueue<Long> acknowledged) {
        double perSecond() {
            return count / seconds;
        }

        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Runs {@code clients} closed loops for {@code duration}; with {@code killAfter}, kills the server then. */
    private static Result run(Vertx vertx, ServerProcess server, int clients, Duration duration, Duration killAfter)
            throws Exception {
        WebClient client = client(vertx, server, clients);
        String token = login(client).getString("token");
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Promise<Void>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Promise<Void> finished = Promise.promise();
            done.add(finished);
            int clientNo = i;
            vertx.runOnContext(v -> loop(client, token, clientNo, end, histogram, count, errors, acknowledged,
                    finished));
        }
        if (killAfter != null) {
            Thread.sleep(killAfter.toMillis());
            server.killHard();
        }
        Future.all(done.stream().map(Promise::future).toList())
                .await(duration.plus(REPLY_TIMEOUT).toSeconds(), TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        client.close();
        return new Result(histogram, count.get(), errors.get(), seconds, acknowledged);
    }

    private static void loop(WebClient client, String token, int clientNo, long end, Histogram histogram,
                             AtomicLong count, AtomicLong errors, ConcurrentLinkedQueue<Long> acknowledged,
                             Promise<Void> finished) {
        if (System.nanoTime() >= end) {
            finished.complete();
            return;
        }
        long sent = System.nanoTime();
        long n = count.get() + errors.get();
        JsonObject ticket = new JsonObject()
                .put("type", "repair")
                .put("channel", "phone")
                .put("subject", SUBJECTS[(int) (n % SUBJECTS.length)])
                .put("description", "Load test ticket " + n + " from client " + clientNo + "：来电反映情况，请尽快处理。")
                .put("location", "人民路" + (n % 300) + "号")
                .put("district", "D" + (n % 12))
                .put("callerNumber", "1380000" + String.format("%04d", n % 10_000));
        client.post("/api/tickets").bearerTokenAuthentication(token).idleTimeout(REPLY_TIMEOUT.toMillis())
                .sendJsonObject(ticket).onComplete(reply -> {
                    if (reply.succeeded() && reply.result().statusCode() == 201) {
                        histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        count.incrementAndGet();
                        acknowledged.add(reply.result().bodyAsJsonObject().getLong("id"));
                    } else {
                        errors.incrementAndGet();
                    }
                    if (reply.failed()) {
                        // The server is gone (crash phase): stop this client instead of spinning on refused
                        // connections.
                        if (System.nanoTime() < end) {
                            client.request(HttpMethod.GET, "/health").idleTimeout(REPLY_TIMEOUT.toMillis()).send()
                                    .onSuccess(alive -> loop(client, token, clientNo, end, histogram, count, errors,
                                            acknowledged, finished))
                                    .onFailure(gone -> finished.tryComplete());
                            return;
                        }
                    }
                    loop(client, token, clientNo, end, histogram, count, errors, acknowledged, finished);
                });
    }

    private static WebClient client(Vertx vertx, ServerProcess server, int connections) {
        return WebClient.wrap(vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections)));
    }

    /** Over the last minute: tells a quiet machine from a shared one, whose figures say little. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The server's answer to the admin's log-in: {@code token} and {@code user}. */
    private static JsonObject login(WebClient client) throws Exception {
        HttpResponse<Buffer> reply = client.post("/api/session")
                .sendJsonObject(new JsonObject().put("username", "admin").put("password", ServerProcess.ADMIN_PASSWORD))
                .await(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + reply.statusCode() + " " + reply.bodyAsString());
        }
        return reply.bodyAsJsonObject();
    }
}
