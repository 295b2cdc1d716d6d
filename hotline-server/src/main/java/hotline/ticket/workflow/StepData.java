package hotline.ticket.workflow;

import hotline.auth.Role;
import hotline.ticket.Priority;
import hotline.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Building blocks shared by the transition tables: recording a step's fields and the common actions. */
final class StepData {

    /** Every status in which a ticket is still open. */
    static final Set<TicketStatus> OPEN_STATUSES = openStatuses();

    private StepData() {
    }

    private static Set<TicketStatus> openStatuses() {
        EnumSet<TicketStatus> open = EnumSet.noneOf(TicketStatus.class);
        Arrays.stream(TicketStatus.values()).filter(status -> !status.isFinal()).forEach(open::add);
        return open;
    }

    /**
     * The step's validated input stored under {@code details.<key>} with when and by whom, and the event data
     * {@code {"<key>": input}}.
     */
    static Step record(String action, String key, WorkflowState state, TicketStatus next, JsonObject input,
                       ActionContext context) {
        JsonObject details = state.details();
        details.put(key, stamped(input, context));
        return new Step(action, next, state.priority(), state.category(), details, new JsonObject().put(key, input.copy()));
    }

    static JsonObject stamped(JsonObject input, ActionContext context) {
        return input.copy().put("at", context.now().toString()).put("by", context.actor());
    }

    /** {@code escalate}: one level up, from any open step, status unchanged; needs a reason. */
    static Transition escalate() {
        return new Transition("escalate", OPEN_STATUSES, java.util.List.of(FieldSpec.text("reason")),
                (state, input, context) -> {
                    JsonObject details = state.details();
                    JsonObject data = Escalation.raise(details, input.getString("reason"), context);
                    return new Step("escalate", state.status(), state.priority(), state.category(), details, data);
                });
    }

    /**
     * {@code reassign} (supervisors only): gives an open ticket to another user ({@code assignee}) or a team
     * ({@code team}) with a reason, status unchanged; whether the target exists and is active is checked before, by
     * an {@link ActionGuard} of the capability that knows users and teams.
     */
    static Transition reassign() {
        return new Transition("reassign", OPEN_STATUSES, java.util.List.of(
                FieldSpec.text("assignee", Assignee.MAX_NAME).optional(),
                FieldSpec.text("team", Assignee.MAX_NAME).optional(),
                FieldSpec.text("reason")), Role.SUPERVISOR,
                (state, input, context) -> {
                    JsonObject details = state.details();
                    JsonObject data = Assignment.reassign(details,
                            Assignee.named(input.getString("assignee"), input.getString("team")),
                            input.getString("reason"), context);
                    return new Step("reassign", state.status(), state.priority(), state.category(), details, data);
                });
    }

    /** {@code reopen}: from a final status back to {@code to}; needs a reason, kept in {@code details.reopen}. */
    static Transition reopen(TicketStatus to) {
        return new Transition("reopen", EnumSet.of(TicketStatus.CLOSED, TicketStatus.CANCELLED),
                java.util.List.of(FieldSpec.text("reason")),
                (state, input, context) -> record("reopen", "reopen", state, to, input, context));
    }

    /** The same step with {@code priority} and {@code category} replaced. */
    static Step reclassified(Step step, Priority priority, String category) {
        return new Step(step.action(), step.status(), priority, category, step.details(), step.eventData());
    }
}
