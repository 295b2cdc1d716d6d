package hotline.ticket.workflow;

import hotline.capability.Capability;
import hotline.http.ApiRoutes;
import hotline.ticket.TicketService;
import hotline.ticket.TicketViewExtension;
import hotline.ticket.workflow.internal.WorkflowRoutes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;

/**
 * The workflow capability: each ticket type's transition table, {@code transitionTicket} ({@link WorkflowService}) and
 * the {@code workflow} part of {@code getTicket}'s answer ({@link #view}: step, allowed actions, required fields).
 * Capabilities above add their {@link ActionGuard}s to the {@link #service}; an action that escalates gives the ticket
 * to whoever {@link OnDuty} names.
 */
public final class WorkflowModule implements Capability {

    private final WorkflowService service;

    public WorkflowModule(TicketService tickets, OnDuty roster, Clock clock) {
        this.service = new WorkflowService(tickets, roster, clock);
    }

    @Override
    public String name() {
        return "workflow";
    }

    public WorkflowService service() {
        return service;
    }

    /** Adds {@code workflow} ({@code step}, {@code allowedActions}, {@code requiredFields}) to a ticket's view. */
    public TicketViewExtension view() {
        return ticket -> Future.succeededFuture(new JsonObject().put("workflow", WorkflowService.describe(ticket)));
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new WorkflowRoutes(service));
    }
}
