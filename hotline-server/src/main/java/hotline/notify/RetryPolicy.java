package hotline.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often a failing delivery is tried and how long it waits in between: the first retry {@code first} after a
 * failure, each further one twice as long, never longer than {@code longest}; after {@code maxAttempts} attempts it
 * is given up.
 */
public record RetryPolicy(int maxAttempts, Duration first, Duration longest) {

    public RetryPolicy {
        if (maxAttempts < 1 || first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry policy needs at least one attempt and 0 <= first <= longest");
        }
    }

    /** When to try again after attempt number {@code attempts} (1 for the first) failed at {@code now}; empty: give up. */
    public Optional<Instant> next(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attempts - 1, 30);
        Duration wait = first.multipliedBy(factor);
        return Optional.of(now.plus(wait.compareTo(longest) > 0 || wait.isNegative() ? longest : wait));
    }
}
