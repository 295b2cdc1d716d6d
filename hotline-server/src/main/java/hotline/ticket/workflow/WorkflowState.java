package hotline.ticket.workflow;

import hotline.ticket.Priority;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

/**
 * What a workflow needs to know of a ticket: its type, status, priority, urgency, category (nullable) and the
 * workflow data kept in
 * {@code details} (one object per step, plus {@code escalation}). Immutable: {@code details} is copied in.
 */
public record WorkflowState(TicketType type, TicketStatus status, Priority priority, boolean urgent, String category,
                            JsonObject details) {

    public WorkflowState {
        details = details == null ? new JsonObject() : details.copy();
    }

    @Override
    public JsonObject details() {
        return details.copy();
    }
}
