package hotline.reports;

import hotline.common.Code;

import java.util.List;

import static hotline.reports.Grouping.AGENT;
import static hotline.reports.Grouping.CHANNEL;
import static hotline.reports.Grouping.DISTRICT;
import static hotline.reports.Grouping.TIER;
import static hotline.reports.Grouping.TOTAL;
import static hotline.reports.Grouping.TYPE;

/**
 * The reports a supervisor reads, each with the groupings it allows and the measures of its rows, in column order.
 * The definitions are in {@link Figures} and docs/workflows.md ("Reports").
 */
public enum Report implements Code {
    TICKETS(List.of(TOTAL, DISTRICT, TYPE, CHANNEL, AGENT), List.of("tickets")),
    CALLS(List.of(TOTAL, AGENT, DISTRICT), List.of("offered", "answered", "abandoned", "serviceLevel", "asa", "aht")),
    FCR(List.of(TOTAL, DISTRICT, TYPE, CHANNEL, AGENT), List.of("contacts", "resolvedFirst", "repeated", "pending",
            "fcrRate")),
    SLA(List.of(TOTAL, TIER, TYPE), List.of("due", "met", "breached", "pending", "compliance",
            "firstResponseBreached")),
    SATISFACTION(List.of(TOTAL, DISTRICT, AGENT, TYPE), List.of("answers", "average", "csat")),
    COMPLAINTS(List.of(DISTRICT), List.of("complaints", "customers", "perThousand")),
    /** Return calls done; then one measure {@code reason.<code>} per reason of conf/visits.json ({@link ReportTable#measures}). */
    VISITS(List.of(TOTAL, DISTRICT, TYPE), List.of("done", "answered", "unreachable", "satisfied", "dissatisfied",
            "satisfiedRate")),
    SATISFACTION_TREND(List.of(TOTAL, DISTRICT, TYPE, AGENT), List.of("answers", "overall", "speed", "attitude",
            "result")),
    REPEAT_CONTACTS(List.of(TOTAL, DISTRICT, TYPE, CHANNEL, AGENT), List.of("contacts", "repeated", "pending",
            "repeatRate")),
    /** A count as of now, not per period: its one period is the request's last day. */
    AT_RISK(List.of(DISTRICT, TOTAL), List.of("atRiskKey", "atRiskOrdinary", "atRiskSmall", "atRisk"));

    private final List<Grouping> groupings;
    private final List<String> measures;

    Report(List<Grouping> groupings, List<String> measures) {
        this.groupings = groupings;
        this.measures = measures;
    }

    /** The groupings this report allows; the first is the default. */
    public List<Grouping> groupings() {
        return groupings;
    }

    /** Its measures, as the API and CSV name them, in column order (the visits report adds its reasons). */
    public List<String> measures() {
        return measures;
    }
}
