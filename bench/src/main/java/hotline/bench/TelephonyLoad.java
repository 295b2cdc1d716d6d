package hotline.bench;

import hotline.App;
import hotline.config.Config;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.AmiPeer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telephony under load, in one process: a whole Hotline server (embedded PostgreSQL in a temporary directory, FastAGI
 * and HTTP on free ports of 127.0.0.1) driven by the test peers over TCP.
 * <ol>
 *   <li>{@code calls} (default 1000) simultaneous IVR leak reports through the FastAGI peer, each a known caller who
 *       reports a leak and hears the ticket number: AGI command round trip (server-side timer) p50/p99, the time from
 *       the caller's "confirm" to the first command after the ticket exists, calls refused or lost;</li>
 *   <li>{@code events} (default 100000) AMI events from the AMI peer: events handled per second;</li>
 *   <li>{@code pops} (default 2000) queued calls answered by an agent: AgentConnect sent → screen pop on the event bus,
 *       p50/p99.</li>
 * </ol>
 * Usage: {@code bench/run TelephonyLoad [calls] [events] [pops]}. Bounded; stops by itself.
 */
public final class TelephonyLoad {

    private TelephonyLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int pops = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path dataDir = Files.createTempDirectory("hotline-bench-telephony");
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        try (AmiPeer ami = new AmiPeer("hotline", "bench-secret").start()) {
            JsonObject settings = new JsonObject()
                    .put("http", new JsonObject().put("port", 0).put("instances", 2))
                    .put("data", new JsonObject().put("dir", dataDir.toString()))
                    .put("db", new JsonObject().put("poolSize", 16))
                    .put("admin", new JsonObject().put("password", "ledger-pumpkin-violet-63"))
                    .put("agi", new JsonObject().put("port", 0))
                    .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", ami.port())
                            .put("user", "hotline").put("secret", "bench-secret"));
            App app = App.start(new Config(settings, Map.of()), false);
            try {
                long agentId = seed(app);
                waitFor(() -> app.telephony().amiUp(), 10_000);
                ivr(app, calls, 0);
                ivr(app, calls, 1_000);
                amiRate(app, ami, events);
                screenPops(app, ami, agentId, pops);
            } finally {
                app.close();
            }
        }
    }

    /** Callers: {@value #CUSTOMERS} customers spread over {@value #DISTRICTS} districts, as a city's calls are. */
    private static final int CUSTOMERS = 200;
    private static final int DISTRICTS = 40;

    private static String phone(int customer) {
        return "1370000%04d".formatted(customer);
    }

    private static long seed(App app) {
        var pool = app.pool();
        for (int i = 0; i < CUSTOMERS; i++) {
            long customer = pool.preparedQuery("INSERT INTO customers (account_number, name, address, district, water_use, "
                            + "kind, tier, critical_facility, created_at, updated_at) VALUES ($1, '压测用户', '测试路1号', "
                            + "$2, 'residential', 'individual', 'ordinary', false, now(), now()) RETURNING id")
                    .execute(Tuple.of("9%07d".formatted(i), "%02d".formatted(i % DISTRICTS)))
                    .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
            pool.preparedQuery("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, $2, 0)")
                    .execute(Tuple.of(customer, phone(i))).toCompletionStage().toCompletableFuture().join();
        }
        return pool.preparedQuery("INSERT INTO users (username, display_name, role, password_hash, phone_interface, "
                        + "created_at) VALUES ('bench-agent', 'Bench', 'agent', 'x', 'PJSIP/bench', now()) RETURNING id")
                .execute().toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    }

    /** {@code playMillis}: how long each prompt plays (0: Asterisk answers at once, the harshest case). */
    private static void ivr(App app, int calls, long playMillis) throws Exception {
        int port = app.telephony().agiPort();
        Histogram toTicket = new Histogram(60_000_000_000L, 3);
        Histogram turnaround = new Histogram(60_000_000_000L, 3);
        Histogram protocolOnly = new Histogram(60_000_000_000L, 3);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger toAgent = new AtomicInteger();
        AtomicInteger tickets = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        long began;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                String callerId = phone(i % CUSTOMERS);
                done.add(callers.submit(() -> {
                    start.await();
                    if (playMillis > 0) {
                        // Real calls do not arrive in the same millisecond: spread the starts over two prompts.
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * playMillis));
                    }
                    AgiPeer.Transcript call = AgiPeer.call(port, AgiPeer.Caller.of(callerId,
                            "1", "1", "2", "2", "1", "1", "timeout").paced(playMillis));
                    int created = indexOf(call.commands(), "hotline/ticket-created");
                    if (created < 0 || call.variables().get("HOTLINE_TICKET") == null) {
                        // served, but the IVR gave up waiting for the ticket (service timeout) and queued the caller
                        (call.commands().isEmpty() ? failed : toAgent).incrementAndGet();
                        return null;
                    }
                    tickets.incrementAndGet();
                    synchronized (toTicket) {
                        long[] turnarounds = call.turnaroundNanos();
                        toTicket.recordValue(turnarounds[created]);
                        for (int c = 0; c < turnarounds.length; c++) {
                            turnaround.recordValue(turnarounds[c]);
                            // The first command waits for the caller-ID lookup, the one after 'confirm' for the ticket.
                            if (c != 0 && c != created) {
                                protocolOnly.recordValue(turnarounds[c]);
                            }
                        }
                    }
                    return null;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> call : done) {
                try {
                    call.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("IVR: %d simultaneous leak reports, prompts playing %d ms each, in %.1f s: %d tickets read back, "
                + "%d handed to an agent after the ticket took longer than the IVR waits, %d refused or lost%n",
                calls, playMillis, seconds, tickets.get(), toAgent.get(), failed.get());
        System.out.printf("  AGI round trip as Asterisk sees it (reply sent → next command): p50 %.2f ms, p99 %.2f ms%n",
                turnaround.getValueAtPercentile(50) / 1e6, turnaround.getValueAtPercentile(99) / 1e6);
        System.out.printf("  ... of commands that wait for no service call: p50 %.2f ms, p99 %.2f ms%n",
                protocolOnly.getValueAtPercentile(50) / 1e6, protocolOnly.getValueAtPercentile(99) / 1e6);
        System.out.printf("  confirm → ticket made (peer side): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                toTicket.getValueAtPercentile(50) / 1e6, toTicket.getValueAtPercentile(99) / 1e6, toTicket.getMaxValue() / 1e6);
    }

    private static void amiRate(App app, AmiPeer ami, int events) throws Exception {
        Counter handled = app.meters().find("hotline_ami_events_total").counter();
        double before = handled.count();
        long began = System.nanoTime();
        for (int i = 0; i < events; i += 2) {
            String uid = "1800000000." + i;
            Map<String, String> channel = AmiPeer.channelSnapshot("", "PJSIP/trunk-" + i, uid, uid, "13600000000", 6,
                    "Up", "hotline-inbound", "96655");
            ami.emit("Newchannel", channel);
            ami.emit("Hangup", AmiPeer.with(channel, "Cause", "16", "Cause-txt", "Normal Clearing"));
        }
        waitFor(() -> handled.count() - before >= events, 120_000);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("AMI: %d events handled in %.2f s = %.0f events/s (each Hangup also stores a call record)%n",
                events, seconds, events / seconds);
    }

    private static void screenPops(App app, AmiPeer ami, long agentId, int pops) throws Exception {
        Histogram latency = new Histogram(60_000_000_000L, 3);
        Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong received = new AtomicLong();
        var consumer = app.vertx().eventBus().<JsonObject>consumer(TelephonyAddresses.screenPop(agentId), message -> {
            Long sent = sentAt.remove(message.body().getJsonObject("call").getString("uniqueid"));
            if (sent != null) {
                synchronized (latency) {
                    latency.recordValue(System.nanoTime() - sent);
                }
                received.incrementAndGet();
            }
        });
        consumer.completion().toCompletionStage().toCompletableFuture().join();
        // Let the call records of the event-rate run drain first; then answer 200 calls a second, far above a
        // utility's real peak, but below the link's capacity so the figure is latency, not a queue.
        Thread.sleep(2_000);
        long interval = 5_000_000;
        long began = System.nanoTime();
        for (int i = 0; i < pops; i++) {
            long due = began + i * interval;
            while (System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            String uid = "1900000000." + i;
            Map<String, String> caller = AmiPeer.channelSnapshot("", "PJSIP/trunk-p" + i, uid, uid, "13500000000", 6,
                    "Up", "hotline-inbound", "96655");
            ami.emit("Newchannel", caller);
            ami.emit("QueueCallerJoin", AmiPeer.with(caller, "Queue", "hotline", "Position", "1", "Count", "1"));
            sentAt.put(uid, System.nanoTime());
            ami.emit("AgentConnect", AmiPeer.with(caller, "Queue", "hotline", "MemberName", "Bench",
                    "Interface", "PJSIP/bench", "RingTime", "2", "HoldTime", "5"));
            ami.emit("Hangup", AmiPeer.with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));
        }
        waitFor(() -> received.get() >= pops, 60_000);
        consumer.unregister();
        Timer server = app.meters().find("hotline_screenpop_seconds").timer();
        System.out.printf("Screen pop: %d calls answered at 200/s, AgentConnect written by the peer → pop on the event bus: "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pops, latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        if (server != null) {
            System.out.printf("  server side (AMI event received → published): %s%n", percentiles(server));
        }
    }

    private static String percentiles(Timer timer) {
        StringBuilder text = new StringBuilder();
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            text.append(String.format("p%.0f %.3f ms  ", value.percentile() * 100, value.value(TimeUnit.NANOSECONDS) / 1e6));
        }
        return text.append(String.format("max %.3f ms", timer.max(TimeUnit.NANOSECONDS) / 1e6)).toString().trim();
    }

    private static int indexOf(List<String> commands, String part) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private interface Condition {
        boolean met();
    }

    private static void waitFor(Condition condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.met()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not reached within " + timeoutMs + " ms");
            }
            Thread.sleep(10);
        }
    }
}
