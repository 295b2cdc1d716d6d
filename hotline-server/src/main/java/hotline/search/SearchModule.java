package hotline.search;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.search.internal.OutboxFeeder;
import hotline.search.internal.SearchFeeds;
import hotline.search.internal.SearchRoutes;
import hotline.store.Database;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The search capability: the index in {@code search.dir} (default {@code <data.dir>/search}), the vocabulary from
 * {@code search.vocabulary} (a file; default: the copy shipped in the jar), {@code search.threads} search workers
 * (default 2), the outbox feeder, the routes and the {@code search} health check (how far the index lags). Every
 * {@code search.heartbeatSeconds} (default 10) the instance records its position and prunes the outbox rows every
 * instance has applied; an instance silent for {@code search.instanceExpirySeconds} (default 3600) stops holding the
 * outbox back and rebuilds its index when it returns. {@link #start} completes once the index has caught up with the
 * outbox (or been rebuilt); {@link #stop} stops the feeder, then commits and closes the index (before Vert.x closes,
 * whose shutdown would interrupt index writes still running on its workers).
 */
public final class SearchModule implements Capability {

    public static final String DIR = "search.dir";
    public static final String VOCABULARY = "search.vocabulary";
    public static final String THREADS = "search.threads";
    public static final String HEARTBEAT_SECONDS = "search.heartbeatSeconds";
    public static final String INSTANCE_EXPIRY_SECONDS = "search.instanceExpirySeconds";

    private final Vertx vertx;
    private final SearchIndex index;
    private final SearchService service;
    private final OutboxFeeder feeder;
    private final TicketService tickets;
    private final Clock clock;
    private volatile String feederDeployment;

    /** Opens the index (blocking: call from main or a worker); {@code clock} times a rebuild's progress. */
    public SearchModule(Vertx vertx, Pool pool, Config config, TicketService tickets, Clock clock) {
        this.vertx = vertx;
        this.tickets = tickets;
        Path dir = config.string(DIR).map(Path::of).orElse(Database.dataDir(config).resolve("search"));
        Vocabulary vocabulary = config.string(VOCABULARY).filter(path -> !path.isBlank())
                .map(path -> Vocabulary.load(Path.of(path), SearchIndex.analyzer()))
                .orElseGet(() -> Vocabulary.loadDefault(SearchIndex.analyzer()));
        this.index = SearchIndex.open(dir, vocabulary);
        this.service = new SearchService(vertx, index, config.integer(THREADS, 2, 1, 64));
        int heartbeat = config.integer(HEARTBEAT_SECONDS, 10, 1, 3_600);
        // Several missed heartbeats, not one slow one, make an instance count as gone.
        int expiry = config.integer(INSTANCE_EXPIRY_SECONDS, 3_600, 3 * heartbeat, 30 * 86_400);
        this.feeder = new OutboxFeeder(pool, service, new SearchFeeds(pool, index.instanceId(), expiry),
                heartbeat * 1_000L, clock);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void registerHealth(Health health) {
        health.register("search", false, promise -> service.run(() -> new JsonObject().put("tickets", index.size()))
                .compose(data -> feeder.status().map(data::mergeIn))
                .onSuccess(data -> promise.complete(Status.OK(data)))
                .onFailure(promise::fail));
    }

    /** Deploys the feeder; completes once the index has caught up with the outbox. */
    @Override
    public Future<Void> start() {
        return vertx.deployVerticle(feeder).onSuccess(id -> feederDeployment = id).mapEmpty();
    }

    /** Stops feeding (work in flight finishes), then commits and closes the index on a worker. */
    @Override
    public Future<Void> stop() {
        Future<Void> stopped = feederDeployment == null ? Future.succeededFuture() : vertx.undeploy(feederDeployment);
        return stopped.compose(done -> vertx.executeBlocking(() -> {
            index.close();
            return null;
        }));
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new SearchRoutes(service, tickets, feeder, clock));
    }

    public SearchService service() {
        return service;
    }

    /** Rebuilding this instance's index, and how far a rebuild has got. */
    public Reindexing reindexing() {
        return feeder;
    }
}
