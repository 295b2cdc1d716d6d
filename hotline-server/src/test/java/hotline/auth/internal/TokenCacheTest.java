package hotline.auth.internal;

import hotline.auth.Principal;
import hotline.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
    private static final Principal AGENT = new Principal(7, "agent7", "Agent 7", Role.AGENT);

    @Test
    @DisplayName("an entry is served until its time to live, then forgotten")
    void expiresAfterTtl() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30), 10);
        cache.put("h", AGENT, NOW.plus(Duration.ofHours(12)), NOW);

        assertThat(cache.get("h", NOW.plusSeconds(29))).contains(AGENT);
        assertThat(cache.get("h", NOW.plusSeconds(30))).isEmpty();
    }

    @Test
    @DisplayName("an entry never outlives its session")
    void neverBeyondSession() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30), 10);
        cache.put("h", AGENT, NOW.plusSeconds(5), NOW);

        assertThat(cache.get("h", NOW.plusSeconds(5))).isEmpty();
    }

    @Test
    @DisplayName("removing a token or a user forgets it at once")
    void removal() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30), 10);
        cache.put("a", AGENT, NOW.plusSeconds(600), NOW);
        cache.put("b", AGENT, NOW.plusSeconds(600), NOW);
        cache.put("c", new Principal(8, "x", "x", Role.ADMIN), NOW.plusSeconds(600), NOW);

        cache.remove("a");
        assertThat(cache.get("a", NOW)).isEmpty();
        cache.removeUser(7);
        assertThat(cache.get("b", NOW)).isEmpty();
        assertThat(cache.get("c", NOW)).isPresent();
    }

    @Test
    @DisplayName("the cache stays within its bound")
    void bounded() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30), 3);
        for (int i = 0; i < 10; i++) {
            cache.put("t" + i, AGENT, NOW.plusSeconds(600), NOW);
        }

        assertThat(cache.get("t9", NOW)).contains(AGENT);
        assertThat(java.util.stream.IntStream.range(0, 10).filter(i -> cache.get("t" + i, NOW).isPresent()).count())
                .isLessThanOrEqualTo(3);
    }
}
