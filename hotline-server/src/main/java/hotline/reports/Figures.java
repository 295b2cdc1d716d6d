package hotline.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one row of a report and the measures derived from them. These are the definitions the reports page
 * and the API state; every ratio is null when its denominator is zero (nothing to measure is not 0 %).
 */
public sealed interface Figures {

    /** The row's measures by name, in the order of {@link Report#measures}. */
    Map<String, Number> values();

    /** Tickets created in the period. */
    record Tickets(long tickets) implements Figures {
        @Override
        public Map<String, Number> values() {
            return Map.of("tickets", tickets);
        }
    }

    /**
     * Calls that reached the agents' queue. {@code abandoned} counts callers who hung up while waiting and callers the
     * queue gave up on (no agent in time); {@code shortAbandoned} those who hung up before the short-abandon
     * threshold, who never really waited. Seconds are sums over the answered calls.
     */
    record Calls(long offered, long answered, long abandoned, long shortAbandoned, long answeredWithin,
                 long waitSeconds, long handleSeconds) implements Figures {

        /** Answered within the threshold ÷ (answered + abandoned − short abandons). */
        public Double serviceLevel() {
            return ratio(answeredWithin, answered + abandoned - shortAbandoned);
        }

        /** Average speed of answer: the wait of answered calls ÷ answered calls, in seconds. */
        public Double asa() {
            return ratio(waitSeconds, answered);
        }

        /** Average handle time: talk + hold + wrap-up of answered calls ÷ answered calls, in seconds. */
        public Double aht() {
            return ratio(handleSeconds, answered);
        }

        @Override
        public Map<String, Number> values() {
            return ordered("offered", offered, "answered", answered, "abandoned", abandoned,
                    "serviceLevel", serviceLevel(), "asa", asa(), "aht", aht());
        }
    }

    /**
     * First-contact resolution of the contacts (tickets of a known customer): {@code repeated} were followed by
     * another contact of the same customer on the same category within 7 days; {@code pending} had no such repeat
     * yet and their 7 days are not over, so they are not judged yet.
     */
    record FirstContact(long contacts, long repeated, long pending) implements Figures {

        /** Judged contacts without a repeat. */
        public long resolvedFirst() {
            return contacts - pending - repeated;
        }

        /** Resolved at first contact ÷ judged contacts (pending ones left out). */
        public Double rate() {
            return ratio(resolvedFirst(), contacts - pending);
        }

        @Override
        public Map<String, Number> values() {
            return ordered("contacts", contacts, "resolvedFirst", resolvedFirst(), "repeated", repeated,
                    "pending", pending, "fcrRate", rate());
        }
    }

    /**
     * Resolution targets that fell due in the period: {@code met} resolved in time, {@code breached} not, and
     * {@code pending} still open with time left; {@code firstResponseBreached} of the same tickets missed their first
     * response target.
     */
    record Sla(long due, long met, long breached, long pending, long firstResponseBreached) implements Figures {

        /** Met ÷ (met + breached). */
        public Double compliance() {
            return ratio(met, met + breached);
        }

        @Override
        public Map<String, Number> values() {
            return ordered("due", due, "met", met, "breached", breached, "pending", pending,
                    "compliance", compliance(), "firstResponseBreached", firstResponseBreached);
        }
    }

    /** Satisfaction answers (1–5); satisfied means 4 or 5. */
    record Satisfaction(long answers, long scoreSum, long satisfied) implements Figures {

        public Double average() {
            return ratio(scoreSum, answers);
        }

        /** CSAT: satisfied answers ÷ answers. */
        public Double csat() {
            return ratio(satisfied, answers);
        }

        @Override
        public Map<String, Number> values() {
            return ordered("answers", answers, "average", average(), "csat", csat());
        }
    }

    /** Complaints opened in the period in a district, against the customers the district has now. */
    record Complaints(long complaints, long customers) implements Figures {

        /** Complaints × 1,000 ÷ customers; null for a district without customers. */
        public Double perThousand() {
            return customers == 0 ? null : complaints * 1000.0 / customers;
        }

        @Override
        public Map<String, Number> values() {
            return ordered("complaints", complaints, "customers", customers, "perThousand", perThousand());
        }
    }

    /**
     * Return calls done in the period: {@code answered}, or {@code unreachable} once the attempts ran out; of the
     * answered, {@code satisfied} (overall 4–5) and {@code dissatisfied} (1–2; the rest were neutral), and per reason
     * code how many dissatisfied customers gave it (one may give several), in the order of {@code reasons}.
     */
    record Visits(long done, long answered, long unreachable, long satisfied, long dissatisfied,
                  Map<String, Long> reasons) implements Figures {

        /** Satisfied ÷ answered. */
        public Double satisfiedRate() {
            return ratio(satisfied, answered);
        }

        @Override
        public Map<String, Number> values() {
            Map<String, Number> values = ordered("done", done, "answered", answered, "unreachable", unreachable,
                    "satisfied", satisfied, "dissatisfied", dissatisfied, "satisfiedRate", satisfiedRate());
            reasons.forEach((code, count) -> values.put(REASON + code, count));
            return values;
        }
    }

    /** The measure of a reason code in {@link Visits}: {@code reason.<code>}. */
    String REASON = "reason.";

    /**
     * The satisfaction indicators of answered return calls: the overall of every answer, and speed, attitude and
     * result, each averaged over the answers that gave it (older answers have only the overall).
     */
    record Indicators(long answers, long overallSum, long speedSum, long speedAnswers, long attitudeSum,
                      long attitudeAnswers, long resultSum, long resultAnswers) implements Figures {

        @Override
        public Map<String, Number> values() {
            return ordered("answers", answers, "overall", ratio(overallSum, answers),
                    "speed", ratio(speedSum, speedAnswers), "attitude", ratio(attitudeSum, attitudeAnswers),
                    "result", ratio(resultSum, resultAnswers));
        }
    }

    /**
     * The same contacts as {@link FirstContact}, read the other way round: how many of the judged contacts came back
     * on the same issue within 7 days.
     */
    record RepeatContacts(FirstContact contacts) implements Figures {

        /** Repeated ÷ judged contacts (pending ones left out). */
        public Double rate() {
            return ratio(contacts.repeated(), contacts.contacts() - contacts.pending());
        }

        @Override
        public Map<String, Number> values() {
            return ordered("contacts", contacts.contacts(), "repeated", contacts.repeated(),
                    "pending", contacts.pending(), "repeatRate", rate());
        }
    }

    /** Customers at risk now (see the relationship capability), by their tier. */
    record AtRisk(long key, long ordinary, long small) implements Figures {

        @Override
        public Map<String, Number> values() {
            return ordered("atRiskKey", key, "atRiskOrdinary", ordinary, "atRiskSmall", small,
                    "atRisk", key + ordinary + small);
        }
    }

    private static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    private static Map<String, Number> ordered(Object... namesAndValues) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], (Number) namesAndValues[i + 1]);
        }
        return values;
    }
}
