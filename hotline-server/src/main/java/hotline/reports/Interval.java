package hotline.reports;

import hotline.common.Code;

/**
 * How a report's period is cut into rows: by day, by ISO week (Monday first) or by calendar month, in the utility's
 * time zone. Each allows a period of at most {@link #maxDays} days, so a chart stays readable (about 90 days, 53
 * weeks, 24 months).
 */
public enum Interval implements Code {
    DAY(92), WEEK(371), MONTH(731);

    private final int maxDays;

    Interval(int maxDays) {
        this.maxDays = maxDays;
    }

    /** The longest period, in days counted inclusively, that a report grouped this way may cover. */
    public int maxDays() {
        return maxDays;
    }
}
