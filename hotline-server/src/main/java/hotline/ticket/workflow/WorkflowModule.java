package hotline.ticket.workflow;

import hotline.config.Config;
import hotline.crew.CrewRoutes;
import hotline.crew.CrewService;
import hotline.followup.FollowUpPlanner;
import hotline.followup.FollowUpRoutes;
import hotline.followup.FollowUpService;
import hotline.http.ApiRoutes;
import hotline.incident.IncidentAttacher;
import hotline.incident.IncidentMatcher;
import hotline.incident.IncidentRoutes;
import hotline.incident.IncidentService;
import hotline.sla.DutyRoster;
import hotline.sla.SlaPolicy;
import hotline.sla.SlaScheduler;
import hotline.sla.SlaTracker;
import hotline.surveillance.AlertRoutes;
import hotline.surveillance.QualityAlertRule;
import hotline.surveillance.QualityWatch;
import hotline.ticket.TicketService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Wires what happens to a ticket after it is opened: the workflows (transitions endpoint), SLA due times and the
 * escalation scheduler, crews, incidents, follow-ups and water-quality surveillance. Registers its listeners on the
 * {@link TicketService} in the order they depend on each other (SLA first). Settings (defaults in brackets):
 * {@value #SLA_POLICY} [conf/sla.json, else the shipped default], {@value #ROSTER} [conf/roster.json, likewise],
 * {@value #SCHEDULER} [true], {@value SlaScheduler#SCAN_INTERVAL} [15000], {@value SlaScheduler#BATCH_SIZE} [200],
 * {@value #INCIDENT_WINDOW} [120], {@value #INCIDENT_DISTANCE} [1000], {@value #QUALITY_WEEKS} [4],
 * {@value #QUALITY_FACTOR} [300], {@value #QUALITY_MINIMUM} [5].
 */
public final class WorkflowModule {

    public static final String SLA_POLICY = "sla.policy";
    public static final String ROSTER = "sla.roster";
    /** Setting: whether this server runs the SLA scheduler. */
    public static final String SCHEDULER = "sla.scheduler";
    /** Setting: minutes after an incident's last report within which a new report still attaches to it. */
    public static final String INCIDENT_WINDOW = "incidents.windowMinutes";
    /** Setting: largest distance in metres between a report and its incident when both have coordinates. */
    public static final String INCIDENT_DISTANCE = "incidents.maxDistanceMetres";
    /** Setting: weeks of history in the water-quality baseline. */
    public static final String QUALITY_WEEKS = "surveillance.weeks";
    /** Setting: alert when an hour exceeds this percentage of its baseline. */
    public static final String QUALITY_FACTOR = "surveillance.factorPercent";
    /** Setting: the fewest reports in an hour that can raise an alert. */
    public static final String QUALITY_MINIMUM = "surveillance.minimumCount";

    private final WorkflowService workflows;
    private final IncidentService incidents;
    private final FollowUpService followUps;
    private final CrewService crews;
    private final SlaScheduler scheduler;
    private final boolean schedulerEnabled;
    private final int scanIntervalMs;
    private final List<ApiRoutes> routes;
    private final WorkflowView view;
    private final SlaTracker sla;

    public WorkflowModule(Config config, Vertx vertx, Pool pool, Clock clock, ZoneId zone, TicketService tickets) {
        SlaPolicy policy = SlaPolicy.locate(config.string(SLA_POLICY), zone);
        DutyRoster roster = DutyRoster.locate(config.string(ROSTER), zone);
        sla = new SlaTracker(policy, clock);
        IncidentMatcher matcher = new IncidentMatcher(
                Duration.ofMinutes(config.integer(INCIDENT_WINDOW, 120, 1, 7 * 24 * 60)),
                config.integer(INCIDENT_DISTANCE, 1000, 1, 100_000));
        QualityAlertRule quality = new QualityAlertRule(config.integer(QUALITY_WEEKS, 4, 1, 52),
                config.integer(QUALITY_FACTOR, 300, 101, 10_000) / 100.0, config.integer(QUALITY_MINIMUM, 5, 1, 10_000));
        tickets.addListener(sla);
        tickets.addListener(new IncidentAttacher(matcher, sla));
        tickets.addListener(new FollowUpPlanner(policy.callingHours()));
        tickets.addListener(new QualityWatch(quality, clock));

        workflows = new WorkflowService(tickets, roster, clock);
        crews = new CrewService(pool, clock);
        incidents = new IncidentService(pool, tickets, crews, matcher, clock);
        workflows.addGuard(crews.dispatchGuard());
        workflows.addGuard(incidents.dispatchGuard());
        followUps = new FollowUpService(pool, workflows, clock, zone);

        scheduler = new SlaScheduler(vertx, pool, tickets, roster, clock, "sla-" + UUID.randomUUID(),
                config.integer(SlaScheduler.BATCH_SIZE, 200, 1, 10_000));
        schedulerEnabled = config.bool(SCHEDULER, true);
        scanIntervalMs = config.integer(SlaScheduler.SCAN_INTERVAL, 15_000, 100, 3_600_000);
        view = new WorkflowView(pool);
        routes = List.of(new WorkflowRoutes(workflows), new CrewRoutes(crews), new IncidentRoutes(incidents),
                new FollowUpRoutes(followUps), new AlertRoutes(pool, clock));
    }

    /** Starts the SLA scheduler's timer (unless switched off). */
    public void start() {
        if (schedulerEnabled) {
            scheduler.start(Duration.ofMillis(scanIntervalMs));
        }
    }

    public List<ApiRoutes> routes() {
        return routes;
    }

    public WorkflowService workflows() {
        return workflows;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public CrewService crews() {
        return crews;
    }

    public FollowUpService followUps() {
        return followUps;
    }

    /** The SLA listener; the customer capability calls {@link SlaTracker#customerChanged} when a tier changes. */
    public SlaTracker sla() {
        return sla;
    }

    public SlaScheduler scheduler() {
        return scheduler;
    }

    /** Adds the workflow step and SLA due times to a ticket's JSON. */
    public WorkflowView view() {
        return view;
    }
}
