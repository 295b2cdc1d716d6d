package hotline.telephony.ivr.internal;

/**
 * The few things the IVR does to a call; {@link AgiIvrChannel} does them over FastAGI, tests with a script. Each
 * method blocks until Asterisk has done it (call it on the call's own virtual thread) and throws
 * {@link CallerHungUpException} once the caller has hung up.
 */
public interface IvrChannel {

    /** Asterisk's uniqueid of the call. */
    String uniqueid();

    /** The caller's number, or null when withheld or unknown. */
    String callerId();

    /**
     * Plays {@code sound} and collects up to {@code maxDigits} keys; empty when none came within {@code timeoutMs}, or
     * when Asterisk could not play the sound (logged; the call goes on).
     */
    String getData(String sound, int timeoutMs, int maxDigits);

    /** Plays {@code sound}; one Asterisk cannot play is logged and skipped. */
    void play(String sound);

    /** The channel's language as Asterisk gives it ({@code zh}, {@code en}, {@code en_US}, ...). */
    String language();

    /** Reads {@code digits} out one by one. */
    void sayDigits(String digits);

    /** Reads a whole number out in the channel's language (SAY NUMBER). */
    void sayNumber(long number);

    /** Reads the moment {@code epochSecond} out in {@code format} (SAY DATETIME's letters), as of UTC. */
    void sayDateTime(long epochSecond, String format);

    /** Sets a channel variable, which the dialplan and the AMI events (VarSet) then carry. */
    void setVariable(String name, String value);

    void hangup();
}
