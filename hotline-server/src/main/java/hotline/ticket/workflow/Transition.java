package hotline.ticket.workflow;

import hotline.auth.Role;
import hotline.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * One row of a transition table: an action, the statuses it may start from, the fields it needs, the least role that
 * may perform it, and its effect. The effect receives the fields already validated against {@code fields}.
 */
public record Transition(String action, Set<TicketStatus> from, List<FieldSpec> fields, Role role, Effect effect) {

    public Transition {
        from = Set.copyOf(from);
        fields = List.copyOf(fields);
    }

    /** An action every signed-in role may perform. */
    public Transition(String action, Set<TicketStatus> from, List<FieldSpec> fields, Effect effect) {
        this(action, from, fields, Role.AGENT, effect);
    }

    /** What an action does to a ticket; throws a domain exception (nothing changes) when a rule forbids it. */
    @FunctionalInterface
    public interface Effect {
        Step apply(WorkflowState state, JsonObject input, ActionContext context);
    }
}
