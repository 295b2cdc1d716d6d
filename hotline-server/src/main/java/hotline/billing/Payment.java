package hotline.billing;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received: the day, the amount (yuan) and how it was paid as the billing system names it (may be empty). */
public record Payment(LocalDate paidOn, BigDecimal amount, String method) {

    public JsonObject toJson() {
        return new JsonObject().put("paidOn", paidOn.toString()).put("amount", amount.toPlainString())
                .put("method", method);
    }
}
