package hotline.ticket.workflow;

import hotline.common.InvalidInputException;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

import static hotline.ticket.TicketStatus.CLOSED;
import static hotline.ticket.TicketStatus.FOLLOW_UP;
import static hotline.ticket.TicketStatus.RECORD;
import static hotline.ticket.TicketStatus.RESOLVE;
import static hotline.ticket.TicketStatus.VENT;

/**
 * The four complaint steps (投诉四步): {@code vent → record → resolve → follow_up → closed}. A solution the customer
 * does not accept escalates one level and stays in resolve; a follow-up whose overall satisfaction is 1–2 reopens at
 * resolve and escalates, 3–5 closes, and so does a customer the return calls could not reach ({@link VisitAnswers}).
 */
public final class ComplaintWorkflow {

    private ComplaintWorkflow() {
    }

    public static Workflow create() {
        return new Workflow(TicketType.COMPLAINT, List.of(
                new Transition("vent", Set.of(VENT), List.of(
                        FieldSpec.text("statement"),
                        FieldSpec.choice("mood", List.of("calm", "emotional", "stubborn", "prepared")),
                        FieldSpec.bool("feelingsAcknowledged")),
                        ComplaintWorkflow::vent),
                new Transition("record", Set.of(RECORD), List.of(
                        FieldSpec.text("complainant"),
                        FieldSpec.choice("aboutKind", List.of("department", "staff", "service")),
                        FieldSpec.text("about"),
                        FieldSpec.text("whatHappened"),
                        FieldSpec.instant("happenedAt"),
                        FieldSpec.text("wantedOutcome"),
                        FieldSpec.text("contact"),
                        FieldSpec.choice("founded", List.of("founded", "partly", "unfounded")),
                        FieldSpec.text("foundedReason")),
                        (state, input, context) -> StepData.record("record", "record", state, RESOLVE, input, context)),
                new Transition("resolve", Set.of(RESOLVE), List.of(
                        FieldSpec.text("solution"),
                        FieldSpec.text("owner"),
                        FieldSpec.bool("accepted")),
                        ComplaintWorkflow::resolve),
                new Transition("follow_up", Set.of(FOLLOW_UP), VisitAnswers.FIELDS, ComplaintWorkflow::followUp),
                StepData.escalate(),
                StepData.reassign(),
                StepData.reopen(RESOLVE)),
                Set.of(RECORD), Set.of(FOLLOW_UP),
                // A complaint about a bill names it: the month billed (yyyy-MM) and its amount in yuan.
                List.of(FieldSpec.object("disputedBill", List.of(FieldSpec.text("period"),
                        FieldSpec.decimal("amount", 0, 10_000_000_000L))).optional()));
    }

    private static Step vent(WorkflowState state, JsonObject input, ActionContext context) {
        if (!input.getBoolean("feelingsAcknowledged")) {
            throw new InvalidInputException("fields.feelingsAcknowledged",
                    "acknowledge the caller's feelings before recording the complaint");
        }
        return StepData.record("vent", "vent", state, RECORD, input, context);
    }

    private static Step resolve(WorkflowState state, JsonObject input, ActionContext context) {
        boolean accepted = input.getBoolean("accepted");
        Step step = StepData.record("resolve", "resolve", state, accepted ? FOLLOW_UP : RESOLVE, input, context);
        return accepted ? step : escalated(step, "solution not accepted by the customer", context);
    }

    private static Step followUp(WorkflowState state, JsonObject input, ActionContext context) {
        VisitAnswers answers = VisitAnswers.of(input, "fields");
        boolean unhappy = answers.dissatisfied();
        Step step = StepData.record("follow_up", "followUp", state, unhappy ? RESOLVE : CLOSED, answers.toJson(), context);
        return unhappy ? escalated(step, "satisfaction " + answers.overall() + " at follow-up", context) : step;
    }

    private static Step escalated(Step step, String reason, ActionContext context) {
        JsonObject details = step.details();
        JsonObject data = step.eventData().mergeIn(Escalation.raise(details, reason, context));
        return new Step(step.action(), step.status(), step.priority(), step.category(), details, data);
    }
}
