package hotline.sla;

import java.time.Duration;

/**
 * The targets of one SLA rule.
 *
 * @param firstResponse  from creation to the first response (for a repair: the crew on site)
 * @param resolution     from creation to resolved (repaired, solution accepted, answered)
 * @param followUpDelay  from resolution to the return call
 * @param warning        fraction of a target after which the owner is warned, in (0, 1)
 * @param escalateEvery  after the resolution breach, a further escalation each time this passes unhandled
 */
public record SlaTargets(Duration firstResponse, Duration resolution, Duration followUpDelay, double warning,
                         Duration escalateEvery) {

    /** The targets multiplied by {@code factor} (urgent tickets); the warning fraction stays. */
    public SlaTargets scaled(double factor) {
        return new SlaTargets(scale(firstResponse, factor), scale(resolution, factor), followUpDelay, warning,
                scale(escalateEvery, factor));
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofSeconds(Math.max(60, Math.round(duration.toSeconds() * factor)));
    }
}
