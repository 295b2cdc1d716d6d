package hotline.customer;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A customer whose tier was set by hand: the tier, its reason, and who set it when, from the event that set it
 * ({@code setBy} and {@code setAt} are null when no event of the customer's history did).
 */
public record TierOverride(long customerId, String accountNumber, String name, String district, Tier tier,
                           String reason, Instant setAt, String setBy) {

    public JsonObject toJson() {
        return new JsonObject().put("customerId", customerId).put("accountNumber", accountNumber).put("name", name)
                .put("district", district).put("tier", tier.code()).put("reason", reason)
                .put("setAt", setAt == null ? null : setAt.toString()).put("setBy", setBy);
    }
}
