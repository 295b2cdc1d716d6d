package hotline.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The due times of one ticket, computed from its creation time and its targets.
 *
 * @param firstResponseWarnAt when the owner is warned that the first response is getting late
 * @param escalateEvery       the interval of further escalations after the resolution breach
 */
public record DueTimes(Instant firstResponseDue, Instant resolutionDue, Instant firstResponseWarnAt,
                       Instant resolutionWarnAt, Duration followUpDelay, Duration escalateEvery, double warning) {

    public static DueTimes of(Instant createdAt, SlaTargets targets) {
        return new DueTimes(createdAt.plus(targets.firstResponse()), createdAt.plus(targets.resolution()),
                createdAt.plus(fraction(targets.firstResponse(), targets.warning())),
                createdAt.plus(fraction(targets.resolution(), targets.warning())),
                targets.followUpDelay(), targets.escalateEvery(), targets.warning());
    }

    static Duration fraction(Duration duration, double fraction) {
        return Duration.ofSeconds(Math.round(duration.toSeconds() * fraction));
    }
}
