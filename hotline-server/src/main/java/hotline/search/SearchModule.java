package hotline.search;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import hotline.search.internal.OutboxFeeder;
import hotline.search.internal.SearchRoutes;
import hotline.store.Database;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.util.List;

/**
 * The search capability: the index in {@code search.dir} (default {@code <data.dir>/search}), the vocabulary from
 * {@code search.vocabulary} (a file; default: the copy shipped in the jar), {@code search.threads} search workers
 * (default 2), the outbox feeder, the routes and the {@code search} health check. {@link #start} completes once the
 * index has caught up with the outbox; {@link #stop} stops the feeder, then commits and closes the index (before
 * Vert.x closes, whose shutdown would interrupt index writes still running on its workers).
 */
public final class SearchModule implements Capability {

    public static final String DIR = "search.dir";
    public static final String VOCABULARY = "search.vocabulary";
    public static final String THREADS = "search.threads";

    private final Vertx vertx;
    private final SearchIndex index;
    private final SearchService service;
    private final OutboxFeeder feeder;
    private final TicketService tickets;
    private volatile String feederDeployment;

    /** Opens the index (blocking: call from main or a worker). */
    public SearchModule(Vertx vertx, Pool pool, Config config, TicketService tickets) {
        this.vertx = vertx;
        this.tickets = tickets;
        Path dir = config.string(DIR).map(Path::of).orElse(Database.dataDir(config).resolve("search"));
        Vocabulary vocabulary = config.string(VOCABULARY).filter(path -> !path.isBlank())
                .map(path -> Vocabulary.load(Path.of(path), SearchIndex.analyzer()))
                .orElseGet(() -> Vocabulary.loadDefault(SearchIndex.analyzer()));
        this.index = SearchIndex.open(dir, vocabulary);
        this.service = new SearchService(vertx, index, config.integer(THREADS, 2, 1, 64));
        this.feeder = new OutboxFeeder(pool, service);
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void registerHealth(Health health) {
        health.register("search", false, promise -> service.run(() -> new JsonObject()
                        .put("tickets", index.size())
                        .put("appliedOutboxId", index.appliedOutboxId())
                        .put("committedOutboxId", index.committedOutboxId()))
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
        return List.of(new SearchRoutes(service, tickets, feeder));
    }

    public SearchService service() {
        return service;
    }
}
