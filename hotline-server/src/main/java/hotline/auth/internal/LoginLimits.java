package hotline.auth.internal;

import hotline.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many failed log-ins are allowed over a sliding {@code window}: {@code perUsername} for one user name (from
 * anywhere), {@code perAddress} from one client address (for any user names; higher, since a whole call centre may
 * share one address). Settings {@value #PER_USERNAME} (default 5), {@value #PER_ADDRESS} (default 20) and
 * {@value #WINDOW_MINUTES} (default 15). Plain data and arithmetic; no clock of its own.
 */
public record LoginLimits(int perUsername, int perAddress, Duration window) {

    public static final String PER_USERNAME = "auth.loginFailures.perUsername";
    public static final String PER_ADDRESS = "auth.loginFailures.perAddress";
    public static final String WINDOW_MINUTES = "auth.loginFailures.windowMinutes";

    public static LoginLimits from(Config config) {
        return new LoginLimits(config.integer(PER_USERNAME, 5, 1, 1000), config.integer(PER_ADDRESS, 20, 1, 100_000),
                Duration.ofMinutes(config.integer(WINDOW_MINUTES, 15, 1, 24 * 60)));
    }

    /** Failures after this instant count at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * How long to wait before the next attempt, given for the user name and for the address the time of the
     * limit-th newest failure in the window ({@code null}: fewer failures than the limit). Empty: not blocked.
     * The wait ends when that failure leaves the window; it is at least one second.
     */
    public Optional<Duration> retryAfter(Instant usernameMark, Instant addressMark, Instant now) {
        Instant latest = usernameMark == null ? addressMark
                : addressMark == null || usernameMark.isAfter(addressMark) ? usernameMark : addressMark;
        if (latest == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, latest.plus(window));
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
