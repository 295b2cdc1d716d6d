package hotline.telephony;

/**
 * Event-bus addresses telephony publishes on (JSON bodies, so they cross a cluster; all of them reach every instance
 * of a cluster except {@link #AMI_EVENTS}):
 * <ul>
 *   <li>{@link #QUEUES}: the whole queue board after every change (same body as {@code GET /api/queues}); in a
 *       cluster published only by the instance holding the AMI link, and kept as their own by the others;</li>
 *   <li>{@link #screenPop(long)}: to one agent (by user id) when their phone is connected to a caller — {@code call},
 *       {@code customer} ({@code id}, {@code tier}, {@code criticalFacility}, or null), {@code ivr} (path, reason,
 *       ticket, callbackNumber), {@code agent};</li>
 *   <li>{@link #SCREEN_POPS}: every screen pop, whoever's (the same body), for what each instance keeps of the
 *       agents' current calls, so a browser reconnecting to any instance finds its call;</li>
 *   <li>{@link #CALLS}: each finished call record ({@link CallRecord#toJson()});</li>
 *   <li>{@link #AMI_ACTIONS}: agent actions for Asterisk (request/reply), served by the instance holding the link.</li>
 * </ul>
 */
public final class TelephonyAddresses {

    public static final String QUEUES = "hotline.queues";
    public static final String SCREEN_POP_PREFIX = "hotline.screenpop.";
    public static final String SCREEN_POPS = "hotline.screenpops";
    public static final String CALLS = "hotline.calls";
    /** Internal and local to each instance: AMI events handed over by the AMI link's listener. */
    public static final String AMI_EVENTS = "hotline.telephony.ami";
    /**
     * Internal: an agent action ({@code action}: QueueAdd, QueueRemove, QueuePause, Originate, with its fields) asked
     * of the instance holding the AMI link; the reply is empty, a failure carries 503 (link lost) or 502 (refused).
     */
    public static final String AMI_ACTIONS = "hotline.telephony.ami-actions";

    private TelephonyAddresses() {
    }

    public static String screenPop(long userId) {
        return SCREEN_POP_PREFIX + userId;
    }
}
