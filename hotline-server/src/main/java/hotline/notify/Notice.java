package hotline.notify;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One thing to tell one customer, or a caller known only by phone number ({@code customerId} null).
 *
 * @param ticketId   the ticket it is about, shown on that ticket's timeline; null for none
 * @param variables  what its template fills in (ticket number, expected time, outage window…)
 * @param dedupeKey  names the reason once: queuing the same key again does nothing (e.g. {@code ticket:42:received})
 */
public record Notice(NoticeKind kind, Long customerId, String phone, Long ticketId, JsonObject variables,
                     String dedupeKey) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        if (customerId == null && (phone == null || phone.isBlank())) {
            throw new IllegalArgumentException("a notice needs a customer or a phone number");
        }
        variables = variables == null ? new JsonObject() : variables.copy();
    }
}
