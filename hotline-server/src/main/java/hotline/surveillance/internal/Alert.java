package hotline.surveillance.internal;

import hotline.store.SqlTime;
import hotline.surveillance.QualityAlertRule;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;

/** A supervisor alert as the API shows it. */
public final class Alert {

    private Alert() {
    }

    public static JsonObject json(long id, String district, Instant hour, QualityAlertRule.Finding finding, Instant at) {
        return new JsonObject().put("id", id).put("kind", "water_quality").put("district", district)
                .put("hourStart", hour.toString()).put("count", finding.count()).put("baseline", finding.baseline())
                .put("threshold", finding.threshold()).put("createdAt", at.toString());
    }

    public static JsonObject json(Row row) {
        return json(row.getLong("id"), row.getString("district"), SqlTime.instant(row, "hour_start"),
                new QualityAlertRule.Finding(row.getInteger("count"), row.getDouble("baseline"), row.getDouble("threshold")),
                SqlTime.instant(row, "created_at"));
    }
}
