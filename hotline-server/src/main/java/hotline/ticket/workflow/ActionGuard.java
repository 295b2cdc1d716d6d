package hotline.ticket.workflow;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A check another capability makes before a workflow action runs, against data the pure transition table does not
 * have (does the crew exist, is the ticket part of an incident). A failed future stops the action with its error.
 */
@FunctionalInterface
public interface ActionGuard {

    Future<Void> check(long ticketId, String action, JsonObject fields);
}
