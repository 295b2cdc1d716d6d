package hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Adds a capability's fields to the answer of {@code GET /api/tickets/{id}} (for example the workflow step with its
 * allowed actions, and the SLA due times). The returned object is merged into the ticket's JSON. Must not block.
 */
@FunctionalInterface
public interface TicketViewExtension {

    Future<JsonObject> extend(Ticket ticket);
}
