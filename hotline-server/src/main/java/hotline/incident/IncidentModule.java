package hotline.incident;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.crew.CrewService;
import hotline.http.ApiRoutes;
import hotline.incident.internal.IncidentRoutes;
import hotline.sla.SlaTracker;
import hotline.ticket.TicketService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The incident capability: the {@link IncidentAttacher} (a ticket listener, registered after the SLA tracker whose row
 * it suspends), the {@link IncidentService} and the incident operations; both tell committed changes on the event bus
 * ({@value IncidentService#BUS_ADDRESS}). Settings (defaults in brackets):
 * {@value #WINDOW} [120], {@value #DISTANCE} [1000].
 */
public final class IncidentModule implements Capability {

    /** Setting: minutes after an incident's last report within which a new report still attaches to it. */
    public static final String WINDOW = "incidents.windowMinutes";
    /** Setting: largest distance in metres between a report and its incident when both have coordinates. */
    public static final String DISTANCE = "incidents.maxDistanceMetres";

    private final IncidentAttacher attacher;
    private final IncidentService service;

    public IncidentModule(Config config, Vertx vertx, Pool pool, Clock clock, TicketService tickets, CrewService crews,
                          SlaTracker sla) {
        IncidentMatcher matcher = new IncidentMatcher(Duration.ofMinutes(config.integer(WINDOW, 120, 1, 7 * 24 * 60)),
                config.integer(DISTANCE, 1000, 1, 100_000));
        IncidentNews news = new IncidentNews(vertx.eventBus());
        this.attacher = new IncidentAttacher(matcher, sla, news);
        this.service = new IncidentService(pool, tickets, crews, matcher, clock, news);
    }

    @Override
    public String name() {
        return "incident";
    }

    public IncidentAttacher attacher() {
        return attacher;
    }

    public IncidentService service() {
        return service;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new IncidentRoutes(service));
    }
}
