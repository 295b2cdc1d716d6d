package hotline.relationship;

import hotline.customer.Tier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The relationship health score of one customer, in plain Java, with its breakdown: each indicator's points are its
 * value times its weight, capped at its max; satisfaction gives its weight at an average answer of 1 and nothing at 5,
 * rounded half up in whole numbers. The list of customers at risk computes the same score in SQL
 * ({@code HealthSql.SCORE}); a test holds the two to the same number. Stateless and thread-safe.
 */
public final class HealthScorer {

    public static final int MAX_SCORE = 100;

    private final HealthWeights weights;

    public HealthScorer(HealthWeights weights) {
        this.weights = weights;
    }

    public HealthWeights weights() {
        return weights;
    }

    public HealthScore score(HealthIndicators figures, Tier tier, Instant now) {
        List<HealthScore.Part> parts = new ArrayList<>();
        parts.add(penalty(Indicator.COMPLAINTS, figures.complaints()));
        parts.add(penalty(Indicator.UNRESOLVED, figures.unresolved()));
        parts.add(satisfaction(figures.answers(), figures.scoreSum()));
        parts.add(penalty(Indicator.REPEAT_CONTACTS, figures.repeatContacts()));
        parts.add(penalty(Indicator.ESCALATIONS, figures.escalations()));
        long years = figures.tenureYears(now);
        parts.add(new HealthScore.Part(Indicator.TENURE, years, capped(Indicator.TENURE, years)));
        long total = weights.base() + parts.stream().mapToLong(HealthScore.Part::points).sum();
        int score = (int) Math.max(0, Math.min(MAX_SCORE, total));
        List<RiskReason> risks = new ArrayList<>();
        if (score < weights.atRiskBelow()) {
            risks.add(RiskReason.LOW_SCORE);
        }
        if (figures.badFollowUps() > 0) {
            risks.add(RiskReason.BAD_FOLLOW_UP);
        }
        if (tier == Tier.KEY && figures.openComplaints() > 0) {
            risks.add(RiskReason.KEY_OPEN_COMPLAINT);
        }
        return new HealthScore(score, List.copyOf(parts), List.copyOf(risks));
    }

    private HealthScore.Part penalty(Indicator indicator, long count) {
        return new HealthScore.Part(indicator, count, -capped(indicator, count));
    }

    private long capped(Indicator indicator, long units) {
        HealthWeights.Weight weight = weights.of(indicator);
        return Math.min(units * weight.perUnit(), weight.max());
    }

    /**
     * weight × (5 − average) ÷ 4, rounded half up, in whole numbers: (2·w·(5n − sum) + 4n) div 8n. The value shown is
     * the average answer × 100 (0 when there are none).
     */
    private HealthScore.Part satisfaction(long answers, long sum) {
        if (answers == 0) {
            return new HealthScore.Part(Indicator.SATISFACTION, 0, 0);
        }
        HealthWeights.Weight weight = weights.of(Indicator.SATISFACTION);
        long points = (2L * weight.perUnit() * (5 * answers - sum) + 4 * answers) / (8 * answers);
        return new HealthScore.Part(Indicator.SATISFACTION, Math.round(sum * 100.0 / answers),
                -Math.min(points, weight.max()));
    }
}
