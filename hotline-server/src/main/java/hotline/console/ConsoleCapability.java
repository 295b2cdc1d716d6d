package hotline.console;

import hotline.auth.SessionService;
import hotline.auth.UserService;
import hotline.billing.BillingService;
import hotline.capability.Capability;
import hotline.config.ConfFiles;
import hotline.config.Config;
import hotline.console.internal.AgentStates;
import hotline.console.internal.Assets;
import hotline.console.internal.BillingBlocks;
import hotline.console.internal.CallerCards;
import hotline.console.internal.ConsoleApi;
import hotline.console.internal.CurrentCalls;
import hotline.console.internal.CustomerPages;
import hotline.console.internal.FollowUpsPage;
import hotline.console.internal.Training;
import hotline.console.internal.Desk;
import hotline.console.internal.LiveStream;
import hotline.console.internal.PageKit;
import hotline.console.internal.incidents.IncidentsPage;
import hotline.console.internal.PageRoutes;
import hotline.console.internal.PauseReasons;
import hotline.console.internal.Templates;
import hotline.console.internal.TicketNotices;
import hotline.console.internal.TicketPages;
import hotline.console.internal.TicketWatch;
import hotline.console.internal.admin.AdminPages;
import hotline.console.internal.reports.ReportsPage;
import hotline.console.internal.slaboard.SlaBoardPage;
import hotline.console.internal.slaboard.SlaLive;
import hotline.console.internal.wallboard.Thresholds;
import hotline.console.internal.wallboard.Wallboard;
import hotline.console.internal.wallboard.WallboardPages;
import hotline.crew.CrewService;
import hotline.customer.CustomerService;
import hotline.followup.FollowUpService;
import hotline.http.ApiRoutes;
import hotline.incident.IncidentService;
import hotline.reports.ReportService;
import hotline.search.Reindexing;
import hotline.search.SearchService;
import hotline.sla.SlaModule;
import hotline.surveillance.QualityAlerts;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.TelephonyModule;
import hotline.telephony.ami.SimulatedCalls;
import hotline.ticket.TicketService;
import hotline.ticket.TicketViewExtension;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent console: server-rendered pages (templates, messages and static files from the {@code agent-console}
 * module) with the supervisor's areas (wallboard, SLA board, incidents, reports, administration), the live stream per
 * browser, and the state the console keeps of each agent (phone state since when, current call). Settings:
 * {@value #PAUSE_REASONS} (a file; default {@code conf/pause-reasons.json}, else the one in the jar),
 * {@value #WALLBOARD} (likewise {@code conf/wallboard.json}), {@value #SECURE_COOKIE} (shared with the session cookie;
 * default false). {@code simulatedCalls} is given only with {@code --demo}: then a supervisor can place training
 * calls. {@code reindexing} serves the search index page.
 */
public final class ConsoleCapability implements Capability {

    public static final String PAUSE_REASONS = "console.pauseReasons";
    public static final String SECURE_COOKIE = "auth.secureCookie";
    /** The wallboard's colour thresholds (a file; default {@code conf/wallboard.json}, else the one in the jar). */
    public static final String WALLBOARD = "console.wallboard";

    private final Vertx vertx;
    private final AgentStates agents;
    private final CurrentCalls calls = new CurrentCalls();
    private final PageRoutes routes;
    private final ConsoleApi api;
    private final TicketPages ticketPages;
    private final WallboardPages wallboard;
    private final AdminPages adminPages;
    private final IncidentsPage incidentsPage;
    private final ReportsPage reportsPage;
    private final SlaBoardPage slaBoard;
    private final List<MessageConsumer<JsonObject>> consumers = new CopyOnWriteArrayList<>();

    public ConsoleCapability(Vertx vertx, Config config, Clock clock, ZoneId zone, SessionService sessions,
                             UserService users, CustomerService customers, TicketService tickets,
                             IncidentService incidents, SearchService search, List<TicketViewExtension> ticketViews,
                             CrewService crews, FollowUpService followUps, TelephonyModule telephony,
                             BillingService billing, ReportService reports, SimulatedCalls simulatedCalls,
                             Reindexing reindexing, QualityAlerts alerts, SlaModule sla) {
        this.vertx = vertx;
        this.agents = new AgentStates(clock);
        PauseReasons pauseReasons = ConfFiles.locate(config.string(PAUSE_REASONS), PauseReasons.FILE, PauseReasons::parse);
        Templates templates = new Templates();
        Assets assets = new Assets();
        BillingBlocks billingBlocks = new BillingBlocks(billing, zone);
        CallerCards cards = new CallerCards(customers, tickets, incidents, search, billingBlocks, zone);
        Desk desk = new Desk(templates, assets, agents, calls, cards, pauseReasons, zone);
        TicketWatch watch = new TicketWatch();
        Training training = simulatedCalls == null ? null : new Training(simulatedCalls, users);
        PageKit kit = new PageKit(sessions, templates, assets);
        this.wallboard = new WallboardPages(kit, new Wallboard(telephony, incidents, alerts,
                ConfFiles.locate(config.string(WALLBOARD), Thresholds.FILE, Thresholds::parse), zone), training);
        LiveStream stream = new LiveStream(vertx, users, desk, calls, cards,
                new TicketNotices(tickets, watch, templates, assets, zone), new SlaLive(vertx, sla.inbox()::unread, templates),
                wallboard::swaps);
        this.api = new ConsoleApi(cards, calls);
        this.routes = new PageRoutes(sessions, users, search, templates, assets, desk, agents, stream, zone,
                config.bool(SECURE_COOKIE, false),
                new CustomerPages(templates, assets, customers, tickets, followUps, telephony, billingBlocks, zone),
                new FollowUpsPage(templates, assets, followUps, customers, tickets, telephony, clock, zone),
                training);
        this.ticketPages = new TicketPages(sessions, tickets, ticketViews, incidents, crews, search, calls, desk, watch,
                templates, assets, clock, zone, sla.teams());
        this.adminPages = new AdminPages(kit, users, customers, reindexing, search, clock, zone);
        this.incidentsPage = new IncidentsPage(kit, vertx, incidents, alerts, crews, clock, zone);
        this.reportsPage = new ReportsPage(kit, reports, clock, zone);
        this.slaBoard = new SlaBoardPage(kit, sla.board(), sla.inbox(), sla.teams(), users, clock, zone);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(api);
    }

    @Override
    public List<Handler<Router>> pages() {
        return List.of(routes, ticketPages, wallboard, adminPages, incidentsPage, reportsPage, slaBoard);
    }

    @Override
    public Future<Void> start() {
        consumers.add(vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.QUEUES, m -> agents.update(m.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.SCREEN_POPS,
                m -> calls.popped(m.body().getJsonObject("agent").getLong("userId"), m.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.CALLS,
                m -> calls.ended(m.body().getString("uniqueid", ""))));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
                .compose(done -> incidentsPage.start());
    }

    @Override
    public Future<Void> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                .compose(done -> incidentsPage.stop());
    }
}
