package hotline.bench;

import hotline.auth.Principal;
import hotline.config.Config;
import hotline.outage.Outage;
import hotline.outage.OutageDraft;
import hotline.outage.OutageModule;
import hotline.outage.OutageService;
import hotline.store.DbEndpoint;
import hotline.store.EmbeddedPostgres;
import hotline.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A planned outage of a whole district on the embedded PostgreSQL of this machine, in-process (no HTTP), through
 * {@link OutageService} as the server calls it: the time from scheduling to its commit, when every customer's notice
 * is queued (the set-based insert of {@code Notices.queueForCustomers}, with the customers fixed and the critical
 * facilities' call tasks in the same transaction); then the reminder round of the scheduler and the close ("restored"
 * to everyone). Data, made with SQL: {@value #DISTRICTS} districts of {@value #PER_DISTRICT} customers, 0.3 % of them
 * critical facilities, and {@value #PAST_NOTICES} notices already queued (so the notices table and its unique key
 * are not empty). One outage per district, each timed once, after one warm-up outage on a small district. Prints
 * the load average before and after each. Usage: {@code bench/run OutageBench}. The temporary database is deleted.
 */
public final class OutageBench {

    static final int DISTRICTS = 6;
    static final int PER_DISTRICT = 50_000;
    static final int PAST_NOTICES = 500_000;
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Principal SUPERVISOR = Principal.system("bench");

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("hotline-bench-outages",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            DbEndpoint admin = postgres.endpoint().withDatabase("postgres");
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE outages");
            }
            DbEndpoint db = admin.withDatabase("outages");
            Migrations.run(db);
            long made = System.nanoTime();
            fill(db);
            System.out.printf("Planned outages, PostgreSQL embedded on this machine (%d cores); data made in %.1f s%n",
                    Runtime.getRuntime().availableProcessors(), (System.nanoTime() - made) / 1e9);
            measure(db);
        }
    }

    private static void fill(DbEndpoint db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            String now = "timestamptz '" + START + "'";
            // District Dn holds customers n*PER_DISTRICT+1 .. (n+1)*PER_DISTRICT; "small" the warm-up's 500.
            s.execute("INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, "
                    + "critical_facility, critical_reason, created_at, updated_at) "
                    + "SELECT (10000000 + g)::text, 'customer ' || g, 'Renmin Rd ' || g, "
                    + "CASE WHEN g <= 500 THEN 'small' ELSE 'D' || ((g - 501) / " + PER_DISTRICT + ") END, "
                    + "CASE WHEN g % 333 = 0 THEN 'public' ELSE 'residential' END, "
                    + "CASE WHEN g % 333 = 0 THEN 'organisation' ELSE 'individual' END, 'ordinary', g % 333 = 0, "
                    + "CASE WHEN g % 333 = 0 THEN 'hospital' END, " + now + ", " + now
                    + " FROM generate_series(1, " + (500 + DISTRICTS * PER_DISTRICT) + ") g");
            s.execute("INSERT INTO notices (kind, customer_id, variables, dedupe_key, created_at) "
                    + "SELECT 'ticket_received', 1 + g % " + (DISTRICTS * PER_DISTRICT) + ", '{\"number\": \"HL\"}', "
                    + "'ticket:' || g || ':received', " + now + " FROM generate_series(1, " + PAST_NOTICES + ") g");
            s.execute("VACUUM ANALYZE");
        }
    }

    private static void measure(DbEndpoint db) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(db.connectOptions())
                .using(vertx).build();
        AtomicReference<Instant> now = new AtomicReference<>(START);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try {
            OutageModule module = new OutageModule(new Config(new JsonObject(), Map.of()), vertx, pool, clock,
                    ZoneId.of("Asia/Shanghai"));
            OutageService outages = module.service();
            Instant start = START.plus(Duration.ofHours(30));
            await(outages.schedule(draft("small", start), SUPERVISOR));
            System.out.println("district of 50,000: schedule -> every notice queued (committed)   load before / after");
            long total = 0;
            for (int d = 0; d < DISTRICTS; d++) {
                String load = load();
                long t0 = System.nanoTime();
                Outage outage = await(outages.schedule(draft("D" + d, start), SUPERVISOR));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                total += ms;
                if (outage.notified() != PER_DISTRICT || outage.customers() != PER_DISTRICT) {
                    throw new IllegalStateException("outage " + outage.id() + " told " + outage.notified());
                }
                System.out.printf("  D%d: %,6d ms  (%,d notices, %,.0f/s)            %s / %s%n", d, ms,
                        outage.notified(), outage.notified() * 1000.0 / ms, load, load());
            }
            System.out.printf("  mean %,d ms%n", total / DISTRICTS);
            now.set(start.minus(Duration.ofHours(3)));
            String load = load();
            long t0 = System.nanoTime();
            var scan = await(module.scheduler().scanOnce());
            System.out.printf("reminder round: %d outages, %,d reminders queued in %,d ms          %s / %s%n",
                    scan.reminders(), count(db, "outage_reminder"), (System.nanoTime() - t0) / 1_000_000, load, load());
            now.set(start.plus(Duration.ofHours(8)));
            List<Outage> all = await(outages.list(Outage.Status.SCHEDULED));
            Outage first = all.stream().filter(o -> o.area().equals(List.of("D0"))).findFirst().orElseThrow();
            load = load();
            t0 = System.nanoTime();
            Outage closed = await(outages.close(first.id(), SUPERVISOR));
            System.out.printf("close D0: %,d restored notices in %,d ms                          %s / %s%n",
                    closed.restored(), (System.nanoTime() - t0) / 1_000_000, load, load());
            explain(db, first.id());
        } finally {
            await(pool.close());
            await(vertx.close());
        }
    }

    private static OutageDraft draft(String district, Instant start) {
        return new OutageDraft(Outage.AreaKind.DISTRICTS, List.of(district), start, start.plus(Duration.ofHours(8)),
                "DN800 main replaced", false);
    }

    private static long count(DbEndpoint db, String kind) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM notices WHERE kind = '" + kind + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The plan of the "restored" insert for {@code outageId}'s customers, rolled back. */
    private static void explain(DbEndpoint db, long outageId) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) INSERT INTO notices "
                    + "(kind, customer_id, variables, dedupe_key, created_at) SELECT 'outage_notice', c.id, '{}', "
                    + "'outage:' || " + outageId + " || ':bench:' || c.id, now() FROM (SELECT customer_id AS id "
                    + "FROM outage_customers WHERE outage_id = " + outageId + ") c ON CONFLICT (dedupe_key) DO NOTHING")) {
                System.out.println("EXPLAIN ANALYZE of one set-based notice insert (50,000 rows, rolled back):");
                while (plan.next()) {
                    System.out.println("    " + plan.getString(1));
                }
            }
            c.rollback();
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
