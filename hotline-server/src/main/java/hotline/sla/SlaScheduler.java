package hotline.sla;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.sla.internal.SlaRows;
import hotline.sla.internal.SlaSql;
import hotline.store.SqlTime;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketChange;
import hotline.ticket.TicketService;
import hotline.ticket.workflow.ActionContext;
import hotline.ticket.workflow.Escalation;
import hotline.ticket.workflow.EscalationLevel;
import hotline.ticket.workflow.WorkflowService;
import hotline.ticket.workflow.Workflows;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SLA scheduler: every interval it claims the tickets with something due ({@code FOR UPDATE SKIP LOCKED} plus a
 * lease, so several servers on one database share the work and never handle a ticket at once), warns at the warning
 * threshold and escalates one level at each breach through {@link TicketService#change} (an {@code escalate} event;
 * the new level's holder from the {@link DutyRoster}). A warning goes into the {@link EscalationInbox} of the holder
 * of the ticket's level on duty (nobody at agent level) in the statement that records it, so only the claimer writes
 * it, once. After each warning or escalation a message goes to
 * {@value #BUS_ADDRESS}: {@code {"kind": "warning"|"escalation", "ticketId", "number", "deadline", "dueAt", "level",
 * "to"}}. Time comes from the injected clock, so tests move time instead of waiting. Runs on the event loop; one scan
 * at a time per instance.
 */
public final class SlaScheduler {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    public static final String BUS_ADDRESS = "hotline.sla";
    /** Setting: milliseconds between scans; default 15000. */
    public static final String SCAN_INTERVAL = "sla.scanIntervalMs";
    /** Setting: tickets claimed per scan round; default 200. */
    public static final String BATCH_SIZE = "sla.batchSize";
    /** How long a claim keeps other schedulers away from a ticket. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Vertx vertx;
    private final Pool pool;
    private final TicketService tickets;
    private final DutyRoster roster;
    private final Clock clock;
    private final String instance;
    private final int batchSize;
    private final Principal actor = Principal.system("sla-scheduler");
    private final AtomicBoolean scanning = new AtomicBoolean();
    private long timer = -1;

    /** What one scan did. */
    public record ScanResult(int claimed, int warned, int escalated, int skipped) {
    }

    /** @param instance a name unique among the servers sharing the database (it marks this scheduler's claims) */
    public SlaScheduler(Vertx vertx, Pool pool, TicketService tickets, DutyRoster roster, Clock clock, String instance,
                        int batchSize) {
        this.vertx = vertx;
        this.pool = pool;
        this.tickets = tickets;
        this.roster = roster;
        this.clock = clock;
        this.instance = instance;
        this.batchSize = batchSize;
    }

