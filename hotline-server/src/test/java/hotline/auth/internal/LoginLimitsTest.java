package hotline.auth.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimitsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final LoginLimits limits = new LoginLimits(5, 20, Duration.ofMinutes(15));

    @Test
    @DisplayName("without a limit-th failure in the window nothing is blocked")
    void notBlocked() {
        assertThat(limits.retryAfter(null, null, NOW)).isEmpty();
    }

    @Test
    @DisplayName("the wait lasts until the marking failure leaves the window, whichever of user name and address is later")
    void waitUntilMarkLeaves() {
        Instant userMark = NOW.minus(Duration.ofMinutes(10));
        Instant addressMark = NOW.minus(Duration.ofMinutes(2));

        assertThat(limits.retryAfter(userMark, null, NOW)).contains(Duration.ofMinutes(5));
        assertThat(limits.retryAfter(userMark, addressMark, NOW)).contains(Duration.ofMinutes(13));
        assertThat(limits.retryAfter(null, addressMark, NOW)).contains(Duration.ofMinutes(13));
    }

    @Test
    @DisplayName("a wait is rounded up to whole seconds and is at least one second")
    void roundedUp() {
        Instant mark = NOW.minus(Duration.ofMinutes(15)).plusMillis(1);

        assertThat(limits.retryAfter(mark, null, NOW)).contains(Duration.ofSeconds(1));
        assertThat(limits.retryAfter(NOW.minus(Duration.ofMinutes(14)).plusMillis(500), null, NOW))
                .contains(Duration.ofSeconds(61));
    }

    @Test
    @DisplayName("the window starts its length before now")
    void windowStart() {
        assertThat(limits.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }
}
