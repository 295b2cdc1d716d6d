package hotline.ticket.workflow;

import hotline.ticket.Priority;

/**
 * How bad a repair report is, 1 (most severe) to 4, derived from the intake questions:
 * <ul>
 *   <li>1 — traffic or public danger, a burst main running in the street, or supply cut to 100+ households;</li>
 *   <li>2 — a property flooding, supply cut, or 20+ households affected;</li>
 *   <li>3 — water running in the street, or more than one household affected;</li>
 *   <li>4 — everything else (one household, contained).</li>
 * </ul>
 */
public record Severity(int level) {

    public static final int WIDE_OUTAGE_HOUSEHOLDS = 100;
    public static final int MANY_HOUSEHOLDS = 20;

    public Severity {
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("severity must be 1..4, got " + level);
        }
    }

    /** The answers of the intake: the questions an agent or the IVR asks about a leak or outage. */
    public record Answers(RepairCategory category, boolean waterInStreet, boolean propertyFlooding, boolean supplyCut,
                          long households, boolean publicDanger) {
    }

    public static Severity of(Answers a) {
        if (a.publicDanger() || (a.category() == RepairCategory.BURST_MAIN && a.waterInStreet())
                || (a.supplyCut() && a.households() >= WIDE_OUTAGE_HOUSEHOLDS)) {
            return new Severity(1);
        }
        if (a.propertyFlooding() || a.supplyCut() || a.households() >= MANY_HOUSEHOLDS) {
            return new Severity(2);
        }
        if (a.waterInStreet() || a.households() > 1) {
            return new Severity(3);
        }
        return new Severity(4);
    }

    /** The ticket priority of this severity: 1 critical, 2 high, 3 normal, 4 low. */
    public Priority priority() {
        return Priority.values()[level - 1];
    }
}