    /** Scans every {@code interval} until {@link #stop}; a scan still running when the next is due is not doubled. */
    public void start(Duration interval) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (scanning.compareAndSet(false, true)) {
                scanOnce().onComplete(done -> scanning.set(false))
                        .onFailure(e -> log.warn("SLA scan failed: {}", e.getMessage()));
            }
        });
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One scan: claims up to the batch size of due tickets and handles each. */
    public Future<ScanResult> scanOnce() {
        Instant now = clock.instant();
        Tuple claim = Tuple.of(SqlTime.param(now), SqlTime.param(now.plus(LEASE)), instance, batchSize);
        return pool.preparedQuery(SlaSql.CLAIM).execute(claim).compose(rows -> {
            List<SlaState> claimed = rows.stream().map(SlaRows::state).toList();
            AtomicInteger warned = new AtomicInteger();
            AtomicInteger escalated = new AtomicInteger();
            AtomicInteger skipped = new AtomicInteger();
            Future<Void> chain = Future.succeededFuture();
            for (SlaState state : claimed) {
                chain = chain.compose(done -> handle(state, now, warned, escalated, skipped));
            }
            return chain.map(done -> new ScanResult(claimed.size(), warned.get(), escalated.get(), skipped.get()));
        });
    }

    private Future<Void> handle(SlaState state, Instant now, AtomicInteger warned, AtomicInteger escalated,
                                AtomicInteger skipped) {
        EscalationSchedule.Decision decision = state.decide(now);
        return switch (decision.kind()) {
            case NONE -> release(state.ticketId(), decision.nextCheckAt()).onSuccess(done -> skipped.incrementAndGet());
            case WARN -> warn(state, decision, now).map(number -> {
                if (number != null) {
                    warned.incrementAndGet();
                    publish("warning", state.ticketId(), number, decision.deadline(), state.level(), now);
                }
                return null;
            });
            case ESCALATE -> escalate(state, decision.deadline(), now).compose(ticket -> {
                if (ticket == null) {
                    skipped.incrementAndGet();
                    return release(state.ticketId(), decision.nextCheckAt());
                }
                escalated.incrementAndGet();
                publish("escalation", ticket.id(), ticket.number(), decision.deadline(),
                        Escalation.level(ticket.details()), now);
                return Future.succeededFuture();
            });
        };
    }

    /**
     * Records the warning and, in the same statement, puts it in the inbox of the holder of the ticket's level on duty
     * (if anyone); the ticket's number, or null when another scheduler took the ticket meanwhile.
     */
    private Future<String> warn(SlaState state, EscalationSchedule.Decision decision, Instant now) {
        Deadline deadline = decision.deadline();
        return pool.preparedQuery(SlaSql.WARN).execute(Tuple.tuple().addLong(state.ticketId())
                        .addString(deadline.name()).addValue(SqlTime.param(decision.nextCheckAt())).addString(instance)
                        .addString(roster.onDuty(state.level(), now).orElse(null))
                        .addValue(SqlTime.param(deadline.dueAt())).addValue(SqlTime.param(now)))
                .map(rows -> rows.size() == 1 ? rows.iterator().next().getString("number") : null);
    }

    /** The escalated ticket, or null when there was nothing to escalate (resolved meanwhile, or already done). */
    private Future<Ticket> escalate(SlaState state, Deadline deadline, Instant now) {
        AtomicBoolean changed = new AtomicBoolean();
        return tickets.change(state.ticketId(), actor, Channel.WEB, null, current -> {
                    TicketChange change = escalation(current, deadline, now);
                    changed.set(!change.eventData().isEmpty());
                    return change;
                })
                .map(ticket -> changed.get() ? ticket : null)
                .recover(failure -> failure instanceof ConflictException ? Future.succeededFuture(null)
                        : Future.failedFuture(failure));
    }

    private TicketChange escalation(Ticket current, Deadline deadline, Instant now) {
        if (Workflows.of(current.type()).resolved(current.status())) {
            return new TicketChange("escalate", current, new JsonObject());
        }
        JsonObject details = current.details().copy();
        JsonObject data = Escalation.raise(details, "SLA breach: " + deadline.name(), new ActionContext(actor.username(), now));
        data.put(SlaTracker.EVENT_KEY, new JsonObject().put("deadline", deadline.name())
                .put("dueAt", deadline.dueAt().toString()));
        TicketChange change = new TicketChange("escalate",
                current.withDetail(Escalation.KEY, details.getJsonObject(Escalation.KEY)), data);
        return WorkflowService.assignOwner(change, roster, now);
    }

    private Future<Void> release(long ticketId, Instant nextCheckAt) {
        return pool.preparedQuery(SlaSql.RELEASE).execute(Tuple.of(ticketId, SqlTime.param(nextCheckAt), instance))
                .mapEmpty();
    }

    private void publish(String kind, long ticketId, String number, Deadline deadline, EscalationLevel level,
                         Instant now) {
        vertx.eventBus().publish(BUS_ADDRESS, new JsonObject().put("kind", kind).put("ticketId", ticketId)
                .put("number", number).put("deadline", deadline.name()).put("dueAt", deadline.dueAt().toString())
                .put("level", level.code()).put("to", roster.onDuty(level, now).orElse(null)));
    }
}
