package hotline.outage;

import hotline.common.Code;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A planned shut-off (计划停水) as stored: its area, window and reason; {@code endsAt} is the expected end as last
 * extended, {@code plannedEndAt} the one first announced. {@code customers} were affected when it was scheduled;
 * {@code notified}, {@code reminded} and {@code restored} count the notices queued to them.
 */
public record Outage(long id, AreaKind areaKind, List<String> area, String reason, Instant startsAt, Instant endsAt,
                     Instant plannedEndAt, boolean emergency, Status status, Instant announceFrom, Instant remindAt,
                     Instant overrunToldAt, int extensions, int customers, int notified, int reminded, int restored,
                     String createdBy, Instant createdAt, String endedBy, Instant endedAt) {

    /** How the area is given: district codes, street names matched in addresses, or account numbers. */
    public enum AreaKind implements Code { DISTRICTS, STREETS, ACCOUNTS }

    /** What a supervisor last did with it. */
    public enum Status implements Code { SCHEDULED, CANCELLED, CLOSED }

    /** Where it stands at a moment: a scheduled one is planned, running, or overrun (past its end, not closed). */
    public enum Phase implements Code { PLANNED, RUNNING, OVERRUN, CANCELLED, CLOSED }

    public Outage {
        area = List.copyOf(area);
    }

    public Phase phase(Instant now) {
        return switch (status) {
            case CANCELLED -> Phase.CANCELLED;
            case CLOSED -> Phase.CLOSED;
            case SCHEDULED -> now.isBefore(startsAt) ? Phase.PLANNED
                    : now.isBefore(endsAt) ? Phase.RUNNING : Phase.OVERRUN;
        };
    }

    /** Whether callers from its area are told of it at {@code now}: scheduled, and in its notice window or started. */
    public boolean announced(Instant now) {
        return status == Status.SCHEDULED && !now.isBefore(announceFrom);
    }

    /**
     * When the scheduler must look at a scheduled shut-off next: the reminder still due, or the expected end whose
     * passing was not told yet; null when neither.
     */
    public static Instant nextCheck(Instant remindAt, Instant endsAt, Instant overrunToldAt) {
        Instant overrun = endsAt.equals(overrunToldAt) ? null : endsAt;
        if (remindAt == null || overrun == null) {
            return remindAt == null ? overrun : remindAt;
        }
        return remindAt.isBefore(overrun) ? remindAt : overrun;
    }

    public static Outage of(Row row) {
        return new Outage(row.getLong("id"), Code.parse(AreaKind.class, row.getString("area_kind")).orElseThrow(),
                Arrays.asList(row.getArrayOfStrings("area")), row.getString("reason"), SqlTime.instant(row, "starts_at"),
                SqlTime.instant(row, "ends_at"), SqlTime.instant(row, "planned_end_at"), row.getBoolean("emergency"),
                Code.parse(Status.class, row.getString("status")).orElseThrow(), SqlTime.instant(row, "announce_from"),
                SqlTime.instant(row, "remind_at"), SqlTime.instant(row, "overrun_told_at"), row.getInteger("extensions"),
                row.getInteger("customers"), row.getInteger("notified"), row.getInteger("reminded"),
                row.getInteger("restored"), row.getString("created_by"), SqlTime.instant(row, "created_at"),
                row.getString("ended_by"), SqlTime.instant(row, "ended_at"));
    }

    /** As the API answers it, with its {@code phase} at {@code now}. */
    public JsonObject toJson(Instant now) {
        return new JsonObject().put("id", id).put("areaKind", areaKind.code()).put("area", new JsonArray(area))
                .put("reason", reason).put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString())
                .put("plannedEndAt", plannedEndAt.toString()).put("emergency", emergency).put("status", status.code())
                .put("phase", phase(now).code()).put("announceFrom", announceFrom.toString())
                .put("remindAt", remindAt == null ? null : remindAt.toString()).put("customers", customers)
                .put("notified", notified).put("reminded", reminded).put("restored", restored)
                .put("extensions", extensions).put("createdBy", createdBy).put("createdAt", createdAt.toString());
    }
}
