package hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A ticket with its whole history, oldest event first. */
public record TicketView(Ticket ticket, List<TicketEvent> events) {

    public TicketView {
        events = List.copyOf(events);
    }

    /** The ticket's JSON with an {@code events} array. */
    public JsonObject toJson() {
        return ticket.toJson().put("events", new JsonArray(events.stream().map(TicketEvent::toJson).toList()));
    }
}
