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
        JsonObject escalation = details.getJsonObject(KEY);
        return escalation == null ? EscalationLevel.AGENT
                : Code.parse(EscalationLevel.class, escalation.getString("level")).orElse(EscalationLevel.AGENT);
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
