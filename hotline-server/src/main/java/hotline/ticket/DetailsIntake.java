package hotline.ticket;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;

/**
 * Checks the {@code details} a client gives when it creates a ticket of a type, and answers them checked. The
 * workflow of each type knows which it takes (see {@code Workflows::intake}); the step records in {@code details} are
 * written by the workflow's actions, never by a client.
 */
@FunctionalInterface
public interface DetailsIntake {

    /** Takes no details at all. */
    DetailsIntake NONE = (type, details) -> {
        for (String name : details.fieldNames()) {
            throw new InvalidInputException("details." + name, "a " + type.code() + " takes no details at creation");
        }
        return details;
    };

    /** @throws InvalidInputException naming {@code details.<name>} for a detail that is not taken or wrong */
    JsonObject check(TicketType type, JsonObject details);
}
