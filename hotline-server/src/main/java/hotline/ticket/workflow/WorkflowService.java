package hotline.ticket.workflow;

import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.common.ForbiddenException;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketChange;
import hotline.ticket.TicketPatch;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs workflow actions on tickets, always through {@link TicketService#change} (one transaction, row locked,
 * optimistic version checked, event written, listeners run). The role check runs first, then the registered
 * {@link ActionGuard}s. Failures: 403 the actor's role may not perform the action, 404 no ticket, 409 stale version or
 * action not allowed now ({@code allowedActions}), 422 a field missing or wrong ({@code fields.<name>}). Thread-safe; guards are added by the composition root.
 */
public final class WorkflowService {

    private final TicketService tickets;
    private final OnDuty roster;
    private final Clock clock;
    private final List<ActionGuard> guards = new CopyOnWriteArrayList<>();

    /** @param roster decides who owns a ticket an action escalates (the holder of the new level on duty now) */
    public WorkflowService(TicketService tickets, OnDuty roster, Clock clock) {
        this.tickets = tickets;
        this.roster = roster;
        this.clock = clock;
    }

    public void addGuard(ActionGuard guard) {
        guards.add(guard);
    }

    /**
     * Performs {@code action} with {@code fields} on ticket {@code id}; {@code expectedVersion} null skips the
     * version check. An actor whose role is below the action's ({@link Workflows#role}) is refused with a
     * {@link ForbiddenException} before anything else.
     */
    public Future<Ticket> transition(long id, String action, JsonObject fields, Principal actor, Channel channel,
                                     Integer expectedVersion) {
        Role needed = Workflows.role(action);
        if (!actor.role().includes(needed)) {
            return Future.failedFuture(new ForbiddenException("action " + action + " needs the role " + needed.code()));
        }
        Future<Void> checked = Future.succeededFuture();
        for (ActionGuard guard : guards) {
            checked = checked.compose(done -> guard.check(id, action, fields));
        }
        return checked.compose(done -> tickets.change(id, actor, channel, expectedVersion, current -> {
            Instant now = clock.instant();
            return assignOwner(change(current, action, fields, new ActionContext(actor.username(), now)), roster, now);
        }));
    }

    /**
     * When {@code change} escalates the ticket, names the new owner: the holder of the new level on duty at
     * {@code now} ({@code details.escalation.owner} and {@code eventData.escalation.owner}; null at agent level or
     * when the roster names nobody). Other changes pass unchanged.
     */
    public static TicketChange assignOwner(TicketChange change, OnDuty roster, Instant now) {
        JsonObject escalated = change.eventData().getJsonObject(Escalation.KEY);
        if (escalated == null) {
            return change;
        }
        Ticket updated = change.updated();
        String owner = roster.onDuty(Escalation.level(updated.details()), now).orElse(null);
        JsonObject escalation = updated.details().getJsonObject(Escalation.KEY).copy().put("owner", owner);
        JsonObject data = change.eventData().copy();
        data.getJsonObject(Escalation.KEY).put("owner", owner);
        return new TicketChange(change.action(), updated.withDetail(Escalation.KEY, escalation), data);
    }

    /** The ticket change of {@code action} applied to {@code current}: plain domain code, no I/O. */
    public static TicketChange change(Ticket current, String action, JsonObject fields, ActionContext context) {
        WorkflowState state = new WorkflowState(current.type(), current.status(), current.priority(), current.urgent(),
                current.category(), current.details());
        Step step = Workflows.of(current.type()).apply(state, action, fields, context);
        Ticket updated = new TicketPatch(null, null, null, null, step.category(), null, null, null, null)
                .applyTo(current).withStatus(step.status()).withPriority(step.priority());
        for (String key : step.details().fieldNames()) {
            // Step records are objects; anything else was stored before details were checked and stays as it is.
            if (step.details().getValue(key) instanceof JsonObject record) {
                updated = updated.withDetail(key, record);
            }
        }
        return new TicketChange(step.action(), updated, step.eventData());
    }

    /** The wizard of a ticket's current step (see {@link Workflow#describe}). */
    public static JsonObject describe(Ticket ticket) {
        return Workflows.of(ticket.type()).describe(ticket.status());
    }
}
