package hotline.telephony.ivr.internal;

/** A flow file that cannot run; the message names the flow, the node and the field. Fails start-up. */
public final class IvrFlowException extends RuntimeException {

    public IvrFlowException(String message) {
        super(message);
    }
}
