package hotline.ticket.workflow;

import hotline.sla.SlaState;
import hotline.sla.SlaTracker;
import hotline.ticket.Ticket;
import hotline.ticket.TicketViewExtension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * What {@code GET /api/tickets/{id}} adds to a ticket: {@code workflow} ({@code step}, {@code allowedActions},
 * {@code requiredFields}) and {@code sla} (due times, level, breaches; null for a ticket created before SLA tracking).
 */
public final class WorkflowView implements TicketViewExtension {

    private final Pool pool;

    public WorkflowView(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<JsonObject> extend(Ticket ticket) {
        return SlaTracker.find(pool, ticket.id()).map(sla -> new JsonObject()
                .put("workflow", WorkflowService.describe(ticket))
                .put("sla", sla.map(SlaState::toJson).orElse(null)));
    }
}
