package hotline.sla;

import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.EscalationLevel;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One ticket on the SLA board: what it is, who it is with ({@code owner}: a user name, {@code team:<code>}, or null
 * while nobody was named), its earliest target not yet met ({@code deadline}) with the warning threshold it crossed
 * and its due time, and whether that has passed ({@code state}).
 */
public record BoardRow(long ticketId, String number, String subject, TicketType type, Priority priority,
                       boolean urgent, String district, Tier tier, boolean criticalFacility, EscalationLevel level,
                       String owner, String deadline, Instant warnAt, Instant dueAt, BoardState state) {

    /** As {@code slaBoard} answers it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("ticketId", ticketId).put("number", number).put("subject", subject).put("type", type.code())
                .put("priority", priority.code()).put("urgent", urgent).put("district", district)
                .put("tier", tier.code()).put("criticalFacility", criticalFacility).put("level", level.code())
                .put("owner", owner).put("deadline", deadline).put("warnAt", warnAt.toString())
                .put("dueAt", dueAt.toString()).put("state", state.code());
    }
}
