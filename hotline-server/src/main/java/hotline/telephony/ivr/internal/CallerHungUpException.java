package hotline.telephony.ivr.internal;

/** The caller hung up (Asterisk answered {@code result=-1}, {@code HANGUP} or 511): the flow stops where it is. */
public final class CallerHungUpException extends RuntimeException {

    public CallerHungUpException() {
        super("caller hung up", null, false, false);
    }
}
