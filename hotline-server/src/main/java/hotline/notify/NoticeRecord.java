package hotline.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One queued notice as staff see it: what and when, the ticket it is about (null: none), whether the worker has
 * planned it yet, and its delivery on each channel (none once planned: no configured channel could carry it).
 */
public record NoticeRecord(long id, NoticeKind kind, Long ticketId, String ticketNumber, Instant createdAt,
                           boolean planned, List<Delivery> deliveries) {

    /**
     * One channel of it.
     *
     * @param sending       a worker holds it right now
     * @param nextAttemptAt when it is tried (again); null once settled
     * @param error         why it failed, was given up or skipped, or why the last attempt failed
     */
    public record Delivery(NoticeChannel channel, String address, DeliveryStatus status, int attempts, boolean sending,
                           Instant nextAttemptAt, Instant sentAt, String error) {

        public JsonObject toJson() {
            return new JsonObject().put("channel", channel.code()).put("address", address).put("status", status.code())
                    .put("attempts", attempts).put("sending", sending)
                    .put("nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString())
                    .put("sentAt", sentAt == null ? null : sentAt.toString()).put("error", error);
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("kind", kind.code()).put("ticketId", ticketId)
                .put("ticketNumber", ticketNumber).put("createdAt", createdAt.toString()).put("planned", planned)
                .put("deliveries", new JsonArray(deliveries.stream().map(Delivery::toJson).toList()));
    }
}
