package hotline.notify;

/**
 * A channel could not deliver one message. {@code permanent}: trying again cannot help (no such mailbox, a number
 * the gateway refuses); otherwise the delivery is retried with backoff. The message is shown to staff with the
 * delivery, so it must not contain secrets.
 */
public final class SendFailure extends RuntimeException {

    private final boolean permanent;

    public SendFailure(boolean permanent, String message) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
