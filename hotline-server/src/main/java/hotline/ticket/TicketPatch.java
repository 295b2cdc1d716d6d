package hotline.ticket;

import hotline.common.InvalidInputException;
import hotline.ticket.internal.TicketText;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plain edit of a ticket: every null field stays as it is, and the fields named in {@code cleared} (only
 * {@value #CUSTOMER_ID}, {@value #CALLER_NUMBER} and {@value #CATEGORY}, the ones a ticket may lack) become null: an
 * agent unlinks a caller wrongly taken for a customer. Text fields can be set to empty. Status, type and details are
 * not plain fields: workflows change them through {@link TicketService#change}. Validated like {@link TicketDraft}.
 */
public record TicketPatch(String subject, String description, String location, String district, String category,
                          Priority priority, Boolean urgent, Long customerId, String callerNumber,
                          Set<String> cleared) {

    public static final String CUSTOMER_ID = "customerId";
    public static final String CALLER_NUMBER = "callerNumber";
    public static final String CATEGORY = "category";
    private static final List<String> CLEARABLE = List.of(CUSTOMER_ID, CALLER_NUMBER, CATEGORY);

    /** A patch that clears nothing. */
    public TicketPatch(String subject, String description, String location, String district, String category,
                       Priority priority, Boolean urgent, Long customerId, String callerNumber) {
        this(subject, description, location, district, category, priority, urgent, customerId, callerNumber,
                Set.of());
    }

    public TicketPatch {
        cleared = Set.copyOf(cleared);
        for (String field : cleared) {
            if (!CLEARABLE.contains(field)) {
                throw new InvalidInputException(field, "cannot be null");
            }
        }
        subject = subject == null ? null : TicketText.subject(subject);
        description = description == null ? null : TicketText.text("description", description,
                TicketDraft.DESCRIPTION_MAX);
        location = location == null ? null : TicketText.text("location", location, TicketDraft.LOCATION_MAX);
        district = district == null ? null : TicketText.text("district", district, TicketDraft.DISTRICT_MAX);
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
                    json.getString("location"), json.getString("district"), json.getString(CATEGORY),
                    TicketText.code(json, "priority", Priority.class, null), json.getBoolean("urgent"),
                    json.getLong(CUSTOMER_ID), json.getString(CALLER_NUMBER),
                    CLEARABLE.stream().filter(field -> json.containsKey(field) && json.getValue(field) == null)
                            .collect(Collectors.toSet()));
        } catch (ClassCastException e) {
            throw new InvalidInputException("body", "a field has the wrong type");
        }
    }

    /** {@code current} with this patch applied. */
    public Ticket applyTo(Ticket current) {
        return new Ticket(current.id(), current.number(), current.type(), current.channel(), current.status(),
                priority != null ? priority : current.priority(),
                urgent != null ? urgent : current.urgent(),
                cleared.contains(CUSTOMER_ID) ? null : customerId != null ? customerId : current.customerId(),
                cleared.contains(CALLER_NUMBER) ? null : callerNumber != null ? callerNumber : current.callerNumber(),
                subject != null ? subject : current.subject(),
                description != null ? description : current.description(),
                location != null ? location : current.location(),
                district != null ? district : current.district(),
                cleared.contains(CATEGORY) ? null : category != null ? category : current.category(),
                current.details(), current.version(), current.createdAt(), current.updatedAt(), current.closedAt());
    }
}
