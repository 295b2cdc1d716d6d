package hotline.telephony.switchboard.internal;

import hotline.telephony.switchboard.internal.DayRules.Outcome;
import hotline.telephony.switchboard.internal.DayRules.QueuedCall;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How each call counts in its queue's day, and the figures that come of the sums (formula edge cases). */
class DayRulesTest {

    private static final DayRules RULES = new DayRules(20, 5, Duration.ofSeconds(120));
    private static final Instant ENDED = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NOW = ENDED.plusSeconds(600);

    private static QueuedCall answered(int wait, int talk, int hold, Integer wrapUpAfter) {
        return new QueuedCall("hotline", Outcome.ANSWERED, wait, talk, hold, ENDED,
                wrapUpAfter == null ? null : ENDED.plusSeconds(wrapUpAfter));
    }

    private static QueuedCall abandoned(int wait) {
        return new QueuedCall("hotline", Outcome.ABANDONED, wait, null, null, ENDED, null);
    }

    private static JsonObject day(List<QueuedCall> calls) {
        QueueDay sum = QueueDay.EMPTY;
        for (QueuedCall call : calls) {
            sum = sum.plus(RULES.tally(call, NOW));
        }
        return sum.toJson(RULES);
    }

    @Test
    @DisplayName("no calls: every count is zero and every rate and average is null, not zero")
    void noCalls() {
        JsonObject day = day(List.of());
        assertThat(day.getInteger("offered")).isZero();
        assertThat(day.getValue("serviceLevel")).isNull();
        assertThat(day.getValue("abandonRate")).isNull();
        assertThat(day.getValue("averageSpeedOfAnswerSeconds")).isNull();
        assertThat(day.getValue("averageHandleSeconds")).isNull();
    }

    @Test
    @DisplayName("only short abandons: they are counted apart, and offered, service level and abandon rate ignore them")
    void onlyShortAbandons() {
        JsonObject day = day(List.of(abandoned(2), abandoned(4)));
        assertThat(day.getInteger("shortAbandoned")).isEqualTo(2);
        assertThat(day.getInteger("offered")).isZero();
        assertThat(day.getInteger("abandoned")).isZero();
        assertThat(day.getValue("serviceLevel")).isNull();
        assertThat(day.getValue("abandonRate")).isNull();
    }

    @Test
    @DisplayName("a caller who waited exactly the short-abandon time is a real abandon")
    void shortAbandonBoundary() {
        assertThat(day(List.of(abandoned(5))).getInteger("abandoned")).isEqualTo(1);
    }

    @Test
    @DisplayName("zero answered: service level 0 %, abandon rate 100 %, no speed of answer and no handle time")
    void zeroAnswered() {
        JsonObject day = day(List.of(abandoned(30), abandoned(50)));
        assertThat(day.getDouble("serviceLevel")).isEqualTo(0.0);
        assertThat(day.getDouble("abandonRate")).isEqualTo(100.0);
        assertThat(day.getValue("averageSpeedOfAnswerSeconds")).isNull();
        assertThat(day.getValue("averageHandleSeconds")).isNull();
        assertThat(day.getDouble("averageWaitSeconds")).isEqualTo(40.0);
    }

    @Test
    @DisplayName("service level is answered within the threshold over answered plus abandoned; missed calls only lower the abandon rate")
    void serviceLevelFormula() {
        QueuedCall missed = new QueuedCall("hotline", Outcome.MISSED, 300, null, null, ENDED, null);
        JsonObject day = day(List.of(answered(10, 100, 0, 30), answered(20, 100, 0, 30), answered(21, 100, 0, 30),
                abandoned(60), missed, abandoned(1)));
        assertThat(day.getInteger("offered")).isEqualTo(5);
        assertThat(day.getInteger("answeredWithinThreshold")).isEqualTo(2);
        assertThat(day.getDouble("serviceLevel")).isEqualTo(50.0);
        assertThat(day.getDouble("abandonRate")).isEqualTo(20.0);
        assertThat(day.getDouble("averageSpeedOfAnswerSeconds")).isEqualTo(17.0);
    }

    @Test
    @DisplayName("handle time is talk plus hold plus wrap-up: Asterisk's talk time holds the hold, shown apart; a late wrap-up is capped")
    void handleTime() {
        JsonObject day = day(List.of(answered(5, 100, 30, 20), answered(5, 200, 0, 1_000)));
        assertThat(day.getDouble("averageHandleSeconds")).isEqualTo((100 + 20 + 200 + 120) / 2.0);
        assertThat(day.getDouble("averageTalkSeconds")).isEqualTo((70 + 200) / 2.0);
        assertThat(day.getDouble("averageHoldSeconds")).isEqualTo(15.0);
        assertThat(day.getDouble("averageWrapUpSeconds")).isEqualTo(70.0);
    }

    @Test
    @DisplayName("a wrap-up not saved yet counts until now, at most the cap; a call still going counts as answered but not handled")
    void openWrapUpAndOpenCall() {
        Instant justEnded = NOW.minusSeconds(30);
        QueuedCall unsaved = new QueuedCall("hotline", Outcome.ANSWERED, 5, 60, 0, justEnded, null);
        QueuedCall talking = new QueuedCall("hotline", Outcome.ANSWERED, 5, null, null, null, null);
        JsonObject day = day(List.of(unsaved, talking));
        assertThat(day.getInteger("answered")).isEqualTo(2);
        assertThat(day.getInteger("handled")).isEqualTo(1);
        assertThat(day.getDouble("averageWrapUpSeconds")).isEqualTo(30.0);
        assertThat(day.getDouble("averageHandleSeconds")).isEqualTo(90.0);
    }
}
