package hotline.ticket.workflow;

import hotline.auth.Role;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/** The workflow of each ticket type. Built once; immutable and thread-safe. */
public final class Workflows {

    private static final Map<TicketType, Workflow> BY_TYPE = build();

    private Workflows() {
    }

    private static Map<TicketType, Workflow> build() {
        Map<TicketType, Workflow> map = new EnumMap<>(TicketType.class);
        for (TicketType type : TicketType.values()) {
            map.put(type, switch (type) {
                case COMPLAINT -> ComplaintWorkflow.create();
                case REPAIR -> RepairWorkflow.create();
                case INQUIRY, SUGGESTION, HELP -> SimpleWorkflow.create(type);
            });
        }
        return Map.copyOf(map);
    }

    public static Workflow of(TicketType type) {
        return BY_TYPE.get(type);
    }

    /**
     * The least role that may perform {@code action} on a ticket of any type (the strictest the types ask), so a
     * refusal comes before anything is looked up.
     */
    public static Role role(String action) {
        return BY_TYPE.values().stream().map(workflow -> workflow.role(action))
                .max(Comparator.naturalOrder()).orElse(Role.AGENT);
    }

    /** The details a client gives when it creates a ticket of {@code type}, checked (a {@code DetailsIntake}). */
    public static JsonObject intake(TicketType type, JsonObject details) {
        return of(type).intake(details);
    }
}
