package hotline.bench;

import hotline.notify.Far;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import jakarta.mail.internet.MimeMessage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Notices through the real channels, across a crash. The server jar runs as a child process ({@link ServerProcess},
 * its own embedded PostgreSQL) with e-mail pointed at GreenMail and SMS at a local HTTP endpoint, both in this
 * process. {@code count} (default 100,000) notices are queued in one transaction: half to customers with an e-mail
 * address who opted out of SMS (one e-mail each), half to callers known only by a mobile number (one SMS each). When
 * {@code killAt} (default 40 %) of the messages have arrived, the server and its PostgreSQL get SIGKILL; the server is
 * started again on the same data directory and its worker finishes. Printed: messages/s before the kill and after the
 * restart, how long the dead worker's claims waited for their lease, and the far side's count of distinct delivery ids
 * (none lost), of repeats (a repeat carries the id of a message already received: the far side can drop it), and the
 * rows' final statuses.
 *
 * <p>Usage: {@code bench/run NotifyBench [count] [killAtPercent]}.
 */
public final class NotifyBench {

    private static final int LEASE_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        // GreenMail logs every mailbox it creates: one line per e-mail here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int killAt = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Vertx vertx = Vertx.vertx();
        Far far = new Far(vertx);
        // Others may enter: as root the embedded PostgreSQL runs as 'nobody'.
        Path dataDir = Files.createTempDirectory("hotline-notify-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ServerProcess server = new ServerProcess(Path.of("hotline-server/target/hotline-server.jar"), dataDir);
        Map<String, String> env = settings(far);
        try {
            server.start(env);
            System.out.printf("load average before: %.2f%n", load());
            Pool pool = pool(vertx, server);
            long queuedAt = queue(pool, count);
            System.out.printf("queued %,d notices in one transaction%n", count);

            long killWhen = (long) count * killAt / 100;
            while (sent(pool) < killWhen) {
                Thread.sleep(200);
            }
            long killedAt = System.nanoTime();
            server.killHard();
            int atKill = received(far);
            double before = atKill / seconds(queuedAt, killedAt);
            System.out.printf("SIGKILL at %,d messages received, %.1f s after queuing: %,.0f messages/s (load %.2f)%n",
                    atKill, seconds(queuedAt, killedAt), before, load());
            pool.close();

            server.start(env);
            long restartedAt = System.nanoTime();
            System.out.printf("restarted in %.1f s%n", seconds(killedAt, restartedAt));
            pool = pool(vertx, server);
            int receivedAtRestart = received(far);
            long lastQueuedBeforeLease = 0;
            int receivedBeforeLease = 0;
            while (unsettled(pool) > 0) {
                Thread.sleep(200);
                if (lastQueuedBeforeLease == 0 && unclaimedDue(pool) == 0) {
                    lastQueuedBeforeLease = System.nanoTime();
                    receivedBeforeLease = received(far);
                }
                if (seconds(restartedAt, System.nanoTime()) > 600) {
                    throw new IllegalStateException("not done 10 minutes after the restart");
                }
            }
            long doneAt = System.nanoTime();
            double after = (receivedBeforeLease - receivedAtRestart) / seconds(restartedAt, lastQueuedBeforeLease);
            System.out.printf("after the restart: %,d messages in %.1f s, %,.0f messages/s (load %.2f); the dead "
                            + "worker's claims went out %.1f s later, after their %d s lease%n",
                    receivedBeforeLease - receivedAtRestart, seconds(restartedAt, lastQueuedBeforeLease), after, load(),
                    seconds(lastQueuedBeforeLease, doneAt), LEASE_SECONDS);
            report(far, pool, count);
            pool.close();
            server.stop();
        } catch (Exception e) {
            e.printStackTrace();
            server.killHard();
            Path log = dataDir.resolve("server.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            }
            throw e;
        } finally {
            far.close();
            vertx.close().await();
            server.deleteDataDir();
        }
    }

    private static Map<String, String> settings(Far far) {
        var notify = far.settings().getJsonObject("notify");
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_NOTIFY_EMAIL_HOST", "127.0.0.1");
        env.put("HOTLINE_NOTIFY_EMAIL_PORT", notify.getJsonObject("email").getValue("port").toString());
        env.put("HOTLINE_NOTIFY_EMAIL_STARTTLS", "disabled");
        env.put("HOTLINE_NOTIFY_EMAIL_MAX_POOL_SIZE", "8");
        env.put("HOTLINE_NOTIFY_SMS_URL", notify.getJsonObject("sms").getString("url"));
        env.put("HOTLINE_NOTIFY_QUIET_HOURS_FROM", "00:00");
        env.put("HOTLINE_NOTIFY_QUIET_HOURS_TO", "00:00");
        env.put("HOTLINE_NOTIFY_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        env.put("HOTLINE_NOTIFY_BATCH_SIZE", System.getenv().getOrDefault("BENCH_NOTIFY_BATCH", "200"));
        env.put("HOTLINE_NOTIFY_POLL_MS", "100");
        return env;
    }

    private static Pool pool(Vertx vertx, ServerProcess server) throws Exception {
        ServerProcess.Database db = server.database();
        return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(db.host()).setPort(db.port())
                .setUser(db.user()).setPassword(db.password()).setDatabase(db.name())).using(vertx).build();
    }

    /** Queues the notices (and the customers half of them go to); answers the nanoTime of the commit. */
    private static long queue(Pool pool, int count) {
        int half = count / 2;
        pool.withTransaction(tx -> tx.query("""
                        INSERT INTO customers (account_number, name, water_use, kind, tier, created_at, updated_at)
                        SELECT '97' || lpad(g::text, 8, '0'), 'Bench ' || g, 'residential', 'individual', 'ordinary',
                               now(), now()
                        FROM generate_series(1, %d) g""".formatted(half)).execute()
                .compose(done -> tx.query("""
                        INSERT INTO notify_contacts (customer_id, email, language, sms_opt_out, updated_by, updated_at)
                        SELECT id, 'c' || id || '@bench.example', 'zh', true, 'bench', now() FROM customers
                        WHERE account_number LIKE '97%'""").execute())
                .compose(done -> tx.query("""
                        INSERT INTO notices (kind, customer_id, variables, dedupe_key, created_at)
                        SELECT 'repair_done', id, jsonb_build_object('number', 'HL-BENCH-' || id), 'bench:c' || id, now()
                        FROM customers WHERE account_number LIKE '97%'""").execute())
                .compose(done -> tx.query("""
                        INSERT INTO notices (kind, phone, variables, dedupe_key, created_at)
                        SELECT 'repair_done', '139' || lpad(g::text, 8, '0'),
                               jsonb_build_object('number', 'HL-BENCH-P' || g), 'bench:p' || g, now()
                        FROM generate_series(1, %d) g""".formatted(count - half)).execute())).await();
        return System.nanoTime();
    }

    /** Deliveries recorded as sent (cheap to ask often; the far side's count needs a walk over GreenMail's mailboxes). */
    private static long sent(Pool pool) {
        return pool.query("SELECT count(*) AS n FROM notice_deliveries WHERE status = 'sent'").execute().await()
                .iterator().next().getLong("n");
    }

    private static int received(Far far) {
        return far.sms.size() + far.mails().size();
    }

    private static long unsettled(Pool pool) {
        return pool.query("SELECT (SELECT count(*) FROM notices WHERE planned_at IS NULL) "
                + "+ (SELECT count(*) FROM notice_deliveries WHERE status = 'queued') AS n").execute().await()
                .iterator().next().getLong("n");
    }

    /** Deliveries still to send that no worker holds (the dead worker's claims excluded). */
    private static long unclaimedDue(Pool pool) {
        return pool.query("SELECT (SELECT count(*) FROM notices WHERE planned_at IS NULL) "
                + "+ (SELECT count(*) FROM notice_deliveries WHERE status = 'queued' AND claimed_by IS NULL) AS n")
                .execute().await().iterator().next().getLong("n");
    }

    private static void report(Far far, Pool pool, int count) {
        List<String> ids = new java.util.ArrayList<>();
        far.sms.forEach(message -> ids.add("sms:" + message.getString("reference")));
        for (MimeMessage mail : far.mails()) {
            try {
                ids.add("email:" + mail.getHeader("Message-ID")[0]);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Long> times = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long repeats = times.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        Map<String, Long> statuses = pool.query("SELECT status, count(*) AS n FROM notice_deliveries GROUP BY status")
                .execute().await().stream().collect(Collectors.toMap(row -> row.getString("status"),
                        (Row row) -> row.getLong("n")));
        System.out.printf("far side: %,d messages received, %,d distinct delivery ids (of %,d queued), %,d repeats "
                + "of an id already received; delivery rows: %s%n", ids.size(), times.size(), count, repeats, statuses);
        if (times.size() != count) {
            throw new IllegalStateException("lost: " + (count - times.size()));
        }
    }

    private static double seconds(long from, long to) {
        return Duration.ofNanos(to - from).toMillis() / 1000.0;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
