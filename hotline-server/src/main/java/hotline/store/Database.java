package hotline.store;

import hotline.config.Config;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Where the data lives: the external PostgreSQL named by {@code db.url} ({@code HOTLINE_DB_URL}), or else the
 * embedded one in {@code <data.dir>/postgres}. {@link #open} starts it (if embedded) and migrates the schema;
 * {@link #close} stops an embedded server. Blocking: call from main or a worker.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    public static final String URL = "db.url";
    public static final String POOL_SIZE = "db.poolSize";
    public static final String DATA_DIR = "data.dir";

    private final DbEndpoint endpoint;
    private final EmbeddedPostgres embedded;

    private Database(DbEndpoint endpoint, EmbeddedPostgres embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
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
                .connectingTo(endpoint.connectOptions())
                .using(vertx)
                .build();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
