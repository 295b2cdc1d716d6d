package hotline.auth.internal;

import hotline.auth.internal.LoginLimits.History;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimitsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final LoginLimits limits = new LoginLimits(5, Duration.ofSeconds(60), 10, 30, WINDOW, Duration.ofDays(90));

    private static History pair(boolean known, int failures, Instant last) {
        return new History(known, failures, last, null, null);
    }

    @Test
    @DisplayName("no history, or fewer pair failures than the free allowance, never waits")
    void free() {
        assertThat(limits.retryAfter(pair(false, 0, null), NOW)).isEmpty();
        assertThat(limits.retryAfter(pair(true, 4, NOW), NOW)).isEmpty();
    }

    @Test
    @DisplayName("past the allowance each pair failure doubles the delay from one second, capped at the maximum")
    void growingDelay() {
        assertThat(limits.retryAfter(pair(true, 5, NOW), NOW)).contains(Duration.ofSeconds(1));
        assertThat(limits.retryAfter(pair(true, 6, NOW), NOW)).contains(Duration.ofSeconds(2));
        assertThat(limits.retryAfter(pair(true, 8, NOW), NOW)).contains(Duration.ofSeconds(8));
        assertThat(limits.retryAfter(pair(true, 12, NOW), NOW)).contains(Duration.ofSeconds(60));
        assertThat(limits.retryAfter(pair(true, 5_000, NOW), NOW)).contains(Duration.ofSeconds(60));
        // the delay counts from the last failure
        assertThat(limits.retryAfter(pair(true, 8, NOW.minusSeconds(8)), NOW)).isEmpty();
    }

    @Test
    @DisplayName("a user name under attack from unknown addresses is refused there until the window slides, but her known address passes")
    void usernameBlockSparesKnownAddress() {
        Instant mark = NOW.minus(Duration.ofMinutes(5));

        assertThat(limits.retryAfter(new History(false, 0, null, mark, null), NOW)).contains(Duration.ofMinutes(10));
        assertThat(limits.retryAfter(new History(true, 0, null, mark, null), NOW)).isEmpty();
    }

    @Test
    @DisplayName("an address spraying user names is refused for names that do not know it, not for the people who work there")
    void addressBlockSparesItsUsers() {
        Instant mark = NOW.minus(Duration.ofMinutes(1));

        assertThat(limits.retryAfter(new History(false, 0, null, null, mark), NOW)).contains(Duration.ofMinutes(14));
        assertThat(limits.retryAfter(new History(true, 0, null, null, mark), NOW)).isEmpty();
    }

    @Test
    @DisplayName("the longest of the waits that apply wins, rounded up to whole seconds and at least one")
    void longestWins() {
        History history = new History(false, 12, NOW, NOW.minus(WINDOW).plusMillis(300), null);

        assertThat(limits.retryAfter(history, NOW)).contains(Duration.ofSeconds(60));
        assertThat(limits.retryAfter(new History(false, 0, null, NOW.minus(WINDOW).plusMillis(300), null), NOW))
                .contains(Duration.ofSeconds(1));
    }
}
