package hotline.surveillance;

import java.util.List;
import java.util.Optional;

/**
 * Water-quality surveillance: the taste, odour and colour reports of one district in one hour against the baseline,
 * the mean count of the same hour of the week over the past {@code weeks}. An alert is raised when the count reaches
 * {@code minimumCount} and exceeds {@code factor} × baseline (a quiet district needs {@code minimumCount} alone).
 * Immutable and thread-safe.
 */
public record QualityAlertRule(int weeks, double factor, int minimumCount) {

    public QualityAlertRule {
        if (weeks < 1 || factor <= 1 || minimumCount < 1) {
            throw new IllegalArgumentException("weeks >= 1, factor > 1 and minimumCount >= 1 are required");
        }
    }

    /** What the rule concluded about one district-hour. */
    public record Finding(int count, double baseline, double threshold) {
    }

    /**
     * The finding when {@code count} crosses the threshold; {@code pastCounts} are the counts of the same hour in
     * past weeks (missing weeks count as zero).
     */
    public Optional<Finding> evaluate(int count, List<Integer> pastCounts) {
        double baseline = pastCounts.stream().mapToInt(Integer::intValue).sum() / (double) weeks;
        double threshold = Math.max(minimumCount, baseline * factor);
        return count >= threshold && count > baseline * factor ? Optional.of(new Finding(count, baseline, threshold))
                : Optional.empty();
    }
}
