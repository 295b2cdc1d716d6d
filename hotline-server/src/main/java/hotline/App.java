package hotline;

import hotline.auth.AuthModule;
import hotline.capability.Capability;
import hotline.config.Config;
import hotline.console.ConsoleCapability;
import hotline.customer.CustomerService;
import hotline.customer.TierRules;
import hotline.customer.internal.CustomerRoutes;
import hotline.demo.DemoData;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.http.ApiVerticle;
import hotline.search.SearchModule;
import hotline.store.Database;
import hotline.telephony.TelephonyModule;
import hotline.ticket.TicketRoutes;
import hotline.ticket.TicketService;
import hotline.ticket.workflow.WorkflowModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.healthchecks.Status;
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
import java.util.List;

/**
 * The composition root: starts the database, Vert.x and every capability, and stops them in reverse order.
 * {@link #start} blocks until the server listens; call it from a plain thread (main, a test), not an event loop.
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
    private AuthModule auth;
    private TicketService tickets;
    private WorkflowModule workflows;
    private TelephonyModule telephony;
    private SearchModule search;
    private int httpPort;
    private String apiDeployment;
    private CustomerService customers;

    private App(Config config, Database database, Vertx vertx, Clock clock) {
        this.config = config;
        this.database = database;
        this.vertx = vertx;
        this.clock = clock;
        this.pool = database.pool(vertx, config);
        this.meters = BackendRegistries.getDefaultNow();
        this.health = new Health(vertx);
    }

    /** Starts everything; with {@code demo} the demo users and data are loaded first (once). */
    public static App start(Config config, boolean demo) {
        return start(config, demo, Clock.systemUTC());
    }

    public static App start(Config config, boolean demo, Clock clock) {
        Database database = Database.open(config);
        Vertx vertx;
        try {
            vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(metricsOptions()))
                    .withMetrics(new MicrometerMetricsFactory())
                    .build();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        App app = new App(config, database, vertx, clock);
        try {
            app.startServices(demo);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
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
        health.register("database", true, promise -> pool.query("SELECT 1").execute()
                .onSuccess(rows -> promise.complete(Status.OK()))
                .onFailure(promise::fail));

        List<Handler<RoutingContext>> guards = new ArrayList<>();
        List<ApiRoutes> apis = new ArrayList<>();
        List<Handler<Router>> pages = new ArrayList<>();

        auth = new AuthModule(vertx, pool, config, clock);
        await(auth.start(demo));
        guards.add(auth.guard());
        apis.addAll(auth.routes());
        ZoneId zone = ZoneId.of(config.string(TicketService.TIMEZONE, TicketService.DEFAULT_TIMEZONE));
        tickets = new TicketService(vertx, pool, clock, zone, meters);
        workflows = new WorkflowModule(config, vertx, pool, clock, zone, tickets);
        apis.add(new TicketRoutes(tickets, List.of(workflows.view())));
        apis.addAll(workflows.routes());

        customers = new CustomerService(vertx, pool, TierRules.load(config), clock);
        customers.addListener(workflows.sla()::customerChanged);
        apis.add(new CustomerRoutes(customers));
        telephony = new TelephonyModule(vertx, config, pool, database.endpoint().connectOptions(), clock, meters,
                tickets, auth.users(),
                TelephonyModule.hotlineServices(vertx, pool, tickets, customers, workflows.incidents(), clock));
        telephony.registerHealth(health);
        await(telephony.start());
        apis.addAll(telephony.routes());
        pages.add(CustomerRoutes::mountImportBody);

        search = new SearchModule(vertx, pool, config, tickets);
        await(search.start(health));
        apis.add(search.routes());
        Capability console = startCapability(new ConsoleCapability(vertx, config, clock, zone, auth.sessions(),
                auth.users(), customers, tickets, workflows.incidents(), search.service(), workflows.followUps(),
                telephony, demo ? telephony.simulatedCalls(clock) : null));
        apis.addAll(console.routes());
        pages.addAll(console.pages());

        if (demo) {
            await(DemoData.loadOnce(config, vertx, pool, zone, customers, clock));
        }

        int instances = config.integer(HTTP_INSTANCES, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 64);
        List<ApiVerticle> deployed = java.util.Collections.synchronizedList(new ArrayList<>());
        apiDeployment = await(vertx.deployVerticle(() -> {
            ApiVerticle verticle = new ApiVerticle(config, health, guards, apis, pages);
            deployed.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(instances)));
        httpPort = deployed.getFirst().actualPort();
        workflows.start();
        log.info("Hotline listening on http://{}:{}/ (API contract at /api/openapi.yaml)",
                config.string(ApiVerticle.HTTP_HOST, "127.0.0.1"), httpPort);
    }

    private static Capability startCapability(Capability capability) {
        await(capability.start());
        return capability;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Users and sessions (tests create users through it). */
    public AuthModule auth() {
        return auth;
    }

    /** Customers: caller-ID lookup, tiers; built during {@link #start}. */
    public CustomerService customers() {
        return customers;
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
        return tickets;
    }

    public TelephonyModule telephony() {
        return telephony;
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** Full-text search over the tickets (the index is fed from the outbox). */
    public SearchModule search() {
        return search;
    }

    /**
     * Stops the HTTP servers (in-flight requests finish), telephony, the search index (committed), Vert.x, and
     * last the embedded database.
     */
    @Override
    public void close() {
        try {
            if (apiDeployment != null) {
                await(vertx.undeploy(apiDeployment));
            }
            if (telephony != null) {
                await(telephony.stop());
            }
            if (search != null) {
                await(search.stopFeeding());
                search.close();
            }
        } catch (RuntimeException e) {
            log.warn("A capability did not stop cleanly: {}", e.getMessage());
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
