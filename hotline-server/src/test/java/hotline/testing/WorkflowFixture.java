package hotline.testing;

import hotline.app.TicketWork;
import hotline.auth.Principal;
import hotline.config.Config;
import hotline.store.DbEndpoint;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static io.vertx.core.Future.await;

/**
 * The workflow capabilities without HTTP: a fresh database, a {@link TicketService} and its {@link TicketWork}
 * (scheduler timer off; tests call {@code scanOnce}) on a {@link MovableClock}. {@link #second()} builds another
 * "server" (own pool, service and module) on the same database. Close it after the test.
 */
public final class WorkflowFixture implements AutoCloseable {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Principal AGENT = new Principal(0, "agent-wang", "Agent Wang", hotline.auth.Role.AGENT);

    private static final AtomicLong ACCOUNTS = new AtomicLong(100_000_000L);

    public final MovableClock clock;
    public final DbEndpoint database;
    public final Vertx vertx;
    public final Pool pool;
    public final TicketService tickets;
    public final TicketWork module;
    private final boolean ownsVertx;

    public WorkflowFixture(Instant start, JsonObject settings) {
        this(new MovableClock(start), TestDatabase.fresh(), Vertx.vertx(), settings, true);
    }

    private WorkflowFixture(MovableClock clock, DbEndpoint database, Vertx vertx, JsonObject settings, boolean ownsVertx) {
        this.clock = clock;
        this.database = database;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(database.connectOptions())
                .using(vertx).build();
        this.tickets = new TicketService(vertx, pool, clock, SHANGHAI, new SimpleMeterRegistry());
        JsonObject file = new JsonObject().put("sla", new JsonObject().put("scheduler", false)).mergeIn(settings, true);
        this.module = new TicketWork(new Config(file, Map.of()), vertx, pool, clock, SHANGHAI, tickets);
    }

    /** A second server on the same database and clock. */
    public WorkflowFixture second() {
        return second(new JsonObject());
    }

    /** A second server on the same database and clock, with its own {@code settings}. */
    public WorkflowFixture second(JsonObject settings) {
        return new WorkflowFixture(clock, database, vertx, settings, false);
    }

    public Ticket create(TicketDraft draft) {
        return await(tickets.create(draft, AGENT, Optional.empty()));
    }

    public Ticket create(TicketType type, String subject) {
        return create(TicketDraft.of(type, Channel.PHONE, subject));
    }

    public Ticket act(Ticket ticket, String action, JsonObject fields) {
        return await(module.workflows().service().transition(ticket.id(), action, fields, AGENT, Channel.PHONE, null));
    }

    public List<Row> query(String sql, Object... params) {
        return await(pool.preparedQuery(sql).execute(Tuple.from(params))).stream().toList();
    }

    /** Inserts a customer straight into the table (the customer capability is not under test here); its id. */
    public long customer(String tier, boolean critical, String district) {
        return query("""
                INSERT INTO customers (account_number, name, district, water_use, kind, tier, critical_facility,
                                       critical_reason, created_at, updated_at)
                VALUES ($4, 'Customer', $1, 'public', 'organisation', $2, $3,
                        CASE WHEN $3 THEN 'hospital' END, now(), now())
                RETURNING id""", district, tier, critical, String.valueOf(ACCOUNTS.incrementAndGet())).getFirst().getLong("id");
    }

    @Override
    public void close() {
        await(pool.close());
        if (ownsVertx) {
            await(vertx.close());
        }
    }
}
