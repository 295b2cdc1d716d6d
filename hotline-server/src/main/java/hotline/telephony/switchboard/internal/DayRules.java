package hotline.telephony.switchboard.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * How one call counts in its queue's day ({@link QueueDay}); the figures query of {@link SwitchboardSql#QUEUE_DAY}
 * counts stored calls by the same rules. Plain Java, immutable.
 *
 * @param serviceLevelSeconds  an answer within this many seconds of joining the queue meets the service level
 * @param shortAbandonSeconds  a caller who hangs up after waiting less than this is a short abandon, counted apart
 * @param wrapUpCap            the wrap-up counted for one call at most: an agent may save it long after the call,
 *                             having taken other calls meanwhile
 */
public record DayRules(int serviceLevelSeconds, int shortAbandonSeconds, Duration wrapUpCap) {

    /** What became of a queued call, as far as is known now. */
    enum Outcome { WAITING, ANSWERED, ABANDONED, MISSED }

    /**
     * One call of a queue: its outcome so far, its wait (null when unknown), talk time and hold (answered calls), when
     * it ended (null while it goes on) and when its wrap-up was saved (null while it is not).
     */
    record QueuedCall(String queue, Outcome outcome, Integer waitSeconds, Integer talkSeconds, Integer holdSeconds,
                      Instant endedAt, Instant wrappedUpAt) {
    }

    /**
     * The call's part of its queue's day as of {@code now}. An ended answered call's wrap-up lasts until it is saved
     * (until now while it is not), at most {@link #wrapUpCap}.
     */
    QueueDay tally(QueuedCall call, Instant now) {
        Integer wait = call.waitSeconds();
        if (call.outcome() == Outcome.ABANDONED && wait != null && wait < shortAbandonSeconds) {
            return new QueueDay(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        }
        long waited = wait == null ? 0 : wait;
        return switch (call.outcome()) {
            case WAITING -> new QueueDay(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            case MISSED -> new QueueDay(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
            case ABANDONED -> new QueueDay(1, 0, 0, 1, 0, 0, 0, waited, 0, 0, 0, 0);
            case ANSWERED -> {
                int inThreshold = wait != null && wait <= serviceLevelSeconds ? 1 : 0;
                if (call.endedAt() == null) {
                    yield new QueueDay(1, 1, inThreshold, 0, 0, 0, waited, waited, 0, 0, 0, 0);
                }
                yield new QueueDay(1, 1, inThreshold, 0, 0, 0, waited, waited, 1,
                        call.talkSeconds() == null ? 0 : call.talkSeconds(),
                        call.holdSeconds() == null ? 0 : call.holdSeconds(), wrapUpSeconds(call, now));
            }
        };
    }

    private long wrapUpSeconds(QueuedCall call, Instant now) {
        Instant savedOrNow = call.wrappedUpAt() != null ? call.wrappedUpAt() : now;
        long seconds = Math.max(0, Duration.between(call.endedAt(), savedOrNow).toSeconds());
        return Math.min(seconds, wrapUpCap.toSeconds());
    }
}
