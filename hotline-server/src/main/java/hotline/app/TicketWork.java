package hotline.app;

import hotline.auth.UserService;
import hotline.config.Config;
import hotline.crew.CrewModule;
import hotline.followup.FollowUpModule;
import hotline.incident.IncidentModule;
import hotline.notify.NotifyModule;
import hotline.sla.SlaModule;
import hotline.surveillance.SurveillanceModule;
import hotline.ticket.TicketService;
import hotline.ticket.TicketViewExtension;
import hotline.ticket.workflow.WorkflowModule;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The capabilities that work on a ticket after it is opened (SLA, workflow, crews, incidents, follow-ups,
 * water-quality surveillance), built and wired to one {@link TicketService} and to one another. The wiring lives here,
 * above them, so that none of them builds another: the server, the demo loader (on its own clock) and tests use it.
 *
 * <p>Ticket listeners run in registration order inside the ticket's transaction: the SLA tracker first (the incident
 * attacher suspends the SLA row it writes, the follow-up planner reads its follow-up delay), then incidents,
 * follow-ups, surveillance and the notices of a ticket's own changes (the SLA's escalation inbox right after its
 * tracker; the notices read the SLA's due times). Action guards: the crew check
 * before the incident check; the reassignment check once the users are known ({@link #checkReassignmentsWith}).
 */
public final class TicketWork {

    private final SlaModule sla;
    private final WorkflowModule workflows;
    private final CrewModule crews;
    private final IncidentModule incidents;
    private final FollowUpModule followUps;
    private final SurveillanceModule surveillance;
    private final NotifyModule notices;

    public TicketWork(Config config, Vertx vertx, Pool pool, Clock clock, ZoneId zone, TicketService tickets) {
        sla = new SlaModule(config, vertx, pool, clock, zone, tickets);
        workflows = new WorkflowModule(tickets, sla.roster(), clock);
        crews = new CrewModule(pool, clock);
        incidents = new IncidentModule(config, vertx, pool, clock, tickets, crews.service(), sla.tracker());
        followUps = new FollowUpModule(pool, clock, zone, workflows.service(), sla.callingHours());
        surveillance = new SurveillanceModule(config, pool, clock);
        notices = new NotifyModule(config, vertx, pool, clock, zone);

        tickets.addListener(sla.tracker());
        tickets.addListener(sla.inbox());
        tickets.addListener(incidents.attacher());
        tickets.addListener(followUps.planner());
        tickets.addListener(surveillance.watch());
        tickets.addListener(notices.ticketNotices());
        workflows.service().addGuard(crews.service().dispatchGuard());
        workflows.service().addGuard(incidents.service().dispatchGuard());
    }

    /** What they add to {@code getTicket}'s answer, in order: the workflow step, then the SLA. */
    public List<TicketViewExtension> ticketViews() {
        return List.of(workflows.view(), sla.view());
    }

    /** Checks a reassignment's target against the users (who live in the auth capability, below all of these). */
    public void checkReassignmentsWith(UserService users) {
        workflows.service().addGuard(sla.reassignCheck(users));
    }

    public SlaModule sla() {
        return sla;
    }

    public WorkflowModule workflows() {
        return workflows;
    }

    public CrewModule crews() {
        return crews;
    }

    public IncidentModule incidents() {
        return incidents;
    }

    public FollowUpModule followUps() {
        return followUps;
    }

    public SurveillanceModule surveillance() {
        return surveillance;
    }

    /** Notices to customers: contact preferences, templates, delivery. */
    public NotifyModule notices() {
        return notices;
    }
}
