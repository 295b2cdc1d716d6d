package hotline.auth.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * A log-in that did not open a session: 401 for a wrong user name or password (the same answer for both, and for a
 * deactivated user), or 429 while too many recent failures block the user name or the address, with the time to
 * wait for {@code Retry-After}.
 */
public final class LoginRefusedException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    private LoginRefusedException(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static LoginRefusedException wrongCredentials() {
        return new LoginRefusedException(401, "wrong user name or password", null);
    }

    public static LoginRefusedException throttled(Duration retryAfter) {
        return new LoginRefusedException(429, "too many failed log-ins; retry in " + retryAfter.toSeconds() + " s",
                retryAfter);
    }

    /** The HTTP status: 401 or 429. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
