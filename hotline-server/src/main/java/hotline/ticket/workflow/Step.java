package hotline.ticket.workflow;

import hotline.ticket.Priority;
import hotline.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;

/**
 * The outcome of one workflow action: the ticket's new status, priority, category and details, and what the ticket event
 * records about the action ({@code eventData}). The ticket service writes it; nothing here touches storage.
 */
public record Step(String action, TicketStatus status, Priority priority, String category, JsonObject details,
                   JsonObject eventData) {
}
