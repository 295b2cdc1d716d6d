package hotline.relationship;

import hotline.common.Code;

/**
 * The indicators of relationship health, each weighted in {@code conf/relationship.json}. All but tenure take points
 * off; tenure adds them. Counts look back 12 months from now, except open tickets (however old).
 */
public enum Indicator implements Code {
    /** Complaints opened in the last 12 months: points per complaint. */
    COMPLAINTS,
    /** Tickets still open: points per ticket. */
    UNRESOLVED,
    /** Return-visit answers (1–5) of the last 12 months: the weight at an average of 1, nothing at 5, in between linearly. */
    SATISFACTION,
    /** Tickets that came within 7 days of the customer's previous one on the same issue (category, else type). */
    REPEAT_CONTACTS,
    /** Tickets of the last 12 months that escalated past the agent (the SLA's level). */
    ESCALATIONS,
    /** Whole years as a customer: points per year, added. */
    TENURE
}
