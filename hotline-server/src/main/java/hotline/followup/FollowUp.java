package hotline.followup;

import hotline.common.Code;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;

/**
 * A return call to make (回访): after a resolved complaint, after a verified repair of a key or critical customer,
 * or proactively to a critical facility when an incident opens in its district ({@code incidentId}) or a planned
 * shut-off is scheduled over it ({@code outageId}). {@code satisfaction} (1–5) and
 * {@code comment} are set when the outcome is recorded.
 */
public record FollowUp(long id, Kind kind, Long ticketId, Long incidentId, Long outageId, Long customerId,
                       String district,
                       String agent, String assignee, Instant dueAt, Instant doneAt, Integer satisfaction,
                       String comment) {

    /** Why the call is made. */
    public enum Kind implements Code { COMPLAINT, REPAIR, PROACTIVE }

    public static FollowUp of(Row row) {
        return new FollowUp(row.getLong("id"), Code.parse(Kind.class, row.getString("kind")).orElseThrow(),
                row.getLong("ticket_id"), row.getLong("incident_id"), row.getLong("outage_id"),
                row.getLong("customer_id"),
                row.getString("district"), row.getString("agent"), row.getString("assignee"),
                SqlTime.instant(row, "due_at"), SqlTime.instant(row, "done_at"), row.getInteger("satisfaction"),
                row.getString("comment"));
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("kind", kind.code()).put("ticketId", ticketId)
                .put("incidentId", incidentId).put("outageId", outageId).put("customerId", customerId)
                .put("district", district)
                .put("agent", agent).put("assignee", assignee).put("dueAt", dueAt.toString())
                .put("doneAt", doneAt == null ? null : doneAt.toString()).put("satisfaction", satisfaction)
                .put("comment", comment);
    }
}
