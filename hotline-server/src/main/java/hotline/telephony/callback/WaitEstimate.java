package hotline.telephony.callback;

/**
 * The estimated wait, in whole seconds, of a caller who joins the queue now. Chosen rule: with today's average
 * handle time known and at least one staffed agent (logged in and not paused: available, ringing, in a call or in
 * wrap-up), {@code ceil(position × averageHandle / staffed)}, where position counts the callers already waiting plus
 * this one; without a handle time yet today, today's average wait or, when longer, the live wait of the caller who
 * has waited longest (callers piling up before any call was handled today); callers waiting and nobody staffed means
 * an unbounded wait ({@link #UNBOUNDED}); nothing known at all (a quiet queue) means no wait. Plain Java, immutable.
 */
public record WaitEstimate(long seconds) {

    /** The estimate when callers wait and no agent is staffed. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /**
     * @param waiting              callers in the queue now (this caller not included)
     * @param staffedAgents        members logged in and not paused
     * @param averageHandleSeconds today's average talk time, null when no call was handled yet today
     * @param averageWaitSeconds   today's average wait, null when no call waited yet today
     * @param longestWaitSeconds   the live wait of the caller waiting longest now (0 when nobody waits)
     */
    public static WaitEstimate of(int waiting, int staffedAgents, Double averageHandleSeconds,
                                  Double averageWaitSeconds, long longestWaitSeconds) {
        if (waiting < 0 || staffedAgents < 0 || longestWaitSeconds < 0) {
            throw new IllegalArgumentException("waiting, staffedAgents and longestWaitSeconds are not negative, got "
                    + waiting + ", " + staffedAgents + ", " + longestWaitSeconds);
        }
        if (staffedAgents == 0) {
            return new WaitEstimate(waiting == 0 ? 0 : UNBOUNDED);
        }
        if (averageHandleSeconds != null) {
            return new WaitEstimate((long) Math.ceil((waiting + 1) * averageHandleSeconds / staffedAgents));
        }
        long average = averageWaitSeconds == null ? 0 : (long) Math.ceil(averageWaitSeconds);
        return new WaitEstimate(Math.max(average, longestWaitSeconds));
    }
}
