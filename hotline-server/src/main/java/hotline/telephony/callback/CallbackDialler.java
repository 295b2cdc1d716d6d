package hotline.telephony.callback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Dials pending callbacks as agents come free. Every {@code interval} it looks at the queue board: for each member
 * shown {@code available} (not paused, not in a call, not in wrap-up) it claims the next callback in the store (one
 * claim per callback across every instance, see {@link CallbackStore#claimNext}) and Originates it through
 * {@link Originator}: the agent's phone first, then the customer. The Originate answering success marks the callback
 * {@code connected}; a refusal or no answer counts a failed attempt (retried later, bounded). A phone dialled is left
 * alone for {@code restAfterDial}, so the board has time to show it busy before it gets a second callback. Runs on
 * one event loop (its timer's); never blocks; does nothing while {@code linkUp} says the AMI link is down.
 */
public final class CallbackDialler {

    /**
     * Starts a callback's call: rings {@code phone} (an agent's interface), then dials the callback's number, the call
     * carrying the callback's id and ticket so its record links them; succeeds when it connected.
     */
    @FunctionalInterface
    public interface Originator {
        Future<Void> originate(String phone, Callback callback);
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackDialler.class);

    private final Vertx vertx;
    private final Supplier<JsonObject> board;
    private final String queue;
    private final CallbackStore store;
    private final Originator originator;
    private final BooleanSupplier linkUp;
    private final Clock clock;
    private final Duration interval;
    private final Duration restAfterDial;
    /** Phones with a dial under way (value null) or resting until the instant. */
    private final Map<String, Instant> busy = new HashMap<>();
    private long timer = -1;

    public CallbackDialler(Vertx vertx, Supplier<JsonObject> board, String queue, CallbackStore store,
                           Originator originator, BooleanSupplier linkUp, Clock clock, Duration interval,
                           Duration restAfterDial) {
        this.linkUp = linkUp;
        this.vertx = vertx;
        this.board = board;
        this.queue = queue;
        this.store = store;
        this.originator = originator;
        this.clock = clock;
        this.interval = interval;
        this.restAfterDial = restAfterDial;
    }

    public void start() {
        timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        if (!linkUp.getAsBoolean()) {
            // the board may still show members, but nothing can be dialled: attempts are not burnt meanwhile
            return;
        }
        Instant now = clock.instant();
        busy.values().removeIf(until -> until != null && !now.isBefore(until));
        for (String phone : QueueLoad.of(board.get(), queue).availableInterfaces()) {
            if (busy.containsKey(phone)) {
                continue;
            }
            busy.put(phone, null);
            store.claimNext(phone)
                    .compose(claimed -> claimed.map(callback -> dial(callback, phone).map(true)).orElse(Future.succeededFuture(false)))
                    .onComplete(result -> {
                        if (result.failed()) {
                            log.warn("Callback dialling for {} failed: {}", phone, result.cause().getMessage());
                        }
                        if (result.succeeded() && !result.result()) {
                            busy.remove(phone);
                        } else {
                            busy.put(phone, clock.instant().plus(restAfterDial));
                        }
                    });
        }
    }

    private Future<Void> dial(Callback callback, String phone) {
        log.info("Dialling callback {} (attempt {}) through {}", callback.id(), callback.attempts(), phone);
        return originator.originate(phone, callback)
                .compose(v -> store.connected(callback.id()).<Void>mapEmpty(),
                        e -> {
                            log.warn("Callback {} attempt {} failed: {}", callback.id(), callback.attempts(), e.getMessage());
                            return store.attemptFailed(callback.id()).mapEmpty();
                        });
    }
}
