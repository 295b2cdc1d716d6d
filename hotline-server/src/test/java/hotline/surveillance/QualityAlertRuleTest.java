package hotline.surveillance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityAlertRuleTest {

    static final QualityAlertRule rule = new QualityAlertRule(4, 3.0, 5);

    @Test
    @DisplayName("six odour reports in an hour that usually has one or two raise an alert")
    void clusterAlerts() {
        var finding = rule.evaluate(6, List.of(1, 2, 1, 2));

        assertThat(finding).isPresent();
        assertThat(finding.get().baseline()).isEqualTo(1.5);
        assertThat(finding.get().threshold()).isEqualTo(5.0);
    }

    @Test
    @DisplayName("a busy hour that is always busy does not alert; a quiet district needs the minimum count")
    void noFalseAlarms() {
        assertThat(rule.evaluate(10, List.of(4, 4, 3, 5))).isEmpty();
        assertThat(rule.evaluate(4, List.of())).isEmpty();
        assertThat(rule.evaluate(5, List.of())).isPresent();
    }
}
