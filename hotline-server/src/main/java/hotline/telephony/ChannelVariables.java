package hotline.telephony;

import java.util.Locale;

/**
 * The Asterisk channel variables telephony reads and writes: the IVR leaves its findings in them for the dialplan, the
 * call record and the screen pop; agents' and callbacks' Originates set the ticket and the callback; the dialplan sets
 * the recording. The AMI link forwards only these ({@link #VAR_PREFIX}, {@link #VAR_QUEUE_PRIO}). Names are shared
 * with {@code ivr-scripts/extensions_hotline.conf}.
 */
public final class ChannelVariables {

    public static final String VAR_PREFIX = "HOTLINE_";
    public static final String VAR_CUSTOMER_ID = "HOTLINE_CUSTOMER_ID";
    public static final String VAR_TIER = "HOTLINE_TIER";
    public static final String VAR_CRITICAL = "HOTLINE_CRITICAL";
    public static final String VAR_REASON = "HOTLINE_REASON";
    /** The nodes the {@code ivr} flow has visited so far ({@code a>b>c}); {@link #ofFlow} for other flows. */
    public static final String VAR_IVR_PATH = "HOTLINE_IVR_PATH";
    public static final String VAR_TICKET = "HOTLINE_TICKET";
    public static final String VAR_CALLBACK = "HOTLINE_CALLBACK";
    /** How the {@code ivr} flow ended: {@code completed} or {@code to_queue}. */
    public static final String VAR_ENDING = "HOTLINE_IVR_ENDING";
    public static final String VAR_SATISFACTION = "HOTLINE_SATISFACTION";
    /** The id of the callback booked in (IVR) or dialled for (Originate) this call. */
    public static final String VAR_CALLBACK_ID = "HOTLINE_CALLBACK_ID";
    /** The dialplan sets this to the MixMonitor file name (see ivr-scripts/extensions_hotline.conf). */
    public static final String VAR_RECORDING = "HOTLINE_RECORDING";
    /** Read by {@code Queue(hotline,,,,,,,,,${QUEUE_PRIO})}'s priority (Asterisk's own QUEUE_PRIO variable). */
    public static final String VAR_QUEUE_PRIO = "QUEUE_PRIO";

    private ChannelVariables() {
    }

    /**
     * A flow's own variable, so that a flow run later on the same call (the survey after the agent) does not overwrite
     * the IVR's: {@code HOTLINE_<FLOW>_<what>}, e.g. {@code HOTLINE_IVR_PATH}, {@code HOTLINE_SURVEY_ENDING}.
     */
    public static String ofFlow(String flow, String what) {
        return VAR_PREFIX + flow.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + what;
    }
}
