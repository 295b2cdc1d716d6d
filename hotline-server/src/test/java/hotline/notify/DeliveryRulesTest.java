package hotline.notify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRulesTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0),
            ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("quiet hours from 21:00 to 08:00 local hold a notice from 21:00 sharp until 08:00, across midnight, and not at 08:00")
    void quietHoursBoundaries() {
        Instant at2100 = Instant.parse("2026-11-30T13:00:00Z");
        Instant morning = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(NIGHT.release(NoticeKind.REPAIR_DONE, at2100.minusSeconds(1))).isEqualTo(at2100.minusSeconds(1));
        assertThat(NIGHT.release(NoticeKind.REPAIR_DONE, at2100)).isEqualTo(morning);
        assertThat(NIGHT.release(NoticeKind.REPAIR_DONE, Instant.parse("2026-11-30T17:30:00Z"))).isEqualTo(morning);
        assertThat(NIGHT.release(NoticeKind.REPAIR_DONE, morning)).isEqualTo(morning);
        assertThat(NIGHT.release(NoticeKind.OUTAGE_EXTENDED, at2100)).isEqualTo(at2100);
    }

    @Test
    @DisplayName("retries wait 1, 2, 4 … minutes up to the longest wait, and stop after the last attempt")
    void backoff() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(3));
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        assertThat(policy.next(1, now)).contains(now.plus(Duration.ofMinutes(1)));
        assertThat(policy.next(2, now)).contains(now.plus(Duration.ofMinutes(2)));
        assertThat(policy.next(3, now)).contains(now.plus(Duration.ofMinutes(3)));
        assertThat(policy.next(5, now)).isEmpty();
    }

    @Test
    @DisplayName("an e-mail address is one mailbox: display names, spaces and missing domains are refused")
    void emailAddresses() {
        assertThat(ContactPreferences.validEmail("wang.li@water.example.cn")).isTrue();
        assertThat(ContactPreferences.validEmail("Wang <wang@water.example>")).isFalse();
        assertThat(ContactPreferences.validEmail("wang@localhost")).isFalse();
        assertThat(ContactPreferences.validEmail("wang li@water.example")).isFalse();
    }
}
