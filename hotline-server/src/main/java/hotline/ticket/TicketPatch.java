package hotline.ticket;

import hotline.common.InvalidInputException;
import hotline.ticket.internal.TicketText;
import io.vertx.core.json.JsonObject;

/**
 * A plain edit of a ticket: every null field stays as it is (so a patch cannot clear a field to null; text fields
 * can be set to empty). Status, type and details are not plain fields: workflows change them through
 * {@link TicketService#change}. Validated like {@link TicketDraft}.
 */
public record TicketPatch(String subject, String description, String location, String district, String category,
                          Priority priority, Boolean urgent, Long customerId, String callerNumber) {

    public TicketPatch {
        subject = subject == null ? null : TicketText.subject(subject);
        description = description == null ? null : TicketText.text("description", description,
                TicketText.DESCRIPTION_MAX);
        location = location == null ? null : TicketText.text("location", location, TicketText.LOCATION_MAX);
        district = district == null ? null : TicketText.text("district", district, TicketText.DISTRICT_MAX);
        category = TicketText.category(category);
        callerNumber = TicketText.callerNumber(callerNumber);
        if (customerId != null && customerId <= 0) {
            throw new InvalidInputException("customerId", "must be a positive id");
        }
    }

    /** The patch of an API body; {@code version} is read separately by the caller. */
    public static TicketPatch fromJson(JsonObject json) {
        try {
            return new TicketPatch(json.getString("subject"), json.getString("description"),
                    json.getString("location"), json.getString("district"), json.getString("category"),
                    TicketText.code(json, "priority", Priority.class, null), json.getBoolean("urgent"),
                    json.getLong("customerId"), json.getString("callerNumber"));
        } catch (ClassCastException e) {
            throw new InvalidInputException("body", "a field has the wrong type");
        }
    }

    /** {@code current} with this patch applied. */
    public Ticket applyTo(Ticket current) {
        return new Ticket(current.id(), current.number(), current.type(), current.channel(), current.status(),
                priority != null ? priority : current.priority(),
                urgent != null ? urgent : current.urgent(),
                customerId != null ? customerId : current.customerId(),
                callerNumber != null ? callerNumber : current.callerNumber(),
                subject != null ? subject : current.subject(),
                description != null ? description : current.description(),
                location != null ? location : current.location(),
                district != null ? district : current.district(),
                category != null ? category : current.category(),
                current.details(), current.version(), current.createdAt(), current.updatedAt(), current.closedAt());
    }
}
