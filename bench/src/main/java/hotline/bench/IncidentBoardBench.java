package hotline.bench;

import hotline.app.TicketWork;
import hotline.config.Config;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.store.DbEndpoint;
import hotline.store.EmbeddedPostgres;
import hotline.store.Migrations;
import hotline.ticket.TicketService;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The supervisor's incident board on the embedded PostgreSQL of this machine, in-process (no HTTP): the read behind
 * {@code /supervisor/incidents} and {@code GET /api/incidents?status=open&limit=1000} (every open incident with its
 * reports, reporters to tell and critical facilities affected), and {@code GET /api/incidents/{id}} of the biggest
 * incident, through {@link IncidentService} as the server calls it.
 *
 * <p>Data, made with SQL: {@value #CUSTOMERS} customers in {@value #DISTRICTS} districts, 0.3 % of them critical
 * facilities; {@value #OPEN} open incidents with {@value #CHILDREN} reports between them (50 bursts of 700 reports,
 * the rest a few dozen each; 60 % of the reports by a known customer, a quarter already closed or cancelled); and, for
 * realistic table sizes, {@value #CLOSED} closed incidents with 10 reports each and {@value #HISTORY} other past
 * tickets (so the tickets table is too big to scan for a board). Each read runs {@value #WARM} times
 * to warm up (and to let PostgreSQL settle on a generic plan), then {@value #RUNS} times measured.
 * Usage: {@code bench/run IncidentBoardBench}. Stops by itself; the temporary database is deleted.
 */
public final class IncidentBoardBench {

    static final int CUSTOMERS = 300_000;
    static final int DISTRICTS = 20;
    static final int OPEN = 500;
    static final int CHILDREN = 50_000;
    static final int CLOSED = 5_000;
    static final int HISTORY = 1_000_000;
    private static final int BIG = 50;
    private static final int BIG_REPORTS = 700;
    private static final int WARM = 10;
    private static final int RUNS = 30;
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("hotline-bench-incidents",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            DbEndpoint admin = postgres.endpoint().withDatabase("postgres");
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE incidents");
            }
            DbEndpoint db = admin.withDatabase("incidents");
            Migrations.run(db);
            long started = System.nanoTime();
            fill(db);
            System.out.printf("Incident board, PostgreSQL embedded on this machine (%d cores); data made in %.1f s%n",
                    Runtime.getRuntime().availableProcessors(), (System.nanoTime() - started) / 1e9);
            measure(db);
            explain(db);
        }
    }

    private static void fill(DbEndpoint db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            String now = "timestamptz '" + NOW + "'";
            s.execute("INSERT INTO customers (account_number, name, district, water_use, kind, tier, critical_facility, "
                    + "critical_reason, created_at, updated_at) "
                    + "SELECT (10000000 + g)::text, 'customer ' || g, 'D' || (g % " + DISTRICTS + "), "
                    + "CASE WHEN g % 333 = 0 THEN 'public' ELSE 'residential' END, "
                    + "CASE WHEN g % 333 = 0 THEN 'organisation' ELSE 'individual' END, 'ordinary', g % 333 = 0, "
                    + "CASE WHEN g % 333 = 0 THEN 'hospital' END, " + now + ", " + now
                    + " FROM generate_series(1, " + CUSTOMERS + ") g");
            // Incident n (1..OPEN open, then CLOSED closed); its category and district from its number.
            s.execute("INSERT INTO tickets (number, type, channel, status, priority, subject, district, category, "
                    + "created_at, updated_at) SELECT 'SEED-' || n, 'repair', 'phone', 'reported', 'normal', 'seed', "
                    + "'D' || (n % " + DISTRICTS + "), (ARRAY['burst_main','service_pipe_leak','meter_leak','hydrant',"
                    + "'no_water','low_pressure','water_quality'])[1 + n % 7], " + now + " - n * interval '1 minute', "
                    + now + " FROM generate_series(1, " + (OPEN + CLOSED) + ") n");
            s.execute("INSERT INTO incidents (category, district, location, status, first_ticket_id, crew_id, "
                    + "opened_at, last_report_at, closed_at) SELECT t.category, t.district, 'Renmin Rd ' || t.id, "
                    + "CASE WHEN t.id <= " + OPEN + " THEN 'open' ELSE 'closed' END, t.id, NULL, t.created_at, "
                    + "t.created_at, CASE WHEN t.id > " + OPEN + " THEN " + now + " END FROM tickets t ORDER BY t.id");
            s.execute("INSERT INTO incident_reports (ticket_id, incident_id, attached_at) "
                    + "SELECT id, id, created_at FROM tickets");
            // The open incidents' other reports: the first BIG get BIG_REPORTS each, the others smallReports each.
            s.execute("CREATE TEMP TABLE children AS SELECT g, CASE WHEN g <= " + BIG * (BIG_REPORTS - 1)
                    + " THEN 1 + (g - 1) / " + (BIG_REPORTS - 1) + " ELSE " + BIG + " + 1 + (g - 1) % " + (OPEN - BIG)
                    + " END AS incident FROM generate_series(1, " + (CHILDREN - OPEN) + ") g");
            s.execute("INSERT INTO tickets (number, type, channel, status, priority, subject, district, category, "
                    + "customer_id, caller_number, created_at, updated_at) "
                    + "SELECT 'OPEN-' || c.g, 'repair', 'phone', "
                    + "CASE WHEN c.g % 4 = 0 THEN 'cancelled' WHEN c.g % 4 = 1 THEN 'dispatched' ELSE 'reported' END, "
                    + "'normal', 'report', i.district, i.category, "
                    + "CASE WHEN c.g % 5 < 3 THEN 1 + (c.g * 7919) % " + CUSTOMERS + " END, '138' || (10000000 + c.g), "
                    + now + ", " + now + " FROM children c JOIN incidents i ON i.id = c.incident ORDER BY c.g");
            s.execute("INSERT INTO incident_reports (ticket_id, incident_id, attached_at) "
                    + "SELECT t.id, c.incident, t.created_at FROM tickets t JOIN children c ON t.number = 'OPEN-' || c.g");
            s.execute("INSERT INTO tickets (number, type, channel, status, priority, subject, district, category, "
                    + "created_at, updated_at) SELECT 'CLOSED-' || g, 'repair', 'phone', 'closed', 'normal', 'done', "
                    + "'D' || (g % " + DISTRICTS + "), 'burst_main', " + now + " - interval '30 days', " + now
                    + " FROM generate_series(1, " + CLOSED * 9 + ") g");
            s.execute("INSERT INTO incident_reports (ticket_id, incident_id, attached_at) "
                    + "SELECT t.id, " + OPEN + " + 1 + (substr(t.number, 8)::int - 1) % " + CLOSED + ", t.created_at "
                    + "FROM tickets t WHERE t.number LIKE 'CLOSED-%'");
            s.execute("INSERT INTO tickets (number, type, channel, status, priority, subject, district, category, "
                    + "customer_id, created_at, updated_at, closed_at) SELECT 'PAST-' || g, "
                    + "(ARRAY['repair','complaint','inquiry','suggestion','help'])[1 + g % 5], 'phone', 'closed', 'normal', "
                    + "'past case', 'D' || (g % " + DISTRICTS + "), CASE WHEN g % 5 = 0 THEN 'service_pipe_leak' END, "
                    + "1 + g % " + CUSTOMERS + ", " + now + " - (g % 1000) * interval '1 hour', " + now + ", " + now
                    + " FROM generate_series(1, " + HISTORY + ") g");
            s.execute("VACUUM ANALYZE");
            try (ResultSet counts = s.executeQuery("SELECT (SELECT count(*) FROM incidents WHERE status = 'open'), "
                    + "(SELECT count(*) FROM incident_reports r JOIN incidents i ON i.id = r.incident_id "
                    + "WHERE i.status = 'open'), (SELECT count(*) FROM tickets), (SELECT count(*) FROM customers "
                    + "WHERE critical_facility)")) {
                counts.next();
                System.out.printf("open incidents %d, their reports %d, tickets %d, critical facilities %d "
                        + "(of %d customers)%n", counts.getLong(1), counts.getLong(2), counts.getLong(3),
                        counts.getLong(4), CUSTOMERS);
            }
        }
    }

    private static void measure(DbEndpoint db) {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(db.connectOptions())
                .using(vertx).build();
        try {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            TicketService tickets = new TicketService(vertx, pool, clock, zone, new SimpleMeterRegistry());
            IncidentService incidents = new TicketWork(new Config(new JsonObject(), Map.of()), vertx, pool, clock, zone,
                    tickets).incidents().service();
            List<Incident> open = await(incidents.list(IncidentStatus.OPEN, null, IncidentService.MAX_LIST));
            if (open.size() != OPEN || open.stream().mapToLong(Incident::reportCount).sum() != CHILDREN) {
                throw new IllegalStateException("the board read " + open.size() + " incidents");
            }
            long biggest = open.stream().max(java.util.Comparator.comparingLong(Incident::reportCount)).orElseThrow().id();
            System.out.println("read                                             p50 ms   p99 ms   max ms");
            print("open incidents with summaries (the board, 500)", time(() ->
                    incidents.list(IncidentStatus.OPEN, null, IncidentService.MAX_LIST)));
            print("the board's query planned for its values", time(() -> pool.query(boardSql()).execute()));
            print("open incidents of one district (the IVR's)", time(() -> incidents.list(IncidentStatus.OPEN, "D7")));
            print("one incident, " + BIG_REPORTS + " reports, critical facilities", time(() -> incidents.get(biggest)));
        } finally {
            await(pool.close());
            await(vertx.close());
        }
    }

    /** The board's query with its parameters written in (constants only, no input): planned for them every time. */
    private static String boardSql() {
        return hotline.incident.internal.IncidentSql.LIST.replace("$1", "ARRAY['closed','cancelled']")
                .replace("$2::text", "'open'::text").replace("$2", "'open'").replace("$3::text", "NULL::text")
                .replace("$3", "NULL").replace("$4", String.valueOf(IncidentService.MAX_LIST));
    }

    private static void explain(DbEndpoint db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + boardSql())) {
            System.out.println("EXPLAIN ANALYZE of the board's query:");
            while (plan.next()) {
                System.out.println("    " + plan.getString(1));
            }
        }
    }

    private static double[] time(Supplier<Future<?>> read) {
        for (int i = 0; i < WARM; i++) {
            await(read.get());
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            await(read.get());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String what, double[] sorted) {
        System.out.printf("%-48s %7.1f  %7.1f  %7.1f%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
