package hotline.telephony;

import hotline.auth.UserService;
import hotline.capability.Capability;
import hotline.billing.BillingService;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.UtilityZone;
import hotline.customer.CustomerService;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.incident.IncidentService;
import hotline.telephony.ami.AmiLink;
import hotline.telephony.ami.SimulatedCalls;
import hotline.telephony.callback.Callback;
import hotline.telephony.callback.CallbackDialler;
import hotline.telephony.callback.internal.CallbackRoutes;
import hotline.telephony.callback.CallbackStatus;
import hotline.telephony.callback.CallbackStore;
import hotline.telephony.callback.CallbackSummary;
import hotline.telephony.callback.CallbackThresholds;
import hotline.telephony.callback.QueueCallbackDesk;
import hotline.telephony.ivr.IvrAgiScript;
import hotline.telephony.ivr.IvrFiles;
import hotline.telephony.ivr.IvrServices;
import hotline.telephony.ivr.TicketingIvrServices;
import hotline.telephony.ivr.VirtualThreadAgiServer;
import hotline.telephony.switchboard.CallRecord;
import hotline.telephony.switchboard.Switchboard;
import hotline.ticket.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.asteriskjava.manager.ManagerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Telephony as the composition root sees it, and where its rooms are wired together: the IVR ({@link IvrAgiScript} on
 * a {@link VirtualThreadAgiServer}), the AMI links ({@link AmiLink}, one per Asterisk), the {@link Switchboard} fed by
 * them (call records, queue board, screen pops, agent actions) and the callbacks (booked by the IVR from the board's
 * wait estimate, dialled through the switchboard while a link is up). The constructor reads the settings and wires;
 * {@link #start} starts the switchboard, then FastAGI, then the AMI links and the dialler; {@link #stop} the reverse.
 *
 * <p>Settings (environment {@code HOTLINE_...} overrides): {@code agi.host} (default 127.0.0.1), {@code agi.port}
 * (4573; 0 picks a free port), {@code ivr.flows} (comma list, default {@code ivr,survey}), {@code ivr.flowDir} (a directory
 * overriding the packaged flows), {@code ivr.soundList} (a file overriding the packaged list of the sounds installed on
 * Asterisk), {@code ivr.serviceTimeoutMs} (5000), {@code ami.host} (unset: no Asterisk, the
 * {@code ami} health part is DISABLED; several Asterisks as {@code host[:port],host[:port]}, one link each, all feeding
 * the same switchboard — give each a distinct {@code systemname} so uniqueids never collide), {@code ami.port} (5038), {@code ami.user}, {@code ami.secret} (never logged),
 * {@code ami.standbyRetryMs} (5000: how often an instance that does not hold an Asterisk's link tries to take it over;
 * only the instance holding a PostgreSQL advisory lock per Asterisk logs in, see {@link AmiLink}),
 * {@code telephony.serviceLevelSeconds} (20), {@code telephony.shortAbandonSeconds} (5: a caller who hangs up sooner
 * is a short abandon, left out of the day's figures), {@code telephony.wrapUpSeconds} (15),
 * {@code telephony.wrapUpCapSeconds} (300: the most wrap-up one call adds to the handle time), {@code telephony.recordingsDir}
 * (unset: recordings are not served by this instance), {@code telephony.queue} (the queue
 * agents log in to, {@code hotline}), {@code hotline.timezone}. Callbacks: the thresholds of {@link CallbackThresholds},
 * {@code telephony.callbackDueMinutes} (SLA target, 30), {@code telephony.callbackAttempts} (3),
 * {@code telephony.callbackRetrySeconds} (between attempts, 120), {@code telephony.callbackDialIntervalMs} (how often
 * the dialler looks for a free agent, 1000), {@code telephony.callbackRestSeconds} (a phone just dialled gets no other
 * callback for this long, 45).
 */
public final class TelephonyModule implements Capability {

    public static final String AGI_HOST = "agi.host";
    public static final String AGI_PORT = "agi.port";
    public static final String IVR_FLOWS = "ivr.flows";
    public static final String IVR_FLOW_DIR = "ivr.flowDir";
    public static final String IVR_SOUND_LIST = "ivr.soundList";
    public static final String IVR_SERVICE_TIMEOUT_MS = "ivr.serviceTimeoutMs";
    public static final String AMI_HOST = "ami.host";
    public static final String AMI_PORT = "ami.port";
    public static final String AMI_USER = "ami.user";
    public static final String AMI_SECRET = "ami.secret";
    public static final String AMI_STANDBY_RETRY_MS = "ami.standbyRetryMs";
    public static final String SERVICE_LEVEL_SECONDS = "telephony.serviceLevelSeconds";
    public static final String WRAP_UP_SECONDS = "telephony.wrapUpSeconds";
    /** A caller who hangs up after waiting less than this many seconds is a short abandon (not in the figures). */
    public static final String SHORT_ABANDON_SECONDS = "telephony.shortAbandonSeconds";
    /** The most wrap-up time one call adds to the average handle time. */
    public static final String WRAP_UP_CAP_SECONDS = "telephony.wrapUpCapSeconds";
    /** Where this instance reads the call recordings (Asterisk's monitor directory or a mount of it). */
    public static final String RECORDINGS_DIR = "telephony.recordingsDir";
    /** The Asterisk queue agents log in to ({@code queues_hotline.conf}). */
    public static final String QUEUE = "telephony.queue";
    public static final String CALLBACK_DUE_MINUTES = "telephony.callbackDueMinutes";
    public static final String CALLBACK_ATTEMPTS = "telephony.callbackAttempts";
    public static final String CALLBACK_RETRY_SECONDS = "telephony.callbackRetrySeconds";
    public static final String CALLBACK_DIAL_INTERVAL_MS = "telephony.callbackDialIntervalMs";
    public static final String CALLBACK_REST_SECONDS = "telephony.callbackRestSeconds";

    private static final Logger log = LoggerFactory.getLogger(TelephonyModule.class);
    /** AMI events stay on the instance whose link received them: its switchboard follows those calls. */
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final Vertx vertx;
    private final Switchboard switchboard;
    private final CallbackStore callbacks;
    private final IvrAgiScript ivr;
    private final String agiHost;
    private final List<AmiLink> amis;
    /** Null without an AMI link: nothing to dial with. */
    private final CallbackDialler dialler;
    private volatile VirtualThreadAgiServer agi;
    private volatile int agiPort;

    /**
     * Reads the settings and wires telephony; {@code database} is where the AMI locks are taken, on a dedicated session
     * per Asterisk (the same database as {@code pool}); tickets and users are read through their services. A bad
     * setting or IVR flow throws here.
     */
    public TelephonyModule(Vertx vertx, Config config, Pool pool, PgConnectOptions database, Clock clock,
                           MeterRegistry meters, TicketService tickets, UserService users, IvrServices services) {
        this.vertx = vertx;
        String queue = config.string(QUEUE, "hotline");
        this.amis = amiLinks(config, database, clock);
        this.switchboard = new Switchboard(vertx, pool, clock, meters, tickets, users, this::anyConnection,
                () -> !vertx.isClustered() || amis.isEmpty() || anyConnection() != null,
                new Switchboard.Settings(queue, UtilityZone.of(config),
                        config.integer(SERVICE_LEVEL_SECONDS, 20, 1, 600),
                        config.integer(SHORT_ABANDON_SECONDS, 5, 0, 60),
                        Duration.ofSeconds(config.integer(WRAP_UP_SECONDS, 15, 0, 3600)),
                        Duration.ofSeconds(config.integer(WRAP_UP_CAP_SECONDS, 300, 0, 3600)),
                        config.string(RECORDINGS_DIR).map(Path::of).orElse(null)));
        this.callbacks = new CallbackStore(pool, clock,
                Duration.ofMinutes(config.integer(CALLBACK_DUE_MINUTES, 30, 1, 24 * 60)),
                config.integer(CALLBACK_ATTEMPTS, 3, 1, 10),
                Duration.ofSeconds(config.integer(CALLBACK_RETRY_SECONDS, 120, 1, 3600)));
        IvrFiles ivrFiles = new IvrFiles(config.string(IVR_FLOW_DIR).map(Path::of).orElse(null),
                config.string(IVR_SOUND_LIST).map(Path::of).orElse(null));
        this.ivr = IvrAgiScript.load(flowNames(config), ivrFiles,
                services, new QueueCallbackDesk(switchboard::snapshot, queue, CallbackThresholds.from(config), callbacks),
                Duration.ofMillis(config.integer(IVR_SERVICE_TIMEOUT_MS, 5_000, 100, 60_000)), meters);
        this.agiHost = config.string(AGI_HOST, "127.0.0.1");
        this.agiPort = config.port(AGI_PORT, 4573);
        this.dialler = amis.isEmpty() ? null : new CallbackDialler(vertx, switchboard::snapshot, queue, callbacks,
                this::dialBack, this::amiUp, clock,
                Duration.ofMillis(config.integer(CALLBACK_DIAL_INTERVAL_MS, 1_000, 50, 60_000)),
                Duration.ofSeconds(config.integer(CALLBACK_REST_SECONDS, 45, 0, 3600)));
    }

    /**
     * The IVR's services on this Hotline: tickets through {@code tickets}, callers through {@code customers}, open
     * incidents through {@code incidents}.
     */
    public static IvrServices hotlineServices(Vertx vertx, Pool pool, TicketService tickets, CustomerService customers,
                                              IncidentService incidents, BillingService billing, Clock clock) {
        return new TicketingIvrServices(vertx, pool, tickets, customers, incidents, billing, clock);
    }

    @Override
    public String name() {
        return "telephony";
    }

    /**
     * The HTTP routes: {@code listQueues}, {@code listCalls}, {@code changeAgentQueueState}, {@code originateCall},
     * {@code wrapUpCall}, {@code openCallInquiry}, {@code getCallRecording}, {@code listAgents},
     * {@code superviseAgentQueue}, {@code listCallbacks}, {@code summariseCallbacks}.
     */
    @Override
    public List<ApiRoutes> routes() {
        return List.of(switchboard.routes(), new CallbackRoutes(callbacks));
    }

    /** {@code agi}: where FastAGI listens and the calls in the IVR now; {@code ami}: see {@link #amiHealth}. */
    @Override
    public void registerHealth(Health health) {
        health.register("agi", false, promise -> {
            VirtualThreadAgiServer server = agi;
            JsonObject data = new JsonObject().put("listening", agiHost + ":" + agiPort);
            promise.complete(server == null ? Status.KO(data.put("detail", "not started"))
                    : Status.OK(data.put("activeCalls", server.activeCalls())));
        });
        health.register("ami", false, promise -> promise.complete(amis.isEmpty()
                ? Health.disabled("no Asterisk configured (ami.host)") : amiHealth()));
    }

    /** Starts the switchboard (so no AMI event is missed), FastAGI, then the AMI links and the callback dialler. */
    @Override
    public Future<Void> start() {
        return switchboard.start()
                .compose(started -> vertx.executeBlocking(this::listen, false))
                .map(listening -> {
                    for (AmiLink link : amis) {
                        link.start();
                        log.info("AMI link to {} starting", link.target());
                    }
                    if (dialler != null) {
                        dialler.start();
                    }
                    return null;
                });
    }

    /** Binds FastAGI (blocking: the address is looked up and the bind awaited). */
    private Void listen() {
        InetAddress address;
        try {
            address = InetAddress.getByName(agiHost);
            if (agiPort == 0) {
                agiPort = freePort(address);
            }
        } catch (IOException e) {
            throw new ConfigException("setting " + AGI_HOST + ": '" + agiHost + "' is not a usable address: " + e.getMessage());
        }
        VirtualThreadAgiServer server = new VirtualThreadAgiServer(ivr, address, agiPort);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI cannot listen on " + agiHost + ":" + agiPort + ": " + e.getMessage(), e);
        }
        agi = server;
        return null;
    }

    /** Stops the dialler, the AMI links and FastAGI (letting calls in the IVR finish), then the switchboard. */
    @Override
    public Future<Void> stop() {
        if (dialler != null) {
            dialler.stop();
        }
        return vertx.<Void>executeBlocking(() -> {
            amis.forEach(AmiLink::stop);
            VirtualThreadAgiServer server = agi;
            if (server != null) {
                server.stop();
            }
            return null;
        }, false).eventually(switchboard::stop);
    }

    private static List<String> flowNames(Config config) {
        return Arrays.stream(config.string(IVR_FLOWS, "ivr,survey").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One link per Asterisk of {@code ami.host} (none when unset), each feeding {@link TelephonyAddresses#AMI_EVENTS}. */
    private List<AmiLink> amiLinks(Config config, PgConnectOptions database, Clock clock) {
        var host = config.string(AMI_HOST);
        if (host.isEmpty()) {
            return List.of();
        }
        String user = config.string(AMI_USER).orElseThrow(() ->
                new ConfigException("setting " + AMI_USER + " (" + Config.envName(AMI_USER) + "): required when ami.host is set"));
        String secret = config.string(AMI_SECRET).orElseThrow(() ->
                new ConfigException("setting " + AMI_SECRET + " (" + Config.envName(AMI_SECRET) + "): required when ami.host is set"));
        int defaultPort = config.port(AMI_PORT, 5038);
        long standbyRetryMs = config.integer(AMI_STANDBY_RETRY_MS, 5_000, 100, 600_000);
        List<AmiLink> links = new ArrayList<>();
        for (String target : host.get().split(",")) {
            String name = target.trim();
            int colon = name.lastIndexOf(':');
            int port = defaultPort;
            if (colon > 0) {
                try {
                    port = Integer.parseInt(name.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new ConfigException("setting " + AMI_HOST + " (" + Config.envName(AMI_HOST) + "): '" + name
                            + "' is not host or host:port");
                }
                name = name.substring(0, colon);
            }
            links.add(new AmiLink(name, port, user, secret,
                    this::toSwitchboard, clock, vertx, database,
                    standbyRetryMs));
        }
        return List.copyOf(links);
    }

    /** Where every AMI event goes, from a link or from {@link SimulatedCalls}: the switchboard's address. */
    private void toSwitchboard(JsonObject event) {
        vertx.eventBus().send(TelephonyAddresses.AMI_EVENTS, event, LOCAL);
    }

    /**
     * Simulated calls for training without Asterisk ({@code --demo} only: the caller decides), fed into the
     * switchboard exactly as a link's events are.
     */
    public SimulatedCalls simulatedCalls(Clock clock) {
        return new SimulatedCalls(this::toSwitchboard, clock);
    }

    /**
     * UP when every link is connected or on standby (another instance holds it), DOWN when one should be connected
     * here and is not; {@code link} is {@code down} if any link is, else {@code standby} if any is, else
     * {@code connected}; {@code links} gives each Asterisk's state, {@code detail} names the ones not connected here.
     */
    private Status amiHealth() {
        JsonObject links = new JsonObject();
        AmiLink.State overall = AmiLink.State.CONNECTED;
        List<String> notHere = new ArrayList<>();
        for (AmiLink link : amis) {
            AmiLink.State state = link.state();
            links.put(link.target(), state.code());
            if (state != AmiLink.State.CONNECTED) {
                notHere.add(link.target() + ": " + link.lastProblem());
            }
            overall = worse(overall, state);
        }
        JsonObject data = new JsonObject().put("asterisk", new JsonArray(amis.stream().map(AmiLink::target).toList()))
                .put("link", overall.code()).put("links", links);
        if (!notHere.isEmpty()) {
            data.put("detail", String.join("; ", notHere));
        }
        return overall == AmiLink.State.DOWN ? Status.KO(data) : Status.OK(data);
    }

    /**
     * This instance's AMI links taken together: {@code down} if any is, else {@code standby} if any is (another
     * instance holds it, and with it the calls waiting and the agents' states), else {@code connected}; empty when no
     * Asterisk is configured.
     */
    public Optional<AmiLink.State> amiLink() {
        return amis.stream().map(AmiLink::state).reduce(TelephonyModule::worse);
    }

    /**
     * Where the live part of the queue board (callers waiting, agents' states) comes from, for the wallboard:
     * {@link #amiLink()}'s code, except {@code shared} on a standby of a cluster, whose board is the holder's
     * replica; {@code none} without an Asterisk.
     */
    public String boardSource() {
        Optional<AmiLink.State> link = amiLink();
        if (link.isEmpty()) {
            return "none";
        }
        return link.get() == AmiLink.State.STANDBY && vertx.isClustered() ? "shared" : link.get().code();
    }

    private static AmiLink.State worse(AmiLink.State a, AmiLink.State b) {
        if (a == AmiLink.State.DOWN || b == AmiLink.State.DOWN) {
            return AmiLink.State.DOWN;
        }
        return a == AmiLink.State.STANDBY || b == AmiLink.State.STANDBY ? AmiLink.State.STANDBY : AmiLink.State.CONNECTED;
    }

    /** A callback's Originate: its channel variables let the call record link the callback and its ticket. */
    private Future<Void> dialBack(String phone, Callback callback) {
        Map<String, String> variables = new HashMap<>();
        variables.put(ChannelVariables.VAR_CALLBACK_ID, Long.toString(callback.id()));
        if (callback.ticketNumber() != null) {
            variables.put(ChannelVariables.VAR_TICKET, callback.ticketNumber());
        }
        return switchboard.originateAndWait(phone, callback.number(), Map.copyOf(variables));
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    /** The latest {@code limit} finished calls of customer {@code customerId}, newest first. */
    public Future<List<CallRecord>> callsOfCustomer(long customerId, int limit) {
        return switchboard.callsOfCustomer(customerId, limit);
    }

    /** The callbacks of {@code status} in the dialler's order (priority, then who asked first), at most {@code limit}. */
    public Future<List<Callback>> callbacks(CallbackStatus status, int limit) {
        return callbacks.list(status, limit);
    }

    /** Callbacks still to make and overdue, as of now. */
    public Future<CallbackSummary> callbackSummary() {
        return callbacks.summary();
    }

    /** The queue board as of now, today's figures included (the body of {@code GET /api/queues}). */
    public JsonObject queueBoard() {
        return switchboard.snapshot();
    }

    /** The agents with their state, current call and today's figures (the body of {@code GET /api/agents}). */
    public Future<JsonArray> agents() {
        return switchboard.agents();
    }

    /** The port FastAGI listens on (the configured one, or the one picked for 0 once started). */
    public int agiPort() {
        return agiPort;
    }

    /** A logged-in connection for agent actions (with several Asterisks, the first that is up), or null. */
    private ManagerConnection anyConnection() {
        return amis.stream().map(AmiLink::connection).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** True while every AMI link is logged in; false when one is down or none is configured. */
    public boolean amiUp() {
        return !amis.isEmpty() && amis.stream().allMatch(AmiLink::isUp);
    }
}
