package hotline.sla;

import hotline.ticket.workflow.EscalationLevel;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One warning or escalation in a user's inbox ("my escalations"): which ticket, what ({@code kind}: {@code warning}
 * before a target is missed, {@code escalation} to the addressee's level), which deadline (null for an escalation by
 * hand) due when, and whether and by whom it was acknowledged.
 */
public record InboxItem(long id, long ticketId, String number, String subject, String kind, String deadline,
                        EscalationLevel level, Instant dueAt, String reason, Instant createdAt, Instant acknowledgedAt,
                        String acknowledgedBy) {

    public boolean unread() {
        return acknowledgedAt == null;
    }

    /** As {@code listMyEscalations} answers it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id).put("ticketId", ticketId).put("number", number).put("subject", subject)
                .put("kind", kind).put("deadline", deadline).put("level", level.code())
                .put("dueAt", dueAt == null ? null : dueAt.toString()).put("reason", reason)
                .put("createdAt", createdAt.toString())
                .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString())
                .put("acknowledgedBy", acknowledgedBy);
    }
}
