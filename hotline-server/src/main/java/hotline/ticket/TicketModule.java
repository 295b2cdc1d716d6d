package hotline.ticket;

import hotline.capability.Capability;
import hotline.http.ApiRoutes;
import hotline.ticket.internal.TicketRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ticket capability: {@link TicketService}, the one door through which a ticket is created or changed, and the
 * ticket operations of the API. While the composition root wires the capabilities (before start), those above add
 * their {@link TicketListener}s to the service and their fields to {@code getTicket}'s answer ({@link #extendView}).
 */
public final class TicketModule implements Capability {

    private final TicketService service;
    private final List<TicketViewExtension> views = new CopyOnWriteArrayList<>();
    private volatile DetailsIntake intake = DetailsIntake.NONE;

    /** @param zone the zone of the date in ticket numbers (setting {@value TicketService#TIMEZONE}) */
    public TicketModule(Vertx vertx, Pool pool, Clock clock, ZoneId zone, MeterRegistry meters) {
        this.service = new TicketService(vertx, pool, clock, zone, meters);
    }

    @Override
    public String name() {
        return "ticket";
    }

    public TicketService service() {
        return service;
    }

    /** Adds {@code extension}'s fields to {@code getTicket}'s answer, after those added before it. */
    public void extendView(TicketViewExtension extension) {
        views.add(extension);
    }

    /** Checks the details a client may give at creation (the workflows know them per type); none by default. */
    public void takeDetailsWith(DetailsIntake intake) {
        this.intake = intake;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new TicketRoutes(service, views, intake));
    }
}
