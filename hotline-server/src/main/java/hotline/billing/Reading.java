package hotline.billing;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A meter reading: the day, the meter's value (m³) and whether it was estimated (估抄) instead of read on site. */
public record Reading(LocalDate readOn, BigDecimal value, boolean estimated) {

    public JsonObject toJson() {
        return new JsonObject().put("readOn", readOn.toString()).put("value", value.toPlainString())
                .put("estimated", estimated);
    }
}
