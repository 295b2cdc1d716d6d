package hotline.telephony.callback;

import hotline.customer.Tier;
import io.vertx.core.Future;

/**
 * What the IVR asks about callbacks (actions {@code check_wait} and {@code request_callback}): whether to offer one
 * to a caller about to join the queue, and booking it. Implementations are thread-safe; {@link #offerCallback} never
 * blocks.
 */
public interface CallbackDesk {

    /** True when a caller of {@code tier} (null: unknown) joining the queue now would wait longer than the tier allows. */
    boolean offerCallback(Tier tier);

    /** Books the callback (once per call); the caller keeps their place: queue priority, then the moment of booking. */
    Future<Callback> request(CallbackRequest request);
}
