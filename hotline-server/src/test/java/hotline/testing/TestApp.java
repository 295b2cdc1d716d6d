package hotline.testing;

import hotline.App;
import hotline.config.Config;
import hotline.store.DbEndpoint;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole Hotline server for HTTP tests: its own fresh database on the shared embedded PostgreSQL, a free port on
 * 127.0.0.1, its own data directory. Settings can be added as in {@code conf/hotline.json}. Test classes take their
 * server from {@link HotlineServerExtension}; start one here only for a test that needs a server of its own.
 */
public final class TestApp {

    public static final String MANAGEMENT_TOKEN = "test-management-token";
    public static final String ADMIN_PASSWORD = "quiet-harbour-meadow-72";

    private TestApp() {
    }

    public static App start() {
        return start(new JsonObject(), Clock.systemUTC());
    }

    public static App start(JsonObject settings, Clock clock) {
        return start(settings, clock, TestDatabase.fresh());
    }

    public static App start(JsonObject settings, Clock clock, DbEndpoint database) {
        return start(settings, clock, database, false);
    }

    /** With {@code demo}, the demo users and data are loaded as {@code --demo} does. */
    public static App start(JsonObject settings, Clock clock, DbEndpoint database, boolean demo) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("hotline-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject file = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("instances", 1))
                .put("agi", new JsonObject().put("port", 0))
                .put("data", new JsonObject().put("dir", dataDir.toString()))
                .put("db", new JsonObject().put("url", database.url()).put("poolSize", 8))
                .put("admin", new JsonObject().put("password", ADMIN_PASSWORD))
                .put("management", new JsonObject().put("token", MANAGEMENT_TOKEN))
                // Cheap password hashes: every ApiClient.as(...) creates a user and logs in.
                .put("auth", new JsonObject().put("hashMemoryKib", 1024).put("hashIterations", 1))
                .mergeIn(settings, true);
        Map<String, String> env = new HashMap<>();
        return App.start(new Config(file, env), demo, clock);
    }
}
