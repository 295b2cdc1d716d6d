package hotline.ticket;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A ticket as stored: immutable; every change goes through {@link TicketService}. {@code number} is a
 * {@link TicketNumber}'s text, given at creation and never changed. {@code customerId},
 * {@code callerNumber}, {@code category} and {@code closedAt} may be null; {@code details} holds the workflow data
 * per step (for example {@code {"vent": {...}, "record": {...}}}) and is never null.
 */
public record Ticket(long id, String number, TicketType type, Channel channel, TicketStatus status, Priority priority,
                     boolean urgent, Long customerId, String callerNumber, String subject, String description,
                     String location, String district, String category, JsonObject details, int version,
                     Instant createdAt, Instant updatedAt, Instant closedAt) {

    public Ticket {
        details = details == null ? new JsonObject() : details;
    }

    /** The ticket in the API's camelCase JSON; enumerations as lower-case codes, instants as ISO-8601 text. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("number", number)
                .put("type", type.code())
                .put("channel", channel.code())
                .put("status", status.code())
                .put("priority", priority.code())
                .put("urgent", urgent)
                .put("customerId", customerId)
                .put("callerNumber", callerNumber)
                .put("subject", subject)
                .put("description", description)
                .put("location", location)
                .put("district", district)
                .put("category", category)
                .put("details", details.copy())
                .put("version", version)
                .put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString())
                .put("closedAt", closedAt == null ? null : closedAt.toString());
    }

    public Ticket withStatus(TicketStatus newStatus) {
        return new Ticket(id, number, type, channel, newStatus, priority, urgent, customerId, callerNumber, subject,
                description, location, district, category, details, version, createdAt, updatedAt, closedAt);
    }

    public Ticket withPriority(Priority newPriority) {
        return new Ticket(id, number, type, channel, status, newPriority, urgent, customerId, callerNumber, subject,
                description, location, district, category, details, version, createdAt, updatedAt, closedAt);
    }

    /** A copy whose {@code details} has {@code step} set to {@code data} (the other steps kept). */
    public Ticket withDetail(String step, JsonObject data) {
        JsonObject newDetails = details.copy().put(step, data);
        return new Ticket(id, number, type, channel, status, priority, urgent, customerId, callerNumber, subject,
                description, location, district, category, newDetails, version, createdAt, updatedAt, closedAt);
    }
}
