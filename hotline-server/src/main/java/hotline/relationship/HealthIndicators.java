package hotline.relationship;

import java.time.Duration;
import java.time.Instant;

/**
 * One customer's raw figures behind the health score, as of {@code now} (see {@link Indicator}): complaints of the
 * last 12 months, open tickets (of them open complaints), return-visit answers of the last 12 months (how many, their
 * sum, how many were 1 or 2 within the bad-visit window), repeat contacts and escalations of the last 12 months, and
 * when the customer was created.
 */
public record HealthIndicators(long complaints, long unresolved, long openComplaints, long answers, long scoreSum,
                               long badFollowUps, long repeatContacts, long escalations, Instant customerSince) {

    /** Whole years from {@code customerSince} to {@code now} (365-day years; never negative). */
    public long tenureYears(Instant now) {
        return Math.max(0, Math.floorDiv(Duration.between(customerSince, now).getSeconds(), 86_400L)) / 365;
    }
}
