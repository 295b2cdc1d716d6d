package hotline.ticket;

import hotline.common.InvalidInputException;
import hotline.ticket.internal.TicketText;
import io.vertx.core.json.JsonObject;

/**
 * What creating a ticket needs. {@code priority} null means derived: {@link Priority#HIGH} when {@code urgent},
 * else {@link Priority#NORMAL}. {@code customerId}, {@code callerNumber} and {@code category} may be null; the text
 * fields default to empty, {@code details} to an empty object. Validates itself: a broken rule throws an
 * {@link InvalidInputException} naming the API field (the limits below; a caller number is digits,
 * {@code + ( ) -} and spaces). The contract states the same limits; a test holds the two together.
 */
public record TicketDraft(TicketType type, Channel channel, Priority priority, boolean urgent, Long customerId,
                          String callerNumber, String subject, String description, String location, String district,
                          String category, JsonObject details) {

    /** Longest accepted texts, in characters (code points); a subject also has at least one. */
    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int LOCATION_MAX = 500;
    public static final int DISTRICT_MAX = 100;
    public static final int CATEGORY_MAX = 100;
    public static final int CALLER_NUMBER_MAX = 40;

    public TicketDraft {
        if (type == null) {
            throw new InvalidInputException("type", "is required");
        }
        if (channel == null) {
            throw new InvalidInputException("channel", "is required");
        }
        priority = priority != null ? priority : urgent ? Priority.HIGH : Priority.NORMAL;
        if (customerId != null && customerId <= 0) {
            throw new InvalidInputException("customerId", "must be a positive id");
        }
        callerNumber = TicketText.callerNumber(callerNumber);
        subject = TicketText.subject(subject);
        description = TicketText.text("description", description == null ? "" : description,
                DESCRIPTION_MAX);
        location = TicketText.text("location", location == null ? "" : location, LOCATION_MAX);
        district = TicketText.text("district", district == null ? "" : district, DISTRICT_MAX);
        category = TicketText.category(category);
        details = details == null ? new JsonObject() : details.copy();
    }

    /** A minimal draft: the given type, channel and subject, everything else defaulted. */
    public static TicketDraft of(TicketType type, Channel channel, String subject) {
        return new TicketDraft(type, channel, null, false, null, null, subject, null, null, null, null, null);
    }

    /** The same draft with other {@code details}. */
    public TicketDraft withDetails(JsonObject otherDetails) {
        return new TicketDraft(type, channel, priority, urgent, customerId, callerNumber, subject, description, location,
                district, category, otherDetails);
    }

    /**
     * The draft of an API body (already checked against the contract's schema; checked again here so the service
     * can be called with any JSON). {@code channel} defaults to {@code phone}.
     */
    public static TicketDraft fromJson(JsonObject json) {
        try {
            return new TicketDraft(
                    TicketText.code(json, "type", TicketType.class, null),
                    TicketText.code(json, "channel", Channel.class, Channel.PHONE),
                    TicketText.code(json, "priority", Priority.class, null),
                    json.getBoolean("urgent", false),
                    json.getLong("customerId"),
                    json.getString("callerNumber"),
                    json.getString("subject"),
                    json.getString("description"),
                    json.getString("location"),
                    json.getString("district"),
                    json.getString("category"),
                    json.getJsonObject("details"));
        } catch (ClassCastException e) {
            throw new InvalidInputException("body", "a field has the wrong type");
        }
    }
}
