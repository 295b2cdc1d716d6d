package hotline.surveillance;

import hotline.store.SqlTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;

/**
 * A water-quality alert: {@code count} reports in {@code district} in the hour from {@code hourStart} crossed
 * {@code threshold}, against {@code baseline}, the mean count of that hour in the weeks before
 * ({@link QualityAlertRule}).
 */
public record QualityAlert(long id, String district, Instant hourStart, int count, double baseline, double threshold,
                           Instant createdAt) {

    static QualityAlert of(long id, String district, Instant hourStart, QualityAlertRule.Finding finding, Instant at) {
        return new QualityAlert(id, district, hourStart, finding.count(), finding.baseline(), finding.threshold(), at);
    }

    static QualityAlert of(Row row) {
        return new QualityAlert(row.getLong("id"), row.getString("district"), SqlTime.instant(row, "hour_start"),
                row.getInteger("count"), row.getDouble("baseline"), row.getDouble("threshold"),
                SqlTime.instant(row, "created_at"));
    }

    /** As the API and the outbox show it. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("kind", "water_quality").put("district", district)
                .put("hourStart", hourStart.toString()).put("count", count).put("baseline", baseline)
                .put("threshold", threshold).put("createdAt", createdAt.toString());
    }
}
