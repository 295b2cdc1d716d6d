package hotline.customer;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One entry of a customer's append-only history: who ({@code actor}, a user name or a system actor), when, what
 * ({@code action}: created, updated, tier_overridden, imported), the changed fields as {@code {"field": {"from",
 * "to"}}}, and the reason when one is required (a manual tier).
 */
public record CustomerEvent(long id, Instant at, String actor, String action, JsonObject changes, String reason) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("at", at.toString()).put("actor", actor).put("action", action)
                .put("changes", changes).put("reason", reason);
    }
}
