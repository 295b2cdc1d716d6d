package hotline.sla;

import hotline.auth.UserService;
import hotline.capability.Capability;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.sla.internal.SlaRoutes;
import hotline.ticket.TicketService;
import hotline.ticket.TicketViewExtension;
import hotline.ticket.workflow.ActionGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The SLA capability: the policy per tier, type and priority, the duty roster and the teams, the {@link SlaTracker} (a
 * ticket listener the composition root registers first), the escalation {@link SlaScheduler}, whose timer
 * {@link #start} starts, the supervisors' {@link SlaBoard} and {@link EscalationInbox} ({@code slaBoard},
 * {@code listMyEscalations}, {@code acknowledgeEscalation}, {@code listTeams}), and the check of a reassignment's
 * target. Settings (defaults in brackets): {@value #POLICY} [conf/sla.json, else the shipped default],
 * {@value #ROSTER} [conf/roster.json, likewise], {@value #TEAMS} [conf/teams.json, likewise], {@value #SCHEDULER}
 * [true], {@value SlaScheduler#SCAN_INTERVAL} [15000], {@value SlaScheduler#BATCH_SIZE} [200].
 */
public final class SlaModule implements Capability {

    public static final String POLICY = "sla.policy";
    public static final String ROSTER = "sla.roster";
    /** Setting: the teams file; default conf/teams.json, else the one shipped in the jar. */
    public static final String TEAMS = "sla.teams";
    /** Setting: whether this server runs the SLA scheduler. */
    public static final String SCHEDULER = "sla.scheduler";

    private final SlaPolicy policy;
    private final DutyRoster roster;
    private final SlaTracker tracker;
    private final SlaScheduler scheduler;
    private final boolean schedulerEnabled;
    private final Duration scanInterval;
    private final SlaView view;
    private final Teams teams;
    private final SlaBoard board;
    private final EscalationInbox inbox;

    public SlaModule(Config config, Vertx vertx, Pool pool, Clock clock, ZoneId zone, TicketService tickets) {
        policy = SlaPolicy.locate(config.string(POLICY), zone);
        roster = DutyRoster.locate(config.string(ROSTER), zone);
        tracker = new SlaTracker(policy, clock);
        scheduler = new SlaScheduler(vertx, pool, tickets, roster, clock, "sla-" + UUID.randomUUID(),
                config.integer(SlaScheduler.BATCH_SIZE, 200, 1, 10_000));
        schedulerEnabled = config.bool(SCHEDULER, true);
        scanInterval = Duration.ofMillis(config.integer(SlaScheduler.SCAN_INTERVAL, 15_000, 100, 3_600_000));
        view = new SlaView(pool);
        teams = Teams.locate(config.string(TEAMS));
        board = new SlaBoard(pool, clock);
        inbox = new EscalationInbox(pool, clock);
    }

    @Override
    public String name() {
        return "sla";
    }

    /** Starts the scheduler's timer (unless switched off). */
    @Override
    public Future<Void> start() {
        if (schedulerEnabled) {
            scheduler.start(scanInterval);
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        scheduler.stop();
        return Future.succeededFuture();
    }

    /** The ticket listener; also the customer listener that recomputes due times when a tier changes. */
    public SlaTracker tracker() {
        return tracker;
    }

    public SlaScheduler scheduler() {
        return scheduler;
    }

    /** Who is on duty at each escalation level. */
    public DutyRoster roster() {
        return roster;
    }

    /** When customers may be called back (from the policy). */
    public CallingHours callingHours() {
        return policy.callingHours();
    }

    /** Adds {@code sla} (due times, level, breaches) to a ticket's view. */
    public TicketViewExtension view() {
        return view;
    }

    /** The teams a ticket may be reassigned to. */
    public Teams teams() {
        return teams;
    }

    /** The tickets past their warning threshold, for supervisors. */
    public SlaBoard board() {
        return board;
    }

    /** "My escalations"; also the ticket listener that files each escalation (registered after the tracker). */
    public EscalationInbox inbox() {
        return inbox;
    }

    /** The check before a {@code reassign}: the named user is active, the named team takes tickets. */
    public ActionGuard reassignCheck(UserService users) {
        return new ReassignCheck(users, teams);
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new SlaRoutes(board, inbox, teams));
    }
}
