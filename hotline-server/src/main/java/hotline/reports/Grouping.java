package hotline.reports;

import hotline.common.Code;

/**
 * What a report's rows are split by besides time: nothing ({@link #TOTAL}), or the ticket's district, type or channel,
 * the agent (the user who took the ticket or answered the call, by user name), or the customer's tier. Which ones a
 * report allows is the report's own list ({@link Report#groupings}).
 */
public enum Grouping implements Code {
    TOTAL, DISTRICT, TYPE, CHANNEL, AGENT, TIER;

    /** The roll-ups' {@code dim} column: '' for the total. */
    public String dim() {
        return this == TOTAL ? "" : code();
    }
}
