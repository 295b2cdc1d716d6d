package hotline.ticket;

import io.vertx.core.json.JsonObject;

/**
 * What a {@link TicketMutation} decided: the {@code action} recorded on the event, the ticket as it should be
 * afterwards, and the action's own data for the event (may be empty, never null).
 */
public record TicketChange(String action, Ticket updated, JsonObject eventData) {

    public TicketChange {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a change needs an action");
        }
        eventData = eventData == null ? new JsonObject() : eventData;
    }
}
