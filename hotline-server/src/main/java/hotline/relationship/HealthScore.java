package hotline.relationship;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A customer's relationship health: {@code score} from 0 to 100 ({@code base} minus the penalties plus the tenure
 * bonus, clamped), each indicator's part (its value and the points it moved the score, negative for a penalty), and
 * why the customer is at risk (empty: not at risk).
 */
public record HealthScore(int score, List<Part> parts, List<RiskReason> risks) {

    /** An indicator's value (a count, years, or the average answer × 100) and its points. */
    public record Part(Indicator indicator, long value, long points) {
    }

    public boolean atRisk() {
        return !risks.isEmpty();
    }

    public JsonObject toJson() {
        return new JsonObject().put("score", score).put("atRisk", atRisk())
                .put("risks", new JsonArray(risks.stream().map(RiskReason::code).toList()))
                .put("parts", new JsonArray(parts.stream().map(part -> new JsonObject()
                        .put("indicator", part.indicator().code()).put("value", part.value())
                        .put("points", part.points())).toList()));
    }
}
