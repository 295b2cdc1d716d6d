package hotline.ticket.workflow;

import hotline.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * One row of a transition table: an action, the statuses it may start from, the fields it needs, and its effect.
 * The effect receives the fields already validated against {@code fields}.
 */
public record Transition(String action, Set<TicketStatus> from, List<FieldSpec> fields, Effect effect) {

    public Transition {
        from = Set.copyOf(from);
        fields = List.copyOf(fields);
    }

    /** What an action does to a ticket; throws a domain exception (nothing changes) when a rule forbids it. */
    @FunctionalInterface
    public interface Effect {
        Step apply(WorkflowState state, JsonObject input, ActionContext context);
    }
}
