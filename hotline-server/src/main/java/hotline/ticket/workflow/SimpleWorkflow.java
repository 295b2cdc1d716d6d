package hotline.ticket.workflow;

import hotline.ticket.TicketType;

import java.util.List;
import java.util.Set;

import static hotline.ticket.TicketStatus.CLOSED;
import static hotline.ticket.TicketStatus.OPEN;

/**
 * Inquiries, suggestions and requests for help: open until answered ({@code answer}) or closed with a note
 * ({@code close}); {@code escalate}, {@code reassign} and {@code reopen} as for every type.
 */
public final class SimpleWorkflow {

    private SimpleWorkflow() {
    }

    public static Workflow create(TicketType type) {
        return new Workflow(type, List.of(
                new Transition("answer", Set.of(OPEN), List.of(FieldSpec.text("answer")),
                        (state, input, context) -> StepData.record("answer", "answer", state, CLOSED, input, context)),
                new Transition("close", Set.of(OPEN), List.of(FieldSpec.text("note")),
                        (state, input, context) -> StepData.record("close", "close", state, CLOSED, input, context)),
                StepData.escalate(),
                StepData.reassign(),
                StepData.reopen(OPEN)),
                Set.of(), Set.of(), List.of());
    }
}
