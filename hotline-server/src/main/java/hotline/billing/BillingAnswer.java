package hotline.billing;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * What {@link BillingService} answers for an account; never a failure. {@link Known} is a whole statement;
 * {@link Unknown} says the billing system has no such account; {@link Unavailable} says it gave no answer now and
 * carries the last good answer with its time, if there was one (to be shown only as stale, never as current).
 */
public sealed interface BillingAnswer {

    /** The statement, fetched at {@code fetchedAt} (its data is as of {@code statement.asOf()}). */
    record Known(Statement statement, Instant fetchedAt) implements BillingAnswer {
    }

    record Unknown(String accountNumber) implements BillingAnswer {
    }

    /** {@code lastGood} is null when no good answer for the account is remembered. */
    record Unavailable(String reason, Known lastGood) implements BillingAnswer {
    }

    /** The answer as the API gives it ({@code BillingAnswer} in openapi.yaml). */
    default JsonObject toJson() {
        return switch (this) {
            case Known known -> new JsonObject().put("status", "known")
                    .put("fetchedAt", known.fetchedAt().toString()).put("statement", known.statement().toJson());
            case Unknown unknown -> new JsonObject().put("status", "unknown_account")
                    .put("accountNumber", unknown.accountNumber());
            case Unavailable unavailable -> {
                JsonObject json = new JsonObject().put("status", "unavailable").put("reason", unavailable.reason());
                if (unavailable.lastGood() != null) {
                    json.put("lastGoodAt", unavailable.lastGood().fetchedAt().toString())
                            .put("lastGood", unavailable.lastGood().statement().toJson());
                }
                yield json;
            }
        };
    }
}
