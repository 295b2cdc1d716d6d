package hotline.ticket.workflow;

import hotline.common.Code;
import io.vertx.core.json.JsonObject;

/**
 * The escalation state a ticket carries in {@code details.escalation}: {@code {"level", "count", "at", "by",
 * "reason"}}. A ticket without it is with the agent.
 */
public final class Escalation {

    /** Key of the escalation object in a ticket's details. */
    public static final String KEY = "escalation";

    private Escalation() {
    }

    /** The level the ticket is at now. */
    public static EscalationLevel level(JsonObject details) {
        // Not an object only in a ticket stored before details were checked: with the agent.
        return details.getValue(KEY) instanceof JsonObject escalation && escalation.getValue("level") instanceof String level
                ? Code.parse(EscalationLevel.class, level).orElse(EscalationLevel.AGENT) : EscalationLevel.AGENT;
    }

    /**
     * Puts the ticket one level up in {@code details} (changed in place) and returns the event data of the
     * escalation: {@code {"escalation": {"from", "to", "reason"}}}.
     */
    public static JsonObject raise(JsonObject details, String reason, ActionContext context) {
        EscalationLevel from = level(details);
        EscalationLevel to = from.next();
        JsonObject current = details.getJsonObject(KEY, new JsonObject());
        details.put(KEY, new JsonObject()
                .put("level", to.code())
                .put("count", current.getInteger("count", 0) + 1)
                .put("at", context.now().toString())
                .put("by", context.actor())
                .put("reason", reason));
        return new JsonObject().put(KEY, new JsonObject().put("from", from.code()).put("to", to.code()).put("reason", reason));
    }
}
