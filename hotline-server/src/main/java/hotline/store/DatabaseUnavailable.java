package hotline.store;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures that mean "the database cannot be reached now" (refused, reset or lost connections, a server shutting down,
 * starting up or recovering), as opposed to a fault of the request or of the code. Such a failure is answered 503 with
 * {@link #RETRY_AFTER}, and {@link #noticed} logs it once per {@link #LOG_INTERVAL} with a count, not once per request
 * (an outage under load would otherwise write megabytes of identical stack traces). Thread-safe.
 */
public final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** What a client is told to wait before retrying. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, recovering), too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final String NOT_ACTIVE = "Connection is not active now";

    private static final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private static final AtomicInteger unlogged = new AtomicInteger();

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} (or one of its causes) says the database is unreachable, not that a query is wrong. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
            // A pooled connection the server dropped, used before the pool noticed: the client says so only in words.
            if (cause instanceof VertxException && cause.getMessage() != null
                    && cause.getMessage().startsWith(NOT_ACTIVE)) {
                return true;
            }
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
        }
        return false;
    }

    /** Records one request refused because of {@code failure}; logs at most once per {@link #LOG_INTERVAL}. */
    public static void noticed(Throwable failure) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (last != Long.MIN_VALUE && now - last < LOG_INTERVAL.toNanos() || !lastLogged.compareAndSet(last, now)) {
            unlogged.incrementAndGet();
            return;
        }
        int others = unlogged.getAndSet(0);
        log.warn("The database is unavailable ({}); requests that need it get 503{}", describe(failure),
                others == 0 ? "" : " (" + others + " more since the last report)");
    }

    /** The innermost cause's type and message, without a stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
