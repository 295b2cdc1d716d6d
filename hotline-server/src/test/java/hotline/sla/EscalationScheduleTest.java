package hotline.sla;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationScheduleTest {

    static final Instant t0 = Instant.parse("2026-05-01T02:00:00Z");
    static final DueTimes due = DueTimes.of(t0, new SlaTargets(Duration.ofMinutes(60), Duration.ofHours(12),
            Duration.ofDays(1), 0.8, Duration.ofHours(1)));

    @Test
    @DisplayName("nothing happens before the warning; at 80% the owner is warned; at the target it escalates")
    void warnThenEscalate() {
        List<Deadline> deadlines = EscalationSchedule.deadlines(due, false, false);

        var early = EscalationSchedule.decide(deadlines, Set.of(), Set.of(), t0.plus(Duration.ofMinutes(30)));
        var warn = EscalationSchedule.decide(deadlines, Set.of(), Set.of(), t0.plus(Duration.ofMinutes(48)));
        var breach = EscalationSchedule.decide(deadlines, Set.of("first_response"), Set.of(), t0.plus(Duration.ofMinutes(60)));

        assertThat(early.kind()).isEqualTo(EscalationSchedule.Kind.NONE);
        assertThat(early.nextCheckAt()).isEqualTo(t0.plus(Duration.ofMinutes(48)));
        assertThat(warn.kind()).isEqualTo(EscalationSchedule.Kind.WARN);
        assertThat(warn.nextCheckAt()).isEqualTo(t0.plus(Duration.ofMinutes(60)));
        assertThat(breach.kind()).isEqualTo(EscalationSchedule.Kind.ESCALATE);
        assertThat(breach.deadline().name()).isEqualTo("first_response");
    }

    @Test
    @DisplayName("an unhandled ticket keeps escalating at each further target, one breach at a time, until resolved")
    void keepsEscalating() {
        List<Deadline> deadlines = EscalationSchedule.deadlines(due, false, false);
        Set<String> warned = new HashSet<>();
        Set<String> breached = new HashSet<>();
        Instant late = t0.plus(Duration.ofDays(2));
        for (int i = 0; i < 5; i++) {
            var decision = EscalationSchedule.decide(deadlines, warned, breached, late);
            assertThat(decision.kind()).isEqualTo(EscalationSchedule.Kind.ESCALATE);
            breached.add(decision.deadline().name());
        }
        assertThat(breached).containsExactlyInAnyOrder("first_response", "resolution", "resolution+1", "resolution+2", "resolution+3");
        assertThat(EscalationSchedule.decide(deadlines, warned, breached, late).nextCheckAt()).isNull();
        assertThat(EscalationSchedule.deadlines(due, true, true)).isEmpty();
    }

    @Test
    @DisplayName("once responded, the first-response deadline no longer counts")
    void respondedDropsFirstResponse() {
        assertThat(EscalationSchedule.deadlines(due, true, false)).extracting(Deadline::name).first().isEqualTo("resolution");
    }
}
