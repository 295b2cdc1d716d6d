package hotline.store;

import hotline.config.Config;
import hotline.health.Health;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.ext.healthchecks.Status;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the data lives: the external PostgreSQL named by {@code db.url} ({@code HOTLINE_DB_URL}), or else the
 * embedded one in {@code <data.dir>/postgres}. {@link #open} starts it (if embedded) and migrates the schema;
 * {@link #close} stops an embedded server. Outages heal by themselves: an embedded server that dies is restarted by a
 * {@link PostgresWatchdog}; the pool opens new connections to either kind on demand (a lost one is dropped, never
 * kept), so requests work again as soon as the server answers, and answer 503 until then
 * ({@link DatabaseUnavailable}). Blocking: call from main or a worker.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    public static final String URL = "db.url";
    public static final String POOL_SIZE = "db.poolSize";
    public static final String DATA_DIR = "data.dir";
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final DbEndpoint endpoint;
    private final EmbeddedPostgres embedded;
    private final PostgresWatchdog watchdog;

    private Database(DbEndpoint endpoint, EmbeddedPostgres embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
        this.watchdog = embedded == null ? null : new PostgresWatchdog(embedded);
    }

    public static Database open(Config config) {
        var url = config.string(URL);
        Database database;
        if (url.isPresent()) {
            DbEndpoint endpoint;
            try {
                endpoint = DbEndpoint.fromUrl(url.get());
            } catch (IllegalArgumentException e) {
                throw new hotline.config.ConfigException("setting " + URL + " (HOTLINE_DB_URL): " + e.getMessage());
            }
            log.info("Using the external PostgreSQL at {}", endpoint);
            database = new Database(endpoint, null);
        } else {
            EmbeddedPostgres embedded = EmbeddedPostgres.start(dataDir(config));
            database = new Database(embedded.endpoint(), embedded);
        }
        try {
            Migrations.run(database.endpoint);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (database.watchdog != null) {
            database.watchdog.start();
        }
        return database;
    }

    public static Path dataDir(Config config) {
        return config.path(DATA_DIR, "var");
    }

    public DbEndpoint endpoint() {
        return endpoint;
    }

    /** A pool of Vert.x PostgreSQL connections, sized by {@code db.poolSize} (default 16). */
    public Pool pool(Vertx vertx, Config config) {
        int size = config.integer(POOL_SIZE, 16, 1, 500);
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setName("hotline-db").setShared(true))
                // A server that does not answer (host down, network cut) fails requests in seconds, not a minute.
                .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
                .connectingTo(endpoint.connectOptions())
                .using(vertx)
                .build();
    }

    /**
     * Registers the essential {@code database} part of {@code /health}: DOWN with the reason (the server restarting,
     * refused connections) while a query on {@code pool} fails.
     */
    public void registerHealth(Health health, Pool pool) {
        health.register("database", true, promise -> pool.query("SELECT 1").execute()
                .onSuccess(rows -> promise.complete(Status.OK()))
                .onFailure(failure -> promise.complete(Status.KO(new JsonObject().put("detail",
                        Optional.ofNullable(watchdog).flatMap(PostgresWatchdog::problem).orElseGet(() ->
                                "the database does not answer: " + DatabaseUnavailable.describe(failure)))))));
    }

    /** The embedded server, if this database is one (tests kill it to see it come back). */
    public Optional<EmbeddedPostgres> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
