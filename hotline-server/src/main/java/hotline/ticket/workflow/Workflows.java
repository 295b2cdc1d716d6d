package hotline.ticket.workflow;

import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

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

    /** The details a client gives when it creates a ticket of {@code type}, checked (a {@code DetailsIntake}). */
    public static JsonObject intake(TicketType type, JsonObject details) {
        return of(type).intake(details);
    }
}
