package hotline.auth.internal;

import hotline.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a log-in attempt must wait, designed so that guessing is slow but a stranger cannot lock a user out of her own
 * desk, nor one person's typos an office out of the system. The key idea is the <em>known address</em>: a client
 * address from which this user name logged in successfully within {@code knownFor}.
 * <ul>
 *   <li><b>Per user name and address</b> (always): the first {@code perPair} failures in the window cost nothing;
 *   after that each attempt waits a delay that doubles with every further failure (1 s, 2 s, 4 s, ...) up to
 *   {@code maxDelay}. This slows an insider behind the same address to one guess per {@code maxDelay} while the
 *   real user, typing the right password, waits at most that long.</li>
 *   <li><b>Per user name, from unknown addresses</b>: after {@code perUsername} failures from addresses this user
 *   never logged in from, every unknown address is refused for her until the window slides. Her known addresses
 *   still pass, so guessing from outside cannot lock her out.</li>
 *   <li><b>Per address, for user names that do not know it</b>: after {@code perAddress} such failures (spraying
 *   many names from one source) the address is refused for every user name that does not know it; the users who
 *   work there (it is their known address) still pass, and their own typos never count here.</li>
 * </ul>
 * Settings: {@value #PER_PAIR} (5), {@value #MAX_DELAY_SECONDS} (60), {@value #PER_USERNAME} (10),
 * {@value #PER_ADDRESS} (30), {@value #WINDOW_MINUTES} (15), {@value #KNOWN_DAYS} (90). Plain data and arithmetic;
 * no clock of its own.
 */
public record LoginLimits(int perPair, Duration maxDelay, int perUsername, int perAddress, Duration window,
                          Duration knownFor) {

    public static final String PER_PAIR = "auth.loginFailures.perUserAndAddress";
    public static final String MAX_DELAY_SECONDS = "auth.loginFailures.maxDelaySeconds";
    public static final String PER_USERNAME = "auth.loginFailures.perUsername";
    public static final String PER_ADDRESS = "auth.loginFailures.perAddress";
    public static final String WINDOW_MINUTES = "auth.loginFailures.windowMinutes";
    public static final String KNOWN_DAYS = "auth.knownAddressDays";

    public static LoginLimits from(Config config) {
        return new LoginLimits(config.integer(PER_PAIR, 5, 1, 1000),
                Duration.ofSeconds(config.integer(MAX_DELAY_SECONDS, 60, 1, 3600)),
                config.integer(PER_USERNAME, 10, 1, 1000), config.integer(PER_ADDRESS, 30, 1, 100_000),
                Duration.ofMinutes(config.integer(WINDOW_MINUTES, 15, 1, 24 * 60)),
                Duration.ofDays(config.integer(KNOWN_DAYS, 90, 1, 3650)));
    }

    /** Failures after this instant count at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /** A successful log-in after this instant makes its address known. */
    public Instant knownSince(Instant now) {
        return now.minus(knownFor);
    }

    /**
     * What the database knows about one attempt's user name and address, all within the window.
     *
     * @param known         whether the address is known for the user name
     * @param pairFailures  failures of this user name from this address
     * @param pairLast      the newest of those (null when none)
     * @param usernameMark  the {@code perUsername}-th newest failure of the user name from unknown addresses (null:
     *                      fewer than that)
     * @param addressMark   the {@code perAddress}-th newest failure from the address for user names not knowing it
     */
    public record History(boolean known, int pairFailures, Instant pairLast, Instant usernameMark,
                          Instant addressMark) {
    }

    /** How long the attempt must wait before a password is checked; empty: check it now. At least one second. */
    public Optional<Duration> retryAfter(History history, Instant now) {
        Instant until = Instant.MIN;
        if (history.pairFailures() >= perPair && history.pairLast() != null) {
            until = later(until, history.pairLast().plus(delayAfter(history.pairFailures())));
        }
        if (!history.known()) {
            if (history.usernameMark() != null) {
                until = later(until, history.usernameMark().plus(window));
            }
            if (history.addressMark() != null) {
                until = later(until, history.addressMark().plus(window));
            }
        }
        if (!until.isAfter(now)) {
            return Optional.empty();
        }
        long millis = Duration.between(now, until).toMillis();
        return Optional.of(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
    }

    /** The delay after the n-th failure of a pair: doubling from one second once {@code perPair} is reached. */
    Duration delayAfter(int failures) {
        int doublings = failures - perPair;
        if (doublings >= 30) {
            return maxDelay;
        }
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
