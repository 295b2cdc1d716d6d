package hotline.billing;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** One monthly bill: the month billed, when it was issued and is due, the water it charged (m³) and its amount (yuan). */
public record Bill(YearMonth period, LocalDate issuedOn, LocalDate dueOn, BigDecimal consumption, BigDecimal amount) {

    public JsonObject toJson() {
        return new JsonObject().put("period", period.toString()).put("issuedOn", issuedOn.toString())
                .put("dueOn", dueOn.toString()).put("consumption", consumption.toPlainString())
                .put("amount", amount.toPlainString());
    }
}
