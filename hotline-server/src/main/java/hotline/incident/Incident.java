package hotline.incident;

import hotline.common.Code;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;

/**
 * An incident (事件): one problem in the network (a burst main) that many repair reports are about. Only the incident
 * is dispatched ({@code crewId}, {@code eta}); closing it resolves its reports. {@code coordinates} may be null.
 * {@code reportersToTell} (its open reports, whose reporters are told when it closes) and
 * {@code criticalFacilityCount} are null unless it was read with its summary ({@link IncidentService#list},
 * {@link IncidentService#get}).
 */
public record Incident(long id, String category, String district, String location, Coordinates coordinates,
                       IncidentStatus status, long firstTicketId, Long crewId, Instant eta, String resolution,
                       Long mergedInto, Instant openedAt, Instant lastReportAt, Instant closedAt, long reportCount,
                       Long reportersToTell, Long criticalFacilityCount) {

    public static Incident of(Row row) {
        Double latitude = row.getDouble("latitude");
        Double longitude = row.getDouble("longitude");
        return new Incident(row.getLong("id"), row.getString("category"), row.getString("district"),
                row.getString("location"),
                latitude == null || longitude == null ? null : new Coordinates(latitude, longitude),
                Code.parse(IncidentStatus.class, row.getString("status")).orElseThrow(),
                row.getLong("first_ticket_id"), row.getLong("crew_id"), SqlTime.instant(row, "eta"),
                row.getString("resolution"), row.getLong("merged_into"), SqlTime.instant(row, "opened_at"),
                SqlTime.instant(row, "last_report_at"), SqlTime.instant(row, "closed_at"),
                row.getColumnIndex("report_count") < 0 ? 0 : row.getLong("report_count"),
                optional(row, "reporters_to_tell"), optional(row, "critical_facility_count"));
    }

    private static Long optional(Row row, String column) {
        return row.getColumnIndex(column) < 0 ? null : row.getLong(column);
    }

    /** As matching sees it. */
    public OpenIncident open() {
        return new OpenIncident(id, category, district, location, coordinates, openedAt, lastReportAt);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("category", category).put("district", district)
                .put("location", location)
                .put("latitude", coordinates == null ? null : coordinates.latitude())
                .put("longitude", coordinates == null ? null : coordinates.longitude())
                .put("status", status.code()).put("firstTicketId", firstTicketId).put("crewId", crewId)
                .put("eta", text(eta)).put("resolution", resolution).put("mergedInto", mergedInto)
                .put("openedAt", text(openedAt)).put("lastReportAt", text(lastReportAt)).put("closedAt", text(closedAt))
                .put("reportCount", reportCount);
        if (reportersToTell != null) {
            json.put("reportersToTell", reportersToTell).put("criticalFacilityCount", criticalFacilityCount);
        }
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
