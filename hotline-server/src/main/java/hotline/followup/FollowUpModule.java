package hotline.followup;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.followup.internal.FollowUpRoutes;
import hotline.http.ApiRoutes;
import hotline.sla.CallingHours;
import hotline.ticket.workflow.WorkflowService;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The follow-up capability (回访): the {@link FollowUpPlanner} (a ticket listener, registered after the SLA tracker
 * whose follow-up delay it reads), the {@link FollowUpService} with the guard of the complaint's {@code follow_up}
 * action, and the follow-up operations. Setting {@value #VISITS}: the return-visit programme's file (default
 * conf/visits.json, else the one shipped in the jar; see {@link VisitPolicy}).
 */
public final class FollowUpModule implements Capability {

    /** Setting: the return-visit programme's file. */
    public static final String VISITS = "followups.visits";

    private final FollowUpPlanner planner;
    private final FollowUpService service;

    public FollowUpModule(Config config, Pool pool, Clock clock, ZoneId zone, WorkflowService workflows,
                          CallingHours callingHours) {
        VisitPolicy policy = VisitPolicy.locate(config.string(VISITS));
        this.planner = new FollowUpPlanner(callingHours, policy.repairs());
        this.service = new FollowUpService(pool, workflows, clock, zone, policy, callingHours);
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
