package hotline.followup;

import hotline.common.Code;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A return call to make (回访): after a resolved complaint, after a verified repair the {@link RepairRule} names, or
 * proactively to a critical facility when an incident opens in its district ({@code incidentId}) or a
 * planned shut-off is scheduled over it ({@code outageId}). {@code attempts} counts the calls that
 * did not reach the customer (the last at {@code lastAttemptAt}). Once done, {@code outcome} says whether the customer
 * answered ({@code answered}) or the attempts ran out ({@code unreachable}); an answered one has the overall
 * satisfaction 1–5 in {@code satisfaction} (asked, or derived from the others when {@code overallDerived}), the
 * indicators speed, attitude and result when asked, a dissatisfied customer's reason codes and the written-down
 * reason, and the comment.
 */
public record FollowUp(long id, Kind kind, Long ticketId, Long incidentId, Long outageId, Long customerId,
                       String district,
                       String agent, String assignee, Instant dueAt, Instant doneAt, Integer satisfaction,
                       String comment, String outcome, int attempts, Instant lastAttemptAt, boolean overallDerived,
                       Integer speed, Integer attitude, Integer result, List<String> reasons, String reasonText) {

    /** Why the call is made. */
    public enum Kind implements Code { COMPLAINT, REPAIR, PROACTIVE }

    public FollowUp {
        reasons = List.copyOf(reasons);
    }

    public static FollowUp of(Row row) {
        String[] reasons = row.getArrayOfStrings("reasons");
        return new FollowUp(row.getLong("id"), Code.parse(Kind.class, row.getString("kind")).orElseThrow(),
                row.getLong("ticket_id"), row.getLong("incident_id"), row.getLong("outage_id"),
                row.getLong("customer_id"),
                row.getString("district"), row.getString("agent"), row.getString("assignee"),
                SqlTime.instant(row, "due_at"), SqlTime.instant(row, "done_at"), row.getInteger("satisfaction"),
                row.getString("comment"), row.getString("outcome"), row.getInteger("attempts"),
                SqlTime.instant(row, "last_attempt_at"), row.getBoolean("overall_derived"),
                row.getInteger("score_speed"), row.getInteger("score_attitude"), row.getInteger("score_result"),
                reasons == null ? List.of() : Arrays.asList(reasons), row.getString("reason_text"));
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("kind", kind.code()).put("ticketId", ticketId)
                .put("incidentId", incidentId).put("outageId", outageId).put("customerId", customerId)
                .put("district", district)
                .put("agent", agent).put("assignee", assignee).put("dueAt", dueAt.toString())
                .put("doneAt", doneAt == null ? null : doneAt.toString()).put("satisfaction", satisfaction)
                .put("comment", comment).put("outcome", outcome).put("attempts", attempts)
                .put("lastAttemptAt", lastAttemptAt == null ? null : lastAttemptAt.toString())
                .put("overallDerived", overallDerived).put("speed", speed).put("attitude", attitude)
                .put("result", result).put("reasons", new JsonArray(reasons)).put("reasonText", reasonText);
    }
}
