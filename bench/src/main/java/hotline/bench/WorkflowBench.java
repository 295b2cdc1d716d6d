package hotline.bench;

import hotline.app.TicketWork;
import hotline.auth.Principal;
import hotline.config.Config;
import hotline.sla.SlaScheduler;
import hotline.store.DbEndpoint;
import hotline.store.EmbeddedPostgres;
import hotline.store.Migrations;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow measurements on the embedded PostgreSQL of this machine, in-process (no HTTP):
 * <ol>
 *   <li>SLA escalation scan at 10,000 and 100,000 open tickets: the claim query alone (nothing due, and 200 due),
 *   and a whole scheduler scan that claims and escalates 200 breached tickets through the ticket service; with the
 *   claim's EXPLAIN ANALYZE plan at 100,000;</li>
 *   <li>incident attach throughput: 2,000 leak reports about one burst created concurrently (as arriving within one
 *   minute), checked to make exactly one incident with 2,000 distinct reports.</li>
 * </ol>
 * Usage: {@code bench/run WorkflowBench}. Stops by itself; the temporary database is deleted.
 */
public final class WorkflowBench {

    private static final int DUE = 200;
    private static final int REPEAT = 20;

    public static void main(String[] args) throws Exception {
        // Readable by others: the embedded PostgreSQL runs as an unprivileged user when started by root.
        Path dataDir = Files.createTempDirectory("hotline-bench-workflow",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            DbEndpoint admin = postgres.endpoint().withDatabase("postgres");
            System.out.printf("Workflow benchmarks, PostgreSQL embedded on this machine (%d cores)%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.println("open tickets   claim (none due) p50/max ms   claim 200 due p50 ms   scan+escalate 200 ms");
            for (int open : new int[] {10_000, 100_000}) {
                DbEndpoint db = database(admin, "scan_" + open);
                scan(db, open, open == 100_000);
            }
            attach(database(admin, "attach"));
        }
    }

    private static DbEndpoint database(DbEndpoint admin, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DbEndpoint db = admin.withDatabase(name);
        Migrations.run(db);
        return db;
    }

    private static void scan(DbEndpoint db, int open, boolean explain) throws Exception {
        Instant now = Instant.parse("2026-05-01T02:00:00Z");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            // Open repairs created over the last 7 hours whose next check lies ahead: the scan must skip them by index.
            s.execute("INSERT INTO tickets (number, type, channel, status, priority, subject, created_at, updated_at) "
                    + "SELECT 'B-' || g, 'repair', 'phone', 'reported', 'normal', 'bench', "
                    + "timestamptz '" + now + "' - (g % 420) * interval '1 minute', timestamptz '" + now + "' "
                    + "FROM generate_series(1, " + open + ") g");
            s.execute("INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, "
                    + "resolution_due, first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s, "
                    + "warning, next_check_at, updated_at, ticket_type, district, risk_deadline, risk_at, due_at) "
                    + "SELECT id, 'bench', 'ordinary', false, created_at + interval '8 hours', created_at + interval '48 hours', "
                    + "created_at + interval '400 minutes', created_at + interval '2304 minutes', 172800, 14400, 0.8, "
                    + "created_at + interval '400 minutes' + interval '1 hour', created_at, type, district, "
                    + "'first_response', created_at + interval '400 minutes', created_at + interval '8 hours' FROM tickets");
            s.execute("ANALYZE tickets");
            s.execute("ANALYZE ticket_sla");
        }
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(db.connectOptions())
                .using(vertx).build();
        try {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            TicketService tickets = new TicketService(vertx, pool, clock, ZoneId.of("Asia/Shanghai"), new SimpleMeterRegistry());
            TicketWork module = new TicketWork(config(), vertx, pool, clock, ZoneId.of("Asia/Shanghai"), tickets);
            SlaScheduler scheduler = module.sla().scheduler();

            double[] idle = new double[REPEAT];
            for (int i = 0; i < REPEAT; i++) {
                long start = System.nanoTime();
                await(scheduler.scanOnce());
                idle[i] = (System.nanoTime() - start) / 1e6;
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                s.execute("UPDATE ticket_sla SET next_check_at = timestamptz '" + now + "' - interval '1 minute', "
                        + "first_response_due = timestamptz '" + now + "' - interval '1 minute', "
                        + "warned = '{first_response}' "
                        + "WHERE ticket_id IN (SELECT ticket_id FROM ticket_sla ORDER BY ticket_id LIMIT " + DUE + ")");
                s.execute("ANALYZE ticket_sla");
            }
            double[] claim = new double[REPEAT];
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                c.setAutoCommit(false);
                for (int i = 0; i < REPEAT; i++) {
                    try (Statement s = c.createStatement()) {
                        long start = System.nanoTime();
                        s.executeQuery(claimSql(now)).close();
                        claim[i] = (System.nanoTime() - start) / 1e6;
                        c.rollback();
                    }
                }
                if (explain) {
                    try (Statement s = c.createStatement();
                         ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + claimSql(now))) {
                        System.out.println("EXPLAIN ANALYZE of the claim at " + open + " open tickets:");
                        while (plan.next()) {
                            System.out.println("    " + plan.getString(1));
                        }
                    }
                    c.rollback();
                }
            }
            long start = System.nanoTime();
            SlaScheduler.ScanResult result = await(scheduler.scanOnce());
            double full = (System.nanoTime() - start) / 1e6;
            if (result.escalated() != DUE) {
                throw new IllegalStateException("expected " + DUE + " escalations, got " + result);
            }
            System.out.printf("%12d   %12.2f / %-8.2f   %20.2f   %20.1f%n", open, median(idle), max(idle), median(claim), full);
        } finally {
            await(pool.close());
            await(vertx.close());
        }
    }

    /** The scheduler's claim with its parameters inlined, for JDBC timing and EXPLAIN (constants only, no input). */
    private static String claimSql(Instant now) {
        return hotline.sla.internal.SlaSql.CLAIM
                .replace("$1", "timestamptz '" + now + "'")
                .replace("$2", "timestamptz '" + now.plusSeconds(120) + "'")
                .replace("$3", "'bench'")
                .replace("$4", String.valueOf(DUE));
    }

    private static void attach(DbEndpoint db) {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(16)).connectingTo(db.connectOptions())
                .using(vertx).build();
        try {
            Clock clock = Clock.systemUTC();
            TicketService tickets = new TicketService(vertx, pool, clock, ZoneId.of("Asia/Shanghai"), new SimpleMeterRegistry());
            new TicketWork(config(), vertx, pool, clock, ZoneId.of("Asia/Shanghai"), tickets);
            Principal ivr = Principal.system("ivr");
            int reports = 2_000;
            long start = System.nanoTime();
            List<Future<Ticket>> created = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                created.add(tickets.create(new TicketDraft(TicketType.REPAIR, Channel.IVR, null, false, null, null,
                        "爆管 water gushing on Renmin Rd", null, "Renmin Rd / Jiefang Rd", "D07", "burst_main",
                        new JsonObject()), ivr, Optional.empty()));
            }
            await(Future.all(created));
            double seconds = (System.nanoTime() - start) / 1e9;
            long incidents = count(pool, "SELECT count(*) FROM incidents");
            long children = count(pool, "SELECT count(DISTINCT ticket_id) FROM incident_reports");
            long rows = count(pool, "SELECT count(*) FROM incident_reports");
            System.out.printf("incident attach: %d reports of one burst in %.2f s = %.0f reports/s; incidents %d, "
                    + "reports attached %d (rows %d)%n", reports, seconds, reports / seconds, incidents, children, rows);
            if (incidents != 1 || children != reports || rows != reports) {
                throw new IllegalStateException("lost or duplicated reports");
            }
        } finally {
            await(pool.close());
            await(vertx.close());
        }
    }

    private static Config config() {
        return new Config(new JsonObject().put("sla", new JsonObject().put("scheduler", false)
                .put("policy", "conf/sla.json").put("roster", "conf/roster.json")), Map.of());
    }

    private static long count(Pool pool, String sql) {
        return await(pool.query(sql).execute()).iterator().next().getLong(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
