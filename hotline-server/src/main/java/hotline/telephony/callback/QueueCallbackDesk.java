package hotline.telephony.callback;

import hotline.customer.Tier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * The {@link CallbackDesk} of Hotline: the offer from the queue board's estimate against the tier's threshold, bookings
 * in the {@link CallbackStore}. {@link #offerCallback} reads the board as of now (live waits) and never blocks;
 * thread-safe.
 */
public final class QueueCallbackDesk implements CallbackDesk {

    private final Supplier<JsonObject> board;
    private final String queue;
    private final CallbackThresholds thresholds;
    private final CallbackStore store;

    /** @param board the queue board as of now; {@code queue} the Asterisk queue callers join */
    public QueueCallbackDesk(Supplier<JsonObject> board, String queue, CallbackThresholds thresholds, CallbackStore store) {
        this.board = board;
        this.queue = queue;
        this.thresholds = thresholds;
        this.store = store;
    }

    /** True when a caller of {@code tier} (null: unknown) joining now would wait longer than the tier's threshold. */
    @Override
    public boolean offerCallback(Tier tier) {
        return thresholds.offerCallback(tier, QueueLoad.of(board.get(), queue).estimate());
    }

    /** Books the callback; the caller's place is the moment of booking and their queue priority. */
    @Override
    public Future<Callback> request(CallbackRequest request) {
        return store.request(request);
    }
}
