package hotline.ticket.internal;

import hotline.ticket.Ticket;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The changed fields between two states of a ticket, as an event records them: {@code {"field": {"from": x,
 * "to": y}}} with API field names; workflow data per step as {@code details.<step>}. Bookkeeping fields (id,
 * number, version, timestamps) are not compared.
 */
public final class TicketDiff {

    private static final List<String> FIELDS = List.of("type", "status", "priority", "urgent", "customerId",
            "callerNumber", "subject", "description", "location", "district", "category");

    private TicketDiff() {
    }

    public static JsonObject between(Ticket before, Ticket after) {
        JsonObject from = before.toJson();
        JsonObject to = after.toJson();
        JsonObject changes = new JsonObject();
        for (String field : FIELDS) {
            put(changes, field, from.getValue(field), to.getValue(field));
        }
        Set<String> steps = new LinkedHashSet<>(before.details().fieldNames());
        steps.addAll(after.details().fieldNames());
        for (String step : steps) {
            put(changes, "details." + step, before.details().getValue(step), after.details().getValue(step));
        }
        return changes;
    }

    private static void put(JsonObject changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new JsonObject().put("from", from).put("to", to));
        }
    }
}
