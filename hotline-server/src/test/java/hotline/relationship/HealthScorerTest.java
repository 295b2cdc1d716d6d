package hotline.relationship;

import hotline.config.ConfigException;
import hotline.customer.Tier;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The health score in plain Java: its arithmetic, its breakdown, the at-risk reasons and the checked weights. */
class HealthScorerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final HealthWeights SHIPPED = shipped();

    private static HealthWeights shipped() {
        try {
            return HealthWeights.parse(new JsonObject(Files.readString(Path.of("../conf/relationship.json"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HealthIndicators figures(long complaints, long unresolved, long openComplaints, long answers,
                                            long scoreSum, long bad, long repeats, long escalations, int daysAgo) {
        return new HealthIndicators(complaints, unresolved, openComplaints, answers, scoreSum, bad, repeats, escalations,
                NOW.minus(Duration.ofDays(daysAgo)));
    }

    @Test
    @DisplayName("a customer without any contact keeps the base score, plus tenure, never above 100")
    void quietCustomer() {
        HealthScorer scorer = new HealthScorer(SHIPPED);

        assertThat(scorer.score(figures(0, 0, 0, 0, 0, 0, 0, 0, 10), Tier.ORDINARY, NOW).score()).isEqualTo(100);
        assertThat(scorer.score(figures(0, 0, 0, 0, 0, 0, 0, 0, 3650), Tier.ORDINARY, NOW).score()).isEqualTo(100);
        assertThat(scorer.score(figures(0, 0, 0, 0, 0, 0, 0, 0, 10), Tier.ORDINARY, NOW).atRisk()).isFalse();
    }

    @Test
    @DisplayName("each indicator takes its weight per unit up to its max, and the breakdown says how many points each moved")
    void breakdown() {
        HealthScore score = new HealthScorer(SHIPPED).score(figures(2, 1, 1, 2, 5, 0, 1, 4, 800), Tier.ORDINARY, NOW);

        // complaints 2 × 10; unresolved 1 × 8; average 2.5: 30 × 2.5 / 4 = 18.75, rounded 19; repeats 1 × 6;
        // escalations 4 × 10 capped at 30; tenure 2 years × 2 = +4
        assertThat(score.parts()).extracting(HealthScore.Part::points).containsExactly(-20L, -8L, -19L, -6L, -30L, 4L);
        assertThat(score.parts().get(2).value()).isEqualTo(250);
        assertThat(score.score()).isEqualTo(100 - 20 - 8 - 19 - 6 - 30 + 4);
        assertThat(score.risks()).containsExactly(RiskReason.LOW_SCORE);
    }

    @Test
    @DisplayName("satisfaction gives its whole weight at an average answer of 1, none at 5, and halves round up")
    void satisfactionRounding() {
        HealthScorer scorer = new HealthScorer(SHIPPED);

        assertThat(scorer.score(figures(0, 0, 0, 3, 3, 0, 0, 0, 1), Tier.SMALL, NOW).parts().get(2).points()).isEqualTo(-30);
        assertThat(scorer.score(figures(0, 0, 0, 3, 15, 0, 0, 0, 1), Tier.SMALL, NOW).parts().get(2).points()).isZero();
        // average 4.6: 30 × 0.4 / 4 = 3
        assertThat(scorer.score(figures(0, 0, 0, 5, 23, 0, 0, 0, 1), Tier.SMALL, NOW).parts().get(2).points()).isEqualTo(-3);
        // average 4.5: 30 × 0.5 / 4 = 3.75 → 4
        assertThat(scorer.score(figures(0, 0, 0, 2, 9, 0, 0, 0, 1), Tier.SMALL, NOW).parts().get(2).points()).isEqualTo(-4);
    }

    @Test
    @DisplayName("a score never falls below 0")
    void floor() {
        HealthScore score = new HealthScorer(SHIPPED).score(figures(9, 9, 0, 1, 1, 0, 9, 9, 1), Tier.SMALL, NOW);

        assertThat(score.score()).isZero();
    }

    @Test
    @DisplayName("a recent bad return visit and a key customer's open complaint put a customer at risk whatever the score")
    void riskReasons() {
        HealthScorer scorer = new HealthScorer(SHIPPED);

        assertThat(scorer.score(figures(0, 0, 0, 1, 4, 1, 0, 0, 1), Tier.SMALL, NOW).risks())
                .containsExactly(RiskReason.BAD_FOLLOW_UP);
        assertThat(scorer.score(figures(1, 1, 1, 0, 0, 0, 0, 0, 1), Tier.KEY, NOW).risks())
                .containsExactly(RiskReason.KEY_OPEN_COMPLAINT);
        assertThat(scorer.score(figures(1, 1, 1, 0, 0, 0, 0, 0, 1), Tier.ORDINARY, NOW).atRisk()).isFalse();
    }

    @Test
    @DisplayName("a bad weight in relationship.json is refused at start-up, naming the entry")
    void badWeightsNamed() {
        JsonObject json = new JsonObject(shippedText());
        json.getJsonObject("indicators").getJsonObject("escalations").put("weight", -1);
        assertThatThrownBy(() -> HealthWeights.parse(json)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("indicators.escalations.weight");

        JsonObject missing = new JsonObject(shippedText());
        missing.getJsonObject("indicators").remove("tenure");
        assertThatThrownBy(() -> HealthWeights.parse(missing)).hasMessageContaining("indicators.tenure");

        JsonObject unknown = new JsonObject(shippedText());
        unknown.getJsonObject("indicators").put("mood", new JsonObject().put("weight", 1).put("max", 1));
        assertThatThrownBy(() -> HealthWeights.parse(unknown)).hasMessageContaining("indicators.mood");

        JsonObject above = new JsonObject(shippedText()).put("atRiskBelow", 101);
        assertThatThrownBy(() -> HealthWeights.parse(above)).hasMessageContaining("atRiskBelow");
    }

    private static String shippedText() {
        try {
            return Files.readString(Path.of("../conf/relationship.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
