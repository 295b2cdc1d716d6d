package hotline.telephony;

/**
 * Event-bus addresses telephony publishes on (JSON bodies):
 * <ul>
 *   <li>{@link #QUEUES}: the whole queue board after every change (same body as {@code GET /api/queues});</li>
 *   <li>{@link #screenPop(long)}: to one agent (by user id) when their phone is connected to a caller — {@code call},
 *       {@code customer} ({@code id}, {@code tier}, {@code criticalFacility}, or null), {@code ivr} (path, reason,
 *       ticket, callbackNumber), {@code agent};</li>
 *   <li>{@link #CALLS}: each finished call record ({@link CallRecord#toJson()}).</li>
 * </ul>
 */
public final class TelephonyAddresses {

    public static final String QUEUES = "hotline.queues";
    public static final String SCREEN_POP_PREFIX = "hotline.screenpop.";
    public static final String CALLS = "hotline.calls";
    /** Internal: AMI events handed over by the AMI link's listener. */
    public static final String AMI_EVENTS = "hotline.telephony.ami";

    private TelephonyAddresses() {
    }

    public static String screenPop(long userId) {
        return SCREEN_POP_PREFIX + userId;
    }
}
