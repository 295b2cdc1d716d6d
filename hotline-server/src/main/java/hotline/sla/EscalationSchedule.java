package hotline.sla;

import hotline.ticket.workflow.EscalationLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the SLA scheduler does with one ticket at a given instant: warn, escalate or nothing, and when to look again.
 * Pure: the state (which deadlines were warned about and breached) is passed in.
 */
public final class EscalationSchedule {

    /** Further deadlines after the resolution breach: enough to climb from agent to manager. */
    public static final int FURTHER_DEADLINES = EscalationLevel.values().length - 1;

    /** What to do now. */
    public enum Kind { NONE, WARN, ESCALATE }

    /**
     * @param deadline    the deadline warned about or breached (null for {@link Kind#NONE})
     * @param nextCheckAt when to look at the ticket again once this decision is carried out; null when nothing is left
     */
    public record Decision(Kind kind, Deadline deadline, Instant nextCheckAt) {
    }

    private EscalationSchedule() {
    }

    /** The deadlines still open for a ticket: none once resolved; first response only until responded. */
    public static List<Deadline> deadlines(DueTimes due, boolean responded, boolean resolved) {
        List<Deadline> deadlines = new ArrayList<>();
        if (resolved) {
            return deadlines;
        }
        if (!responded) {
            deadlines.add(new Deadline("first_response", due.firstResponseWarnAt(), due.firstResponseDue()));
        }
        deadlines.add(new Deadline("resolution", due.resolutionWarnAt(), due.resolutionDue()));
        for (int n = 1; n <= FURTHER_DEADLINES; n++) {
            Instant dueAt = due.resolutionDue().plus(due.escalateEvery().multipliedBy(n));
            deadlines.add(new Deadline("resolution+" + n,
                    dueAt.minus(DueTimes.fraction(due.escalateEvery(), 1 - due.warning())), dueAt));
        }
        deadlines.sort(Comparator.comparing(Deadline::dueAt));
        return deadlines;
    }

    /**
     * The decision at {@code now}: the earliest breached deadline not yet escalated comes first (one level per breach),
     * then the earliest warning not yet given.
     */
    public static Decision decide(List<Deadline> deadlines, Set<String> warned, Set<String> breached, Instant now) {
        Optional<Deadline> breach = deadlines.stream()
                .filter(d -> !breached.contains(d.name()) && !now.isBefore(d.dueAt())).findFirst();
        if (breach.isPresent()) {
            return new Decision(Kind.ESCALATE, breach.get(), nextCheck(deadlines, warned, plus(breached, breach.get())));
        }
        Optional<Deadline> warning = deadlines.stream()
                .filter(d -> !breached.contains(d.name()) && !warned.contains(d.name()) && !now.isBefore(d.warnAt()))
                .findFirst();
        if (warning.isPresent()) {
            return new Decision(Kind.WARN, warning.get(), nextCheck(deadlines, plus(warned, warning.get()), breached));
        }
        return new Decision(Kind.NONE, null, nextCheck(deadlines, warned, breached));
    }

    /** The next instant something is due: an unwarned warning or an unbreached deadline; null when none is left. */
    public static Instant nextCheck(List<Deadline> deadlines, Set<String> warned, Set<String> breached) {
        Instant next = null;
        for (Deadline d : deadlines) {
            if (breached.contains(d.name())) {
                continue;
            }
            Instant at = warned.contains(d.name()) ? d.dueAt() : d.warnAt();
            if (next == null || at.isBefore(next)) {
                next = at;
            }
        }
        return next;
    }

    private static Set<String> plus(Set<String> names, Deadline deadline) {
        Set<String> result = new java.util.HashSet<>(names);
        result.add(deadline.name());
        return result;
    }
}
