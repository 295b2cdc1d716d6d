package hotline;

import hotline.app.TicketWork;
import hotline.auth.AuthModule;
import hotline.billing.BillingModule;
import hotline.billing.BillingService;
import hotline.capability.Capability;
import hotline.cluster.ClusterHealth;
import hotline.cluster.ClusterSettings;
import hotline.cluster.HazelcastSetup;
import hotline.config.Config;
import hotline.config.UtilityZone;
import hotline.console.ConsoleCapability;
import hotline.customer.CustomerModule;
import hotline.customer.CustomerService;
import hotline.demo.DemoModule;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.http.ApiVerticle;
import hotline.reports.ReportsModule;
import hotline.search.SearchModule;
import hotline.store.Database;
import hotline.telephony.TelephonyModule;
import hotline.ticket.TicketModule;
import hotline.ticket.TicketService;
import hotline.ticket.workflow.Workflows;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * The composition root: opens the database and Vert.x, builds every capability, registers their health checks,
 * starts them one after another in the order {@code capabilities} lists them, then serves their routes;
 * {@link #close} stops them in reverse order. {@link #start} blocks until the server listens; call it from a plain
 * thread (main, a test), not an event loop.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    public static final String HTTP_INSTANCES = "http.instances";

    private final Config config;
    private final Database database;
    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Health health;
    private List<Capability> capabilities = List.of();
    private AuthModule auth;
    private CustomerModule customers;
    private BillingModule billing;
    private TicketModule tickets;
    private TelephonyModule telephony;
    private SearchModule search;
    private ReportsModule reports;
    private int httpPort;
    private OptionalInt managementPort = OptionalInt.empty();
    private String apiDeployment;

    private App(Config config, Database database, Vertx vertx, Clock clock) {
        this.config = config;
        this.database = database;
        this.vertx = vertx;
        this.clock = clock;
        this.pool = database.pool(vertx, config);
        this.meters = BackendRegistries.getDefaultNow();
        this.health = new Health(vertx);
    }

    /** Starts everything; with {@code demo} the demo users and the demo history are loaded as well (once). */
    public static App start(Config config, boolean demo) {
        return start(config, demo, Clock.systemUTC());
    }

    public static App start(Config config, boolean demo, Clock clock) {
        Database database = Database.open(config);
        Vertx vertx;
        ClusterSettings cluster;
        ClusterManager clusterManager;
        try {
            cluster = ClusterSettings.from(config);
            clusterManager = cluster.enabled() ? HazelcastSetup.clusterManager(cluster) : null;
            vertx = vertx(cluster, clusterManager);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        App app = new App(config, database, vertx, clock);
        ClusterHealth.register(app.health, cluster, clusterManager);
        try {
            app.startServices(demo);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Vert.x, joined through {@code manager} to the other instances of the hotline when {@code cluster.enabled}
     * ({@link ClusterSettings}); otherwise ({@code manager} null) with a local event bus and no Hazelcast at all.
     */
    private static Vertx vertx(ClusterSettings cluster, ClusterManager manager) {
        VertxOptions options = new VertxOptions().setMetricsOptions(metricsOptions());
        VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory());
        if (!cluster.enabled()) {
            return builder.with(options).build();
        }
        long started = System.nanoTime();
        Vertx clustered = await(builder.with(HazelcastSetup.eventBus(options, cluster))
                .withClusterManager(manager).buildClustered());
        log.info("Joined cluster '{}' on {}:{} in {} ms", cluster.name(), cluster.host(), cluster.port(),
                (System.nanoTime() - started) / 1_000_000);
        return clustered;
    }

    private static MicrometerMetricsOptions metricsOptions() {
        return new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .addLabels(Label.HTTP_ROUTE)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)
                        .setPublishQuantiles(true));
    }

    private void startServices(boolean demo) {
        database.registerHealth(health, pool);
        capabilities = capabilities(demo);
        capabilities.forEach(capability -> capability.registerHealth(health));
        for (Capability capability : capabilities) {
            await(capability.start());
        }
        deployApi();
    }

    /**
     * Every capability, in start-up order: each starts once those before it have. The SLA capability comes last
     * although others are built on it: its scheduler starts scanning only when everything else, the demo history
     * included, is in place.
     */
    private List<Capability> capabilities(boolean demo) {
        ZoneId zone = UtilityZone.of(config);
        auth = new AuthModule(vertx, pool, config, clock, demo);
        customers = new CustomerModule(vertx, pool, config, clock);
        billing = new BillingModule(vertx, pool, config, clock, zone, customers.service());
        tickets = new TicketModule(vertx, pool, clock, zone, meters);
        TicketWork work = new TicketWork(config, vertx, pool, clock, zone, tickets.service());
        work.checkReassignmentsWith(auth.users());
        work.ticketViews().forEach(tickets::extendView);
        tickets.takeDetailsWith(Workflows::intake);
        customers.service().addListener(work.sla().tracker()::customerChanged);
        telephony = new TelephonyModule(vertx, config, pool, database.endpoint().connectOptions(), clock, meters,
                tickets.service(), auth.users(), TelephonyModule.hotlineServices(vertx, pool, tickets.service(),
                customers.service(), work.incidents().service(), billing.service(), clock));
        search = new SearchModule(vertx, pool, config, tickets.service(), clock);
        reports = new ReportsModule(vertx, pool, config, clock, zone);
        ConsoleCapability console = new ConsoleCapability(vertx, config, clock, zone, auth.sessions(), auth.users(),
                customers.service(), tickets.service(), work.incidents().service(), search.service(),
                work.ticketViews(), work.crews().service(), work.followUps().service(), telephony, billing.service(),
                reports.service(), demo ? telephony.simulatedCalls(clock) : null, search.reindexing(),
                work.surveillance().alerts(), work.sla());
        DemoModule demoData = new DemoModule(demo, config, vertx, pool, zone, customers.service(), billing.service(),
                clock);
        return List.of(auth, customers, billing, tickets, work.workflows(), work.crews(), work.incidents(),
                work.followUps(), work.surveillance(), telephony, search, console, demoData, reports, work.sla());
    }

    /** One API verticle per event loop ({@value #HTTP_INSTANCES}), serving every capability's routes. */
    private void deployApi() {
        List<ApiRoutes> apis = capabilities.stream().flatMap(capability -> capability.routes().stream()).toList();
        List<Handler<Router>> pages = capabilities.stream().flatMap(capability -> capability.pages().stream()).toList();
        int instances = config.integer(HTTP_INSTANCES, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 64);
        List<Handler<RoutingContext>> guards = List.of(auth.guard());
        List<ApiVerticle> deployed = Collections.synchronizedList(new ArrayList<>());
        apiDeployment = await(vertx.deployVerticle(() -> {
            ApiVerticle verticle = new ApiVerticle(config, health, guards, apis, pages);
            deployed.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(instances)));
        httpPort = deployed.getFirst().actualPort();
        managementPort = deployed.getFirst().managementPort();
        log.info("Hotline listening on http://{}:{}/ (API contract at /api/openapi.yaml)",
                config.string(ApiVerticle.HTTP_HOST, "127.0.0.1"), httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    /** The management port (health detail and metrics without a token), when one is configured. */
    public OptionalInt managementPort() {
        return managementPort;
    }

    /** Users and sessions (tests create users through it). */
    public AuthModule auth() {
        return auth;
    }

    /** Customers: caller-ID lookup, tiers; built during {@link #start}. */
    public CustomerService customers() {
        return customers.service();
    }

    /** Bills, payments and readings from the utility's billing system. */
    public BillingService billing() {
        return billing.service();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Pool pool() {
        return pool;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    /** The ticket service; add {@link hotline.ticket.TicketListener}s before the server takes traffic. */
    public TicketService tickets() {
        return tickets.service();
    }

    public TelephonyModule telephony() {
        return telephony;
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** The reports and their roll-ups' catch-up job. */
    public ReportsModule reports() {
        return reports;
    }

    /** Full-text search over the tickets (the index is fed from the outbox). */
    public SearchModule search() {
        return search;
    }

    /**
     * Stops the HTTP servers (in-flight requests finish), then every capability in reverse start-up order (the SLA
     * scheduler first, the search index committed), Vert.x, and last the embedded database.
     */
    @Override
    public void close() {
        try {
            if (apiDeployment != null) {
                await(vertx.undeploy(apiDeployment));
            }
        } catch (RuntimeException e) {
            log.warn("The HTTP servers did not stop cleanly: {}", e.getMessage());
        }
        for (Capability capability : capabilities.reversed()) {
            try {
                await(capability.stop());
            } catch (RuntimeException e) {
                log.warn("Capability {} did not stop cleanly: {}", capability.name(), e.getMessage());
            }
        }
        try {
            await(vertx.close());
        } catch (RuntimeException e) {
            log.warn("Vert.x did not stop cleanly: {}", e.getMessage());
        } finally {
            database.close();
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
