package hotline.ticket.workflow;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

import static hotline.ticket.TicketStatus.CANCELLED;
import static hotline.ticket.TicketStatus.CLOSED;
import static hotline.ticket.TicketStatus.DISPATCHED;
import static hotline.ticket.TicketStatus.ON_SITE;
import static hotline.ticket.TicketStatus.REPAIRED;
import static hotline.ticket.TicketStatus.REPORTED;
import static hotline.ticket.TicketStatus.VERIFIED;

/**
 * The repair workflow (报修): {@code reported → dispatched (crew, eta) → on_site → repaired (cause, work done) →
 * verified → closed}; {@code cancel} with a reason from any open step. {@code assess} records the intake answers and
 * sets the ticket's category and its priority from the derived {@link Severity} (raised once more when the
 * ticket is urgent). Whether the crew
 * exists is checked by the caller before the action runs; here {@code crewId} is a positive number.
 */
public final class RepairWorkflow {

    /** Key of the intake assessment in a ticket's details. */
    public static final String ASSESSMENT = "assessment";

    private RepairWorkflow() {
    }

    public static Workflow create() {
        return new Workflow(TicketType.REPAIR, List.of(
                new Transition("assess", Set.of(REPORTED, DISPATCHED), List.of(
                        FieldSpec.choice("category", Code.codes(RepairCategory.class)),
                        FieldSpec.choice("qualityAspect", Code.codes(QualityAspect.class)).optional(),
                        FieldSpec.bool("waterInStreet"),
                        FieldSpec.bool("propertyFlooding"),
                        FieldSpec.bool("supplyCut"),
                        FieldSpec.integer("households", 0, 1_000_000),
                        FieldSpec.bool("publicDanger"),
                        FieldSpec.choice("side", Code.codes(MeterSide.class))),
                        RepairWorkflow::assess),
                new Transition("dispatch", Set.of(REPORTED, DISPATCHED), List.of(
                        FieldSpec.integer("crewId", 1, Long.MAX_VALUE),
                        FieldSpec.instant("eta")),
                        (state, input, context) -> StepData.record("dispatch", "dispatch", state, DISPATCHED, input, context)),
                new Transition("arrive", Set.of(DISPATCHED), List.of(),
                        (state, input, context) -> StepData.record("arrive", "arrive", state, ON_SITE, input, context)),
                new Transition("complete", Set.of(ON_SITE), List.of(
                        FieldSpec.text("cause"),
                        FieldSpec.text("workDone")),
                        (state, input, context) -> StepData.record("complete", "complete", state, REPAIRED, input, context)),
                new Transition("verify", Set.of(REPAIRED), List.of(
                        FieldSpec.choice("confirmedBy", List.of("customer", "follow_up_call")),
                        FieldSpec.text("comment").optional()),
                        (state, input, context) -> StepData.record("verify", "verify", state, VERIFIED, input, context)),
                new Transition("close", Set.of(VERIFIED), List.of(FieldSpec.text("comment").optional()),
                        (state, input, context) -> StepData.record("close", "close", state, CLOSED, input, context)),
                new Transition("cancel", StepData.OPEN_STATUSES, List.of(
                        FieldSpec.choice("reason", List.of("duplicate", "invalid", "not_our_network")),
                        FieldSpec.text("note").optional()),
                        (state, input, context) -> StepData.record("cancel", "cancel", state, CANCELLED, input, context)),
                StepData.escalate(),
                StepData.reassign(),
                StepData.reopen(REPORTED)),
                Set.of(ON_SITE), Set.of(REPAIRED, VERIFIED),
                // Where the caller is, if the console knows: incidents group reports by distance with it.
                List.of(FieldSpec.object("coordinates", List.of(
                        FieldSpec.decimal("latitude", -90, 90), FieldSpec.decimal("longitude", -180, 180))).optional(),
                        // The side of the meter the report already points to (a consumption jump: the customer's).
                        FieldSpec.choice("side", Code.codes(MeterSide.class)).optional()));
    }

    private static Step assess(WorkflowState state, JsonObject input, ActionContext context) {
        RepairCategory category = Code.parse(RepairCategory.class, input.getString("category")).orElseThrow();
        boolean quality = category == RepairCategory.WATER_QUALITY;
        if (quality != input.containsKey("qualityAspect")) {
            throw new InvalidInputException("fields.qualityAspect", quality
                    ? "qualityAspect (colour, smell, taste) is required for a water-quality report"
                    : "qualityAspect applies only to water-quality reports");
        }
        Severity severity = Severity.of(new Severity.Answers(category, input.getBoolean("waterInStreet"),
                input.getBoolean("propertyFlooding"), input.getBoolean("supplyCut"), input.getLong("households"),
                input.getBoolean("publicDanger")));
        JsonObject assessed = input.copy().put("severity", severity.level());
        Step step = StepData.record("assess", ASSESSMENT, state, state.status(), assessed, context);
        Priority priority = state.urgent() ? severity.priority().raised() : severity.priority();
        return StepData.reclassified(step, priority, category.code());
    }
}
