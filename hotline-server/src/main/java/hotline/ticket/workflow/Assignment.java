package hotline.ticket.workflow;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who a ticket is with, as its {@code details} say. A supervisor's {@code reassign} leaves
 * {@code details.assignment} ({@code {"to", "from", "reason", "at", "by"}}, {@code to} and {@code from} as
 * {@link Assignee#key}s); an escalation names the holder of the new level ({@code details.escalation.owner}). The
 * later of the two is the ticket's {@link #owner}; before either the ticket is with the agents who took it (no owner).
 */
public final class Assignment {

    /** Key of the assignment object in a ticket's details and in the event data of a reassignment. */
    public static final String KEY = "assignment";

    private Assignment() {
    }

    /** Who the ticket is with now; empty while nobody was named. */
    public static Optional<Assignee> owner(JsonObject details) {
        Optional<Named> assigned = named(details.getValue(KEY), "to");
        Optional<Named> escalated = named(details.getValue(Escalation.KEY), "owner");
        if (assigned.isEmpty() || escalated.isEmpty()) {
            return assigned.or(() -> escalated).map(Named::assignee);
        }
        // A reassignment at the very instant of an escalation was made knowing of it: it wins the tie.
        return Optional.of(assigned.get().at().isBefore(escalated.get().at()) ? escalated.get().assignee()
                : assigned.get().assignee());
    }

    /**
     * Gives the ticket to {@code to} in {@code details} (changed in place) and returns the event data of the
     * reassignment: {@code {"assignment": {"from", "to", "reason"}}}.
     *
     * @throws InvalidInputException on the field that names {@code to} when the ticket is with {@code to} already
     */
    static JsonObject reassign(JsonObject details, Assignee to, String reason, ActionContext context) {
        String from = owner(details).map(Assignee::key).orElse(null);
        if (to.key().equals(from)) {
            throw new InvalidInputException(to.team() ? "fields.team" : "fields.assignee",
                    "the ticket is already with " + to.name());
        }
        details.put(KEY, new JsonObject().put("to", to.key()).put("from", from).put("reason", reason)
                .put("at", context.now().toString()).put("by", context.actor()));
        return new JsonObject().put(KEY, new JsonObject().put("from", from).put("to", to.key()).put("reason", reason));
    }

    private record Named(Assignee assignee, Instant at) {
    }

    private static Optional<Named> named(Object part, String field) {
        if (!(part instanceof JsonObject object) || !(object.getValue(field) instanceof String key) || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Named(Assignee.ofKey(key), at(object.getValue("at"))));
    }

    private static Instant at(Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            return Instant.EPOCH; // stored before times were checked: older than anything recorded since
        }
    }
}
