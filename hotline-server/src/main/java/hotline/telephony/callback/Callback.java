package hotline.telephony.callback;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** One stored callback (table {@code callbacks}); {@link #toJson} is the shape {@code GET /api/callbacks} lists. */
public record Callback(long id, String callUniqueid, Long customerId, String number, String ticketNumber, int priority,
                       Instant requestedAt, Instant dueAt, CallbackStatus status, int attempts, String agentInterface) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("callUniqueid", callUniqueid).put("customerId", customerId)
                .put("number", number).put("ticketNumber", ticketNumber).put("priority", priority)
                .put("requestedAt", requestedAt.toString()).put("dueAt", dueAt.toString())
                .put("status", status.code()).put("attempts", attempts).put("agentInterface", agentInterface);
    }
}
