package hotline.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings the embedded PostgreSQL back when its server process dies (killed, crashed, out of memory): every
 * {@link #CHECK_EVERY} it looks whether the process lives, and when it does not, restarts it on the same port, again
 * and again with growing pauses (up to {@link #MAX_PAUSE}) until it runs. Meanwhile {@link #problem} says why the
 * database is down, for {@code /health}; the log says it once when the server dies, once per
 * {@link #LOG_INTERVAL} while it does not come back, and once when it is back. Its own daemon thread; blocking work
 * only there.
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);

    static final Duration CHECK_EVERY = Duration.ofMillis(500);
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread watchdog = new Thread(task, "hotline-postgres-watchdog");
        watchdog.setDaemon(true);
        return watchdog;
    });
    private volatile String problem;
    private long downSince;
    private long lastLogged;
    private int attempts;
    private Duration pause = FIRST_PAUSE;

    PostgresWatchdog(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    void start() {
        thread.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the embedded database is down, while it is being restarted. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void check() {
        if (postgres.isRunning()) {
            thread.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (attempts++ == 0) {
            downSince = System.nanoTime();
            lastLogged = downSince;
            problem = "the embedded PostgreSQL stopped; restarting it";
            log.warn("The embedded PostgreSQL (pid {}) stopped; restarting it", postgres.pid().orElse(-1));
        }
        try {
            postgres.restart();
            log.info("Embedded PostgreSQL restarted {} ms after it stopped ({} attempts)",
                    (System.nanoTime() - downSince) / 1_000_000, attempts);
            problem = null;
            attempts = 0;
            pause = FIRST_PAUSE;
            thread.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            problem = "the embedded PostgreSQL stopped and has not started again yet (" + attempts + " attempts)";
            if (System.nanoTime() - lastLogged >= LOG_INTERVAL.toNanos()) {
                lastLogged = System.nanoTime();
                log.warn("The embedded PostgreSQL does not start again yet ({} attempts): {}", attempts, e.getMessage());
            }
            thread.schedule(this::check, pause.toMillis(), TimeUnit.MILLISECONDS);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Stops watching (before the database is stopped on purpose); waits for a restart in progress to give up. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
