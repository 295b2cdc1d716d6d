package hotline.telephony.switchboard.internal;

import io.vertx.core.json.JsonObject;

/**
 * One queue's day as sums that add up call by call (so the stored calls, the calls not stored yet and the calls still
 * going can be added together), and the figures the wallboard shows, derived from them:
 * <ul>
 *   <li>service level = answered within the threshold ÷ (answered + abandoned), in per cent;</li>
 *   <li>abandon rate = abandoned ÷ (answered + abandoned + missed): of the calls whose outcome is known;</li>
 *   <li>average speed of answer = wait of answered calls ÷ answered (abandoned calls do not count);</li>
 *   <li>average handle time = talk + hold + wrap-up per handled (answered and ended) call; Asterisk's talk time runs
 *       from the answer to the end and so holds the hold time, which is shown apart: talk = talk time − hold.</li>
 * </ul>
 * A short abandon (the caller hung up within the configured few seconds) counts in none of these, only in
 * {@code shortAbandoned}. Every figure is null while its denominator is zero. Immutable.
 */
record QueueDay(int offered, int answered, int answeredInThreshold, int abandoned, int shortAbandoned, int missed,
                long answeredWaitSeconds, long waitSeconds, int handled, long talkSeconds, long holdSeconds,
                long wrapUpSeconds) {

    static final QueueDay EMPTY = new QueueDay(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    QueueDay plus(QueueDay other) {
        return new QueueDay(offered + other.offered, answered + other.answered,
                answeredInThreshold + other.answeredInThreshold, abandoned + other.abandoned,
                shortAbandoned + other.shortAbandoned, missed + other.missed,
                answeredWaitSeconds + other.answeredWaitSeconds, waitSeconds + other.waitSeconds,
                handled + other.handled, talkSeconds + other.talkSeconds, holdSeconds + other.holdSeconds,
                wrapUpSeconds + other.wrapUpSeconds);
    }

    Double serviceLevel() {
        return percent(answeredInThreshold, answered + abandoned);
    }

    Double abandonRate() {
        return percent(abandoned, answered + abandoned + missed);
    }

    Double averageSpeedOfAnswer() {
        return average(answeredWaitSeconds, answered);
    }

    /** Over answered and abandoned calls (short abandons excluded): what a caller waits, whatever came of it. */
    Double averageWait() {
        return average(waitSeconds, answered + abandoned);
    }

    Double averageHandle() {
        return average(talkSeconds + wrapUpSeconds, handled);
    }

    /** The sums and figures as {@code today} of {@code GET /api/queues} shows them, with the rules they follow. */
    JsonObject toJson(DayRules rules) {
        return new JsonObject()
                .put("offered", offered)
                .put("answered", answered)
                .put("answeredWithinThreshold", answeredInThreshold)
                .put("abandoned", abandoned)
                .put("shortAbandoned", shortAbandoned)
                .put("missed", missed)
                .put("handled", handled)
                .put("serviceLevelSeconds", rules.serviceLevelSeconds())
                .put("shortAbandonSeconds", rules.shortAbandonSeconds())
                .put("serviceLevel", serviceLevel())
                .put("abandonRate", abandonRate())
                .put("averageSpeedOfAnswerSeconds", averageSpeedOfAnswer())
                .put("averageWaitSeconds", averageWait())
                .put("averageHandleSeconds", averageHandle())
                .put("averageTalkSeconds", average(talkSeconds - holdSeconds, handled))
                .put("averageHoldSeconds", average(holdSeconds, handled))
                .put("averageWrapUpSeconds", average(wrapUpSeconds, handled));
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    /** {@code sum ÷ count} to one decimal, null when {@code count} is zero. */
    static Double average(long sum, long count) {
        return count == 0 ? null : round((double) sum / count);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
