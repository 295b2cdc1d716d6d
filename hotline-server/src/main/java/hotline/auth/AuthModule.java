package hotline.auth;

import hotline.auth.internal.FirstAdmin;
import hotline.auth.internal.LoginLimits;
import hotline.auth.internal.LoginService;
import hotline.auth.internal.PasswordHasher;
import hotline.auth.internal.SessionRoutes;
import hotline.auth.internal.TokenCache;
import hotline.auth.internal.UserRoutes;
import hotline.capability.Capability;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.http.ClientAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the auth capability from the settings: {@value SessionService#SESSION_HOURS} (default 12),
 * {@value SessionService#CACHE_SECONDS} (how long a checked token is trusted without the database, default 30),
 * {@value #HASH_MEMORY_KIB} and {@value #HASH_ITERATIONS} (Argon2id cost, defaults 19456 KiB and 2),
 * {@value SessionRoutes#SECURE_COOKIE} (default false).
 * Log-in limits: see {@link LoginLimits}. {@link #start} creates the demo users (with {@code --demo}) and the first
 * admin, and schedules the hourly purge of expired sessions and old log-in failures. The API's guard is
 * {@link #guard}.
 */
public final class AuthModule implements Capability {

    public static final String HASH_MEMORY_KIB = "auth.hashMemoryKib";
    public static final String HASH_ITERATIONS = "auth.hashIterations";
    private static final int CACHE_ENTRIES = 100_000;
    private static final long PURGE_EVERY_MS = Duration.ofHours(1).toMillis();

    private static final Logger log = LoggerFactory.getLogger(AuthModule.class);

    private final Vertx vertx;
    private final Config config;
    private final UserService users;
    private final SessionService sessions;
    private final LoginService logins;
    private final boolean demoUsers;
    private long purgeTimer = -1;
    private MessageConsumer<JsonObject> endedSessions;

    /** @param demoUsers whether {@link #start} creates the demo users (the server runs with {@code --demo}) */
    public AuthModule(Vertx vertx, Pool pool, Config config, Clock clock, boolean demoUsers) {
        this.vertx = vertx;
        this.config = config;
        this.demoUsers = demoUsers;
        PasswordHasher hasher = new PasswordHasher(
                config.integer(HASH_MEMORY_KIB, PasswordHasher.DEFAULT_MEMORY_KIB, 1024, 1024 * 1024),
                config.integer(HASH_ITERATIONS, PasswordHasher.DEFAULT_ITERATIONS, 1, 20));
        TokenCache cache = new TokenCache(Duration.ofSeconds(config.integer(SessionService.CACHE_SECONDS, 30, 0, 3600)),
                CACHE_ENTRIES);
        this.sessions = new SessionService(pool, clock,
                Duration.ofHours(config.integer(SessionService.SESSION_HOURS, 12, 1, 24 * 30)), cache);
        this.users = new UserService(vertx, pool, clock, hasher, sessions);
        this.logins = new LoginService(pool, clock, LoginLimits.from(config), users, sessions);
    }

    @Override
    public String name() {
        return "auth";
    }

    /** The demo users first (with {@code --demo}), so the first admin is the demo's. */
    @Override
    public Future<Void> start() {
        purgeTimer = vertx.setPeriodic(PURGE_EVERY_MS, id -> purge()
                .onFailure(e -> log.warn("Purging expired sessions or log-in failures failed: {}", e.getMessage())));
        // Another instance ended a user's sessions: stop trusting that user's cached tokens here too.
        endedSessions = vertx.eventBus().consumer(UserService.SESSIONS_ENDED,
                ended -> sessions.forgetUser(ended.body().getLong("userId")));
        Future<Void> demo = demoUsers ? DemoUsers.create(config, users) : Future.succeededFuture();
        return demo.compose(done -> FirstAdmin.ensure(config, users));
    }

    @Override
    public Future<Void> stop() {
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
        return endedSessions == null ? Future.succeededFuture() : endedSessions.unregister();
    }

    /** Deletes expired sessions and log-in failures that no longer count (runs hourly by itself). */
    public Future<Void> purge() {
        return Future.all(sessions.purgeExpired(), logins.purgeOld())
                .onSuccess(counts -> log.debug("Purged {} expired sessions and {} old log-in failures",
                        counts.resultAt(0), counts.resultAt(1)))
                .mapEmpty();
    }

    public UserService users() {
        return users;
    }

    /** For routes outside {@code /api} (console pages, push channels) that authenticate a token themselves. */
    public SessionService sessions() {
        return sessions;
    }

    public AuthGuard guard() {
        return new AuthGuard(sessions);
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new SessionRoutes(users, logins, sessions, config.bool(SessionRoutes.SECURE_COOKIE, false),
                new ClientAddresses(config)), new UserRoutes(users));
    }
}
