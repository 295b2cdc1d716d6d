package hotline.ticket.workflow;

import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflow of one ticket type as a transition table. Pure and immutable: {@link #apply} turns the current state,
 * the input fields, the actor and the time into the next {@link Step}, or throws
 * {@link ConflictException} (action not allowed now; details {@code allowedActions}) or
 * {@link InvalidInputException} (a field missing or wrong, named {@code fields.<name>}). {@link #intake} checks the
 * {@code details} a client gives when it creates a ticket: only the few the type takes at creation (a repair's
 * {@code coordinates} and {@code side}, a complaint's {@code disputedBill}); the step records in {@code details} are
 * written by the actions alone. Thread-safe.
 */
public final class Workflow {

    private final TicketType type;
    private final Map<String, Transition> transitions;
    private final List<String> actionOrder;
    private final Set<TicketStatus> responded;
    private final Set<TicketStatus> resolved;
    private final List<FieldSpec> intake;

    /**
     * @param responded statuses in which the first response has been given (the SLA's first-response target is met)
     * @param resolved  statuses in which the ticket counts as resolved (the resolution target is met)
     * @param intake    the details a client may give at creation
     */
    public Workflow(TicketType type, List<Transition> transitions, Set<TicketStatus> responded, Set<TicketStatus> resolved,
                    List<FieldSpec> intake) {
        this.type = type;
        this.intake = List.copyOf(intake);
        Map<String, Transition> byAction = new LinkedHashMap<>();
        for (Transition transition : transitions) {
            if (byAction.put(transition.action(), transition) != null) {
                throw new IllegalArgumentException("action " + transition.action() + " defined twice for " + type);
            }
        }
        this.transitions = Map.copyOf(byAction);
        this.actionOrder = List.copyOf(byAction.keySet());
        this.responded = Set.copyOf(responded);
        this.resolved = Set.copyOf(resolved);
    }

    /** The actions allowed from {@code status}, in the order a console shows them. */
    public List<String> allowedActions(TicketStatus status) {
        return actionOrder.stream().filter(action -> transitions.get(action).from().contains(status)).toList();
    }

    /** The least role that may perform {@code action}; {@link Role#AGENT} for an action this workflow does not have. */
    public Role role(String action) {
        Transition transition = transitions.get(action);
        return transition == null ? Role.AGENT : transition.role();
    }

    /** Performs {@code action}; see the class comment for the failures. */
    public Step apply(WorkflowState state, String action, JsonObject fields, ActionContext context) {
        Transition transition = transitions.get(action);
        if (transition == null || !transition.from().contains(state.status())) {
            List<String> allowed = allowedActions(state.status());
            throw new ConflictException("action " + action + " is not allowed for a " + type.code() + " in step "
                    + state.status().code() + "; allowed: " + allowed, Map.of("allowedActions", allowed));
        }
        JsonObject input = FieldSpec.readAll(transition.fields(), fields == null ? new JsonObject() : fields, "fields");
        return transition.effect().apply(state, input, context);
    }

    /**
     * The checked {@code details} of a new ticket of this type (absent: empty).
     *
     * @throws InvalidInputException naming {@code details.<name>} for a detail this type does not take at creation
     *                               (step records among them) or a wrong one
     */
    public JsonObject intake(JsonObject details) {
        return FieldSpec.readAll(intake, details == null ? new JsonObject() : details, "details");
    }

    /** True once the first-response target is met in {@code status}. */
    public boolean responded(TicketStatus status) {
        return responded.contains(status) || resolved(status);
    }

    /** True when {@code status} counts as resolved for the resolution target (final statuses included). */
    public boolean resolved(TicketStatus status) {
        return resolved.contains(status) || status.isFinal();
    }

    /**
     * The wizard of the current step: {@code {"step", "allowedActions": [...], "requiredFields": {"<action>": [field
     * descriptions]}, "roles": {"<action>": "<least role>"}}}; {@code roles} names only the actions an agent may not
     * perform, so a console offers them to those who may.
     */
    public JsonObject describe(TicketStatus status) {
        JsonObject fields = new JsonObject();
        JsonObject roles = new JsonObject();
        List<String> allowed = allowedActions(status);
        for (String action : allowed) {
            Transition transition = transitions.get(action);
            fields.put(action, new JsonArray(transition.fields().stream().map(FieldSpec::describe).toList()));
            if (transition.role() != Role.AGENT) {
                roles.put(action, transition.role().code());
            }
        }
        return new JsonObject().put("step", status.code()).put("allowedActions", new JsonArray(allowed))
                .put("requiredFields", fields).put("roles", roles);
    }
}
