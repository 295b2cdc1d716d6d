package hotline.testing;

import hotline.App;
import hotline.store.DbEndpoint;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A whole Hotline server for the tests of a class, started by {@link TestApp} (own fresh database on the embedded
 * PostgreSQL, free ports, own data directory) and closed after them.
 *
 * <p>With {@code @ExtendWith(HotlineServerExtension.class)} the server has the default test settings. To change
 * settings or the clock, register a configured one instead:
 * <pre>{@code
 * @RegisterExtension
 * static final HotlineServerExtension server = new HotlineServerExtension().withSettings(settings).withClock(clock);
 * }</pre>
 * On a {@code static} field (or with {@code @ExtendWith}) one server serves every test of the class; on an instance
 * field each test gets a server of its own. Tests take the {@link App} as a parameter of a test, {@code @BeforeAll}
 * or {@code @BeforeEach} method (or from {@link #app()}); clients, ports and clock hang off it
 * ({@code ApiClient.as(app, role)}, {@code app.httpPort()}, {@code app.clock()}). Use it from test threads only:
 * start-up blocks.
 */
public final class HotlineServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Callable<JsonObject> settings;
    private final Clock clock;
    private final List<App> others = new ArrayList<>();
    private JsonObject started;
    private DbEndpoint database;
    private App app;
    private boolean perTest;

    /** A server with the default test settings on the system clock. */
    public HotlineServerExtension() {
        this(JsonObject::new, Clock.systemUTC());
    }

    private HotlineServerExtension(Callable<JsonObject> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The same server with {@code settings} merged over the test defaults, written as in {@code conf/hotline.json}. */
    public HotlineServerExtension withSettings(JsonObject settings) {
        JsonObject copy = settings.copy();
        return new HotlineServerExtension(copy::copy, clock);
    }

    /**
     * The same server with settings computed when it starts, for values known only then (such as the port of a peer
     * the callable starts first). A callable that fails an assumption skips the tests.
     */
    public HotlineServerExtension withSettings(Callable<JsonObject> settings) {
        return new HotlineServerExtension(settings, clock);
    }

    /** The same server on {@code clock}; a {@link MovableClock} makes time pass without waiting. */
    public HotlineServerExtension withClock(Clock clock) {
        return new HotlineServerExtension(settings, clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // Only an extension on an instance field misses beforeAll: it serves this one test.
        if (app == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws Exception {
        started = settings.call();
        database = TestDatabase.fresh();
        app = TestApp.start(started.copy(), clock, database);
    }

    private void stop() {
        others.forEach(App::close);
        others.clear();
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** The running server. */
    public App app() {
        if (app == null) {
            throw new IllegalStateException("the test server is not running (is the extension registered?)");
        }
        return app;
    }

    /**
     * Closes the server and starts it again on the same database, with {@code settings} merged over this extension's:
     * for the one test that needs another setting. Closed after the tests like the first.
     */
    public App restart(JsonObject settings) {
        app().close();
        app = null; // if the new start fails, there is nothing left to close
        app = TestApp.start(started.copy().mergeIn(settings.copy(), true), clock, database);
        return app;
    }

    /** Another instance on the same database, settings and clock (as several servers share the work); closed with this. */
    public App startAnother() {
        App another = TestApp.start(started.copy(), clock, database);
        others.add(another);
        return another;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == App.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (app == null) {
            throw new ParameterResolutionException("the test server is not running yet: an extension on an instance "
                    + "field starts it before each test, not before all");
        }
        return app;
    }
}
