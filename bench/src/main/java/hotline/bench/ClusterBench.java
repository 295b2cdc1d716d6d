package hotline.bench;

import hotline.console.Calls;
import hotline.testing.Await;
import hotline.testing.EventStream;
import hotline.testing.ServerProcess;
import hotline.testing.SeveralInstances;
import hotline.testing.SiteClient;
import hotline.testing.TicketWriters;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Several instances on this one machine, measured through nginx ({@code bench/run ClusterBench [seconds]}): ticket
 * creation throughput with 1, 2 and 3 clustered instances (closed-loop clients, after a warm-up), where the CPU went
 * meanwhile (servers, PostgreSQL, nginx, this load generator, from /proc), the latency of a screen pop from the AMI
 * event on the link's holder to the agent's stream on another instance (p50/p99), and the AMI link's failover time
 * (SIGKILL of the holder until another instance's link is up and resynchronised). Runs on Debian's PostgreSQL and
 * nginx, as the tests of several instances do (or {@code HOTLINE_DB_URL}'s PostgreSQL).
 */
public final class ClusterBench {

    private static final int CLIENTS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final int POPS = 200;
    private static final int FAILOVERS = 3;
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** The servers' JVM as in production: the full JIT, the default collector. */
    private static final List<String> SERVER_JVM = List.of("-Xmx1g");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 15);
        System.out.printf("load average before: %s%n", loadAverage());
        ClusterBench bench = new ClusterBench();
        for (int instances = 1; instances <= 3; instances++) {
            bench.throughput(instances, measured);
        }
        bench.popsAndFailover();
        System.out.printf("load average after: %s%n", loadAverage());
        System.exit(0);
    }

    /** Tickets/s through nginx with {@code instances} instances, each with the default event loops (one per core). */
    private void throughput(int instances, Duration measured) throws Exception {
        try (SeveralInstances site = SeveralInstances.start(instances, Map.of("HOTLINE_HTTP_INSTANCES", "2",
                "HOTLINE_DB_POOL_SIZE", "16"), SERVER_JVM)) {
            SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
            new TicketWriters(admin, site.uri("/"), "warmup").start(CLIENTS, WARM_UP, Integer.MAX_VALUE).await();
            Map<String, Long> before = cpuTicks(site);
            long began = System.nanoTime();
            TicketWriters load = new TicketWriters(admin, site.uri("/"), "measured")
                    .start(CLIENTS, measured, Integer.MAX_VALUE).await();
            double seconds = (System.nanoTime() - began) / 1e9;
            Map<String, Long> after = cpuTicks(site);
            Histogram latency = histogram(load.latenciesNanos());
            System.out.printf("%d instance(s), %d clients through nginx: %.0f tickets/s, p50 %.1f ms, p99 %.1f ms, "
                            + "refused %s; load average %s%n", instances, CLIENTS, load.acknowledged().size() / seconds,
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, load.refused(),
                    loadAverage());
            StringBuilder shares = new StringBuilder("  CPU (% of the 2 cores):");
            after.forEach((who, ticks) -> shares.append(String.format(" %s %.0f%%", who,
                    100.0 * (ticks - before.getOrDefault(who, 0L)) / CLOCK_TICKS_PER_SECOND / seconds / 2)));
            System.out.println(shares);
        }
    }

    /** Pop latency across the cluster and the AMI link's failover time, with three instances. */
    private void popsAndFailover() throws Exception {
        try (SeveralInstances site = SeveralInstances.start(3, Map.of(), SERVER_JVM)) {
            Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(30));
            ServerProcess holder = site.amiHolder().orElseThrow();
            SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
            String password = "lantern-pebble-orchard-41";
            admin.post(site.uri("/api/users"), new JsonObject().put("username", "agent1").put("role", "agent")
                    .put("password", password).put("phoneInterface", "PJSIP/agent1"));
            SiteClient agent = SiteClient.login(http, site.uri("/"), "agent1", password);
            EventStream stream = EventStream.open(http, site.uri("/console/events"), agent.token());
            while (stream.instance().endsWith(":" + holder.port())) {
                stream.close();
                stream = EventStream.open(http, site.uri("/console/events"), agent.token());
            }
            Calls calls = new Calls(site.peer());
            Histogram pops = new Histogram(3);
            for (int i = 0; i < POPS; i++) {
                int seen = stream.events().size();
                long emitted = System.nanoTime();
                String uid = calls.answered("1380013" + String.format("%04d", i), null, "PJSIP/agent1");
                EventStream watched = stream;
                Await.until(() -> watched.events().stream().skip(seen)
                        .anyMatch(event -> event.data().contains("call-" + uid)), Duration.ofSeconds(5));
                long arrived = watched.events().stream().skip(seen)
                        .filter(event -> event.data().contains("call-" + uid)).findFirst().orElseThrow().arrivedNanos();
                pops.recordValue(arrived - emitted);
            }
            stream.close();
            System.out.printf("screen pop, AMI event on %s to agent1's stream on another instance through nginx, %d "
                            + "calls: p50 %.1f ms, p99 %.1f ms, max %.1f ms; load average %s%n", holder.name(), POPS,
                    pops.getValueAtPercentile(50) / 1e6, pops.getValueAtPercentile(99) / 1e6, pops.getMaxValue() / 1e6,
                    loadAverage());
            for (int round = 1; round <= FAILOVERS; round++) {
                ServerProcess dying = site.amiHolder().orElseThrow();
                dying.kill();
                long killed = System.nanoTime();
                Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(60));
                System.out.printf("AMI failover %d: %s killed, %s up and resynchronised after %d ms (standby retry "
                                + "%d ms); load average %s%n", round, dying.name(), site.amiHolder().orElseThrow().name(),
                        (System.nanoTime() - killed) / 1_000_000, SeveralInstances.STANDBY_RETRY_MS, loadAverage());
                site.startAll(List.of(dying));
            }
        }
    }

    /** CPU ticks used so far by each party: the servers, PostgreSQL, nginx and this JVM (which generates the load). */
    private static Map<String, Long> cpuTicks(SeveralInstances site) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (ServerProcess server : site.running()) {
            ticks.put("server " + server.name(), tree(server.pid()));
        }
        ticks.put("postgres", site.postgres().pid().stream().map(ClusterBench::tree).sum());
        ticks.put("nginx", tree(site.nginx().pid()));
        ticks.put("load generator", own(ProcessHandle.current().pid()));
        return ticks;
    }

    private static long tree(long pid) {
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid)).mapToLong(ClusterBench::own).sum();
    }

    /** utime + stime of one process, in clock ticks (0 when it is gone). */
    private static long own(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static Histogram histogram(List<Long> nanos) {
        Histogram histogram = new Histogram(3);
        nanos.forEach(histogram::recordValue);
        return histogram;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
