package hotline.notify;

import io.vertx.core.Future;

/**
 * Sends one rendered message on one channel. {@code deliveryId} is the same on every attempt and goes to the far
 * side (SMTP Message-ID, SMS reference) so that a repeat after a crash can be recognised there. Fails with a
 * {@link SendFailure}; anything else counts as a failure worth retrying. Called on an event loop; must not block.
 */
public interface Sender {

    Future<Void> send(long deliveryId, String address, RenderedMessage message);

    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
