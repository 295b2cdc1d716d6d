package hotline.followup;

import hotline.capability.Capability;
import hotline.followup.internal.FollowUpRoutes;
import hotline.http.ApiRoutes;
import hotline.sla.CallingHours;
import hotline.ticket.workflow.WorkflowService;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The follow-up capability: the {@link FollowUpPlanner} (a ticket listener, registered after the SLA tracker whose
 * follow-up delay it reads), the {@link FollowUpService} and the follow-up operations.
 */
public final class FollowUpModule implements Capability {

    private final FollowUpPlanner planner;
    private final FollowUpService service;

    public FollowUpModule(Pool pool, Clock clock, ZoneId zone, WorkflowService workflows, CallingHours callingHours) {
        this.planner = new FollowUpPlanner(callingHours);
        this.service = new FollowUpService(pool, workflows, clock, zone);
    }

    @Override
    public String name() {
        return "followup";
    }

    public FollowUpPlanner planner() {
        return planner;
    }

    public FollowUpService service() {
        return service;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new FollowUpRoutes(service));
    }
}
