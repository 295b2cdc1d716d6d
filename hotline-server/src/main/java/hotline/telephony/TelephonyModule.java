package hotline.telephony;

import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.UtilityZone;
import hotline.customer.CustomerService;
import hotline.incident.IncidentService;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.telephony.callback.CallbackDesk;
import hotline.telephony.callback.CallbackDialler;
import hotline.telephony.callback.CallbackStore;
import hotline.telephony.callback.CallbackThresholds;
import hotline.telephony.callback.QueueCallbackDesk;
import hotline.telephony.internal.AgentActions;
import hotline.telephony.internal.AmiLink;
import hotline.telephony.internal.CallRecordStore;
import hotline.telephony.internal.CallRecordWriter;
import hotline.telephony.internal.IvrAgiScript;
import hotline.telephony.internal.IvrFlow;
import hotline.telephony.internal.IvrFlows;
import hotline.telephony.internal.IvrInterpreter;
import hotline.telephony.internal.QueueBoard;
import hotline.telephony.internal.SwitchboardVerticle;
import hotline.telephony.internal.TelephonyRoutes;
import hotline.telephony.internal.TicketingIvrServices;
import hotline.ticket.TicketService;
import hotline.telephony.internal.VirtualThreadAgiServer;
import hotline.telephony.internal.WrapUps;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.ext.healthchecks.Status;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Telephony as the composition root sees it: the FastAGI IVR server, the AMI link, the switchboard (call records,
 * queue board, screen pops) and the {@code /api/queues} and {@code /api/calls} routes. {@link #start} blocks until
 * everything listens (call it from a plain thread); {@link #close} stops it all.
 *
 * <p>Settings (environment {@code HOTLINE_...} overrides): {@code agi.host} (default 127.0.0.1), {@code agi.port}
 * (4573; 0 picks a free port), {@code ivr.flows} (comma list, default {@code ivr,survey}), {@code ivr.flowDir} (a directory
 * overriding the packaged flows), {@code ivr.serviceTimeoutMs} (5000), {@code ami.host} (unset: no Asterisk, the
 * {@code ami} health part is DISABLED; several Asterisks as {@code host[:port],host[:port]}, one link each, all feeding
 * the same switchboard — give each a distinct {@code systemname} so uniqueids never collide), {@code ami.port} (5038), {@code ami.user}, {@code ami.secret} (never logged),
 * {@code ami.standbyRetryMs} (5000: how often an instance that does not hold an Asterisk's link tries to take it over;
 * only the instance holding a PostgreSQL advisory lock per Asterisk logs in, see {@link AmiLink}),
 * {@code telephony.serviceLevelSeconds} (20), {@code telephony.wrapUpSeconds} (15), {@code telephony.queue} (the queue
 * agents log in to, {@code hotline}), {@code hotline.timezone}. Callbacks: the thresholds of {@link CallbackThresholds},
 * {@code telephony.callbackDueMinutes} (SLA target, 30), {@code telephony.callbackAttempts} (3),
 * {@code telephony.callbackRetrySeconds} (between attempts, 120), {@code telephony.callbackDialIntervalMs} (how often
 * the dialler looks for a free agent, 1000), {@code telephony.callbackRestSeconds} (a phone just dialled gets no other
 * callback for this long, 45).
 */
public final class TelephonyModule implements AutoCloseable {

    public static final String AGI_HOST = "agi.host";
    public static final String AGI_PORT = "agi.port";
    public static final String IVR_FLOWS = "ivr.flows";
    public static final String IVR_FLOW_DIR = "ivr.flowDir";
    public static final String IVR_SERVICE_TIMEOUT_MS = "ivr.serviceTimeoutMs";
    public static final String AMI_HOST = "ami.host";
    public static final String AMI_PORT = "ami.port";
    public static final String AMI_USER = "ami.user";
    public static final String AMI_SECRET = "ami.secret";
    public static final String AMI_STANDBY_RETRY_MS = "ami.standbyRetryMs";
    public static final String SERVICE_LEVEL_SECONDS = "telephony.serviceLevelSeconds";
    public static final String WRAP_UP_SECONDS = "telephony.wrapUpSeconds";
    /** The Asterisk queue agents log in to ({@code queues_hotline.conf}). */
    public static final String QUEUE = "telephony.queue";
    public static final String CALLBACK_DUE_MINUTES = "telephony.callbackDueMinutes";
    public static final String CALLBACK_ATTEMPTS = "telephony.callbackAttempts";
    public static final String CALLBACK_RETRY_SECONDS = "telephony.callbackRetrySeconds";
    public static final String CALLBACK_DIAL_INTERVAL_MS = "telephony.callbackDialIntervalMs";
    public static final String CALLBACK_REST_SECONDS = "telephony.callbackRestSeconds";

    private static final Logger log = LoggerFactory.getLogger(TelephonyModule.class);

    private final Vertx vertx;
    private final SwitchboardVerticle switchboard;
    private final CallRecordStore calls;
    private final Pool pool;
    private final String queue;
    private final TicketService tickets;
    private final Clock clock;
    private final CallbackStore callbacks;
    private final AgentActions agentActions;
    private CallbackDialler dialler;
    private VirtualThreadAgiServer agi;
    private final List<AmiLink> amis = new java.util.ArrayList<>();
    private String switchboardDeployment;
    private String writerDeployment;
    private int agiPort;

    private TelephonyModule(Vertx vertx, SwitchboardVerticle switchboard, CallRecordStore calls, Pool pool, String queue,
                            TicketService tickets, Clock clock, CallbackStore callbacks) {
        this.vertx = vertx;
        this.callbacks = callbacks;
        this.agentActions = new AgentActions(vertx, pool, queue, this::anyConnection);
        this.tickets = tickets;
        this.clock = clock;
        this.switchboard = switchboard;
        this.calls = calls;
        this.pool = pool;
        this.queue = queue;
    }

    /**
     * Starts telephony; {@code database} is where the AMI locks are taken, on a dedicated session per Asterisk (the
     * same database as {@code pool}).
     */
    public static TelephonyModule start(Vertx vertx, Config config, Pool pool, PgConnectOptions database, Clock clock,
                                        MeterRegistry meters, Health health, TicketService tickets, IvrServices services) {
        Map<String, IvrFlow> flows = IvrFlows.load(flowNames(config), config.string(IVR_FLOW_DIR).map(java.nio.file.Path::of).orElse(null));
        QueueBoard board = new QueueBoard(clock, UtilityZone.of(config),
                config.integer(SERVICE_LEVEL_SECONDS, 20, 1, 600),
                Duration.ofSeconds(config.integer(WRAP_UP_SECONDS, 15, 0, 3600)));
        CallRecordStore store = new CallRecordStore(pool, clock);
        CallRecordWriter writer = new CallRecordWriter(store);
        CallbackStore callbacks = new CallbackStore(pool, clock,
                Duration.ofMinutes(config.integer(CALLBACK_DUE_MINUTES, 30, 1, 24 * 60)),
                config.integer(CALLBACK_ATTEMPTS, 3, 1, 10),
                Duration.ofSeconds(config.integer(CALLBACK_RETRY_SECONDS, 120, 1, 3600)));
        String queue = config.string(QUEUE, "hotline");
        TelephonyModule module = new TelephonyModule(vertx, new SwitchboardVerticle(board, writer, pool, meters), store,
                pool, queue, tickets, clock, callbacks);
        try {
            module.writerDeployment = join(vertx.deployVerticle(writer));
            module.switchboardDeployment = join(vertx.deployVerticle(module.switchboard));
            module.startAgi(config, flows, services, new QueueCallbackDesk(module.switchboard::snapshot, queue,
                    CallbackThresholds.from(config), callbacks), meters, health);
            module.startAmi(config, database, clock, health);
            module.startDialler(config);
            return module;
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    /**
     * The IVR's services on this Hotline: tickets through {@code tickets}, callers through {@code customers}, open
     * incidents through {@code incidents}.
     */
    public static IvrServices hotlineServices(Vertx vertx, Pool pool, TicketService tickets, CustomerService customers,
                                              IncidentService incidents, Clock clock) {
        return new TicketingIvrServices(vertx, pool, tickets, customers, incidents, clock);
    }

    private static List<String> flowNames(Config config) {
        return Arrays.stream(config.string(IVR_FLOWS, "ivr,survey").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void startAgi(Config config, Map<String, IvrFlow> flows, IvrServices services, CallbackDesk desk,
                          MeterRegistry meters, Health health) {
        Duration timeout = Duration.ofMillis(config.integer(IVR_SERVICE_TIMEOUT_MS, 5_000, 100, 60_000));
        Map<String, IvrInterpreter> interpreters = new LinkedHashMap<>();
        flows.forEach((name, flow) -> interpreters.put(name, new IvrInterpreter(flow, services, desk, timeout)));
        IvrAgiScript script = new IvrAgiScript(interpreters, meters);
        String host = config.string(AGI_HOST, "127.0.0.1");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
            int port = config.port(AGI_PORT, 4573);
            agiPort = port == 0 ? freePort(address) : port;
        } catch (IOException e) {
            throw new ConfigException("setting " + AGI_HOST + ": '" + host + "' is not a usable address: " + e.getMessage());
        }
        agi = new VirtualThreadAgiServer(script, address, agiPort);
        try {
            agi.start();
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI cannot listen on " + host + ":" + agiPort + ": " + e.getMessage(), e);
        }
        health.register("agi", false, promise -> promise.complete(Status.OK(new JsonObject()
                .put("listening", host + ":" + agiPort).put("activeCalls", agi.activeCalls()))));
    }

    private void startAmi(Config config, PgConnectOptions database, Clock clock, Health health) {
        var host = config.string(AMI_HOST);
        if (host.isEmpty()) {
            health.register("ami", false, promise -> promise.complete(Health.disabled("no Asterisk configured (ami.host)")));
            return;
        }
        String user = config.string(AMI_USER).orElseThrow(() ->
                new ConfigException("setting " + AMI_USER + " (" + Config.envName(AMI_USER) + "): required when ami.host is set"));
        String secret = config.string(AMI_SECRET).orElseThrow(() ->
                new ConfigException("setting " + AMI_SECRET + " (" + Config.envName(AMI_SECRET) + "): required when ami.host is set"));
        int defaultPort = config.port(AMI_PORT, 5038);
        long standbyRetryMs = config.integer(AMI_STANDBY_RETRY_MS, 5_000, 100, 600_000);
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
            AmiLink link = new AmiLink(name, port, user, secret,
                    event -> vertx.eventBus().send(TelephonyAddresses.AMI_EVENTS, event), clock, vertx, database,
                    standbyRetryMs);
            amis.add(link);
            link.start();
            log.info("AMI link to {} starting (user {})", link.target(), user);
        }
        health.register("ami", false, promise -> promise.complete(amiHealth()));
    }

    /**
     * UP when every link is connected or on standby (another instance holds it), DOWN when one should be connected
     * here and is not; {@code link} is {@code down} if any link is, else {@code standby} if any is, else
     * {@code connected}; {@code links} gives each Asterisk's state, {@code detail} names the ones not connected here.
     */
    private Status amiHealth() {
        JsonObject links = new JsonObject();
        AmiLink.State overall = AmiLink.State.CONNECTED;
        List<String> notHere = new java.util.ArrayList<>();
        for (AmiLink link : amis) {
            AmiLink.State state = link.state();
            links.put(link.target(), state.code());
            if (state != AmiLink.State.CONNECTED) {
                notHere.add(link.target() + ": " + link.lastProblem());
                overall = state == AmiLink.State.DOWN ? state : overall == AmiLink.State.DOWN ? overall : state;
            }
        }
        JsonObject data = new JsonObject().put("asterisk", new JsonArray(amis.stream().map(AmiLink::target).toList()))
                .put("link", overall.code()).put("links", links);
        if (!notHere.isEmpty()) {
            data.put("detail", String.join("; ", notHere));
        }
        return overall == AmiLink.State.DOWN ? Status.KO(data) : Status.OK(data);
    }

    /** Dials pending callbacks through free agents while an AMI link is up (none configured: nothing to dial with). */
    private void startDialler(Config config) {
        if (amis.isEmpty()) {
            return;
        }
        dialler = new CallbackDialler(vertx, switchboard::snapshot, queue, callbacks, agentActions::originateAndWait,
                this::amiUp, clock, Duration.ofMillis(config.integer(CALLBACK_DIAL_INTERVAL_MS, 1_000, 50, 60_000)),
                Duration.ofSeconds(config.integer(CALLBACK_REST_SECONDS, 45, 0, 3600)));
        dialler.start();
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    /**
     * The HTTP routes: {@code listQueues}, {@code listCalls}, {@code changeAgentQueueState}, {@code originateCall},
     * {@code wrapUpCall}, {@code openCallInquiry}, {@code listCallbacks}.
     */
    public ApiRoutes routes() {
        return new TelephonyRoutes(switchboard::snapshot, calls, agentActions, new WrapUps(pool, tickets, clock), callbacks);
    }

    /** The port FastAGI listens on (the configured one, or the one picked for 0). */
    public int agiPort() {
        return agiPort;
    }

    /** A logged-in connection for agent actions (with several Asterisks, the first that is up), or null. */
    private org.asteriskjava.manager.ManagerConnection anyConnection() {
        return amis.stream().map(AmiLink::connection).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** True while every AMI link is logged in; false when one is down or none is configured. */
    public boolean amiUp() {
        return !amis.isEmpty() && amis.stream().allMatch(AmiLink::isUp);
    }

    @Override
    public void close() {
        if (dialler != null) {
            dialler.stop();
        }
        amis.forEach(AmiLink::stop);
        if (agi != null) {
            agi.stop();
        }
        if (switchboardDeployment != null) {
            join(vertx.undeploy(switchboardDeployment));
        }
        if (writerDeployment != null) {
            // stopping the writer flushes the calls still pending
            join(vertx.undeploy(writerDeployment));
        }
    }
}
