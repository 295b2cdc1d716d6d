package hotline.crew;

import hotline.capability.Capability;
import hotline.crew.internal.CrewRoutes;
import hotline.http.ApiRoutes;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;

/** The crew capability: the repair crews, {@code listCrews} and {@code createCrew}, and the dispatch check. */
public final class CrewModule implements Capability {

    private final CrewService service;

    public CrewModule(Pool pool, Clock clock) {
        this.service = new CrewService(pool, clock);
    }

    @Override
    public String name() {
        return "crew";
    }

    public CrewService service() {
        return service;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new CrewRoutes(service));
    }
}
