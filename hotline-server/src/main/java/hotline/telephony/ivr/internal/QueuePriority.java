package hotline.telephony.ivr.internal;

import hotline.customer.Tier;

/**
 * The Asterisk queue priority (higher is answered first) of a caller the IVR hands to an agent: by tier, raised for a
 * critical facility (hospital, school, home dialysis) and for an urgent report. Unknown callers rank between small
 * and ordinary customers.
 */
public final class QueuePriority {

    private QueuePriority() {
    }

    public static int of(Tier tier, boolean criticalFacility, boolean urgent) {
        int base = tier == null ? 2 : switch (tier) {
            case KEY -> 6;
            case ORDINARY -> 3;
            case SMALL -> 1;
        };
        return base + (criticalFacility ? 3 : 0) + (urgent ? 1 : 0);
    }
}
