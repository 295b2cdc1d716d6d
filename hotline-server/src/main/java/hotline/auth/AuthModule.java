package hotline.auth;

import hotline.auth.internal.TokenCache;
import hotline.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds the auth capability from the settings: {@value SessionService#SESSION_HOURS} (default 12),
 * {@value SessionService#CACHE_SECONDS} (how long a checked token is trusted without the database, default 30),
 * {@value #HASH_MEMORY_KIB} and {@value #HASH_ITERATIONS} (Argon2id cost, defaults 19456 KiB and 2).
 * {@link #start} creates the first admin and schedules the hourly purge of expired sessions.
 */
public final class AuthModule {

    public static final String HASH_MEMORY_KIB = "auth.hashMemoryKib";
    public static final String HASH_ITERATIONS = "auth.hashIterations";
    private static final int CACHE_ENTRIES = 100_000;
    private static final long PURGE_EVERY_MS = Duration.ofHours(1).toMillis();

    private static final Logger log = LoggerFactory.getLogger(AuthModule.class);

    private final Vertx vertx;
    private final Config config;
    private final UserService users;
    private final SessionService sessions;

    public AuthModule(Vertx vertx, Pool pool, Config config, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        PasswordHasher hasher = new PasswordHasher(
                config.integer(HASH_MEMORY_KIB, PasswordHasher.DEFAULT_MEMORY_KIB, 1024, 1024 * 1024),
                config.integer(HASH_ITERATIONS, PasswordHasher.DEFAULT_ITERATIONS, 1, 20));
        TokenCache cache = new TokenCache(Duration.ofSeconds(config.integer(SessionService.CACHE_SECONDS, 30, 0, 3600)),
                CACHE_ENTRIES);
        this.users = new UserService(vertx, pool, clock, hasher);
        this.sessions = new SessionService(pool, clock,
                Duration.ofHours(config.integer(SessionService.SESSION_HOURS, 12, 1, 24 * 30)), cache);
    }

    public Future<Void> start() {
        vertx.setPeriodic(PURGE_EVERY_MS, id -> sessions.purgeExpired()
                .onSuccess(count -> log.debug("Purged {} expired sessions", count))
                .onFailure(e -> log.warn("Purging expired sessions failed: {}", e.getMessage())));
        return FirstAdmin.ensure(config, users);
    }

    public UserService users() {
        return users;
    }

    public SessionService sessions() {
        return sessions;
    }

    public AuthGuard guard() {
        return new AuthGuard(sessions);
    }

    public SessionRoutes routes() {
        return new SessionRoutes(users, sessions);
    }
}
