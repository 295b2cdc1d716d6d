package hotline.ticket;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One entry of a ticket's append-only history: who ({@code actor}, a user name or a system name), when, from which
 * channel, what ({@code action}: {@code created}, {@code updated} or a workflow action), the changed fields as
 * {@code {"field": {"from": x, "to": y}}} and the action's own data.
 */
public record TicketEvent(long id, long ticketId, Instant at, String actor, Channel channel, String action,
                          JsonObject changes, JsonObject data) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("at", at.toString())
                .put("actor", actor)
                .put("channel", channel.code())
                .put("action", action)
                .put("changes", changes)
                .put("data", data);
    }
}
