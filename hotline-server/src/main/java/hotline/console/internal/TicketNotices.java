package hotline.console.internal;

import hotline.ticket.TicketEvent;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The live notice "changed by X" for a ticket a user has open: drawn from the ticket's latest event when a hint of
 * {@code hotline.tickets} arrives for a ticket the {@link TicketWatch} says the user watches. A change the user made
 * themselves draws nothing.
 */
public final class TicketNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TicketService tickets;
    private final TicketWatch watch;
    private final Templates templates;
    private final Assets assets;
    private final ZoneId zone;

    public TicketNotices(TicketService tickets, TicketWatch watch, Templates templates, Assets assets, ZoneId zone) {
        this.tickets = tickets;
        this.watch = watch;
        this.templates = templates;
        this.assets = assets;
        this.zone = zone;
    }

    /** The swap of the notice for {@code viewer}, empty when the hint does not concern them. */
    public Future<Optional<Map<String, String>>> changed(Viewer viewer, JsonObject hint) {
        Long id = hint.getLong("id");
        if (id == null || !watch.watches(viewer.principal().id(), id)) {
            return Future.succeededFuture(Optional.empty());
        }
        return tickets.get(id).map(view -> {
            TicketEvent last = view.events().isEmpty() ? null : view.events().getLast();
            if (last == null || last.actor().equals(viewer.principal().username())) {
                return Optional.empty();
            }
            Map<String, Object> model = viewer.model(assets);
            model.put("notice", Map.of("ticketId", id, "number", view.ticket().number(), "actor", last.actor(),
                    "action", last.action(), "at", last.at().toString(), "atText", TIME.format(last.at().atZone(zone)),
                    "status", view.ticket().status().code()));
            return Optional.of(Map.of("target", "ticket-live-" + id,
                    "html", templates.render("fragments/ticket-live.ftlh", model)));
        });
    }
}
