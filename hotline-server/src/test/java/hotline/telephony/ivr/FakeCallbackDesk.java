package hotline.telephony.ivr;

import hotline.customer.Tier;
import hotline.telephony.callback.Callback;
import hotline.telephony.callback.CallbackDesk;
import hotline.telephony.callback.CallbackRequest;
import hotline.telephony.callback.CallbackStatus;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A callback desk that offers callbacks to the tiers in {@link #longWaitFor} and keeps bookings in a list. Thread-safe. */
public class FakeCallbackDesk implements CallbackDesk {

    /** Tiers (by code; "none" for callers of unknown tier) whose wait is long now. */
    public final Set<String> longWaitFor = ConcurrentHashMap.newKeySet();
    public final List<CallbackRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public boolean offerCallback(Tier tier) {
        return longWaitFor.contains(tier == null ? "none" : tier.code());
    }

    @Override
    public Future<Callback> request(CallbackRequest request) {
        requests.add(request);
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        return Future.succeededFuture(new Callback(requests.size(), request.callUniqueid(), request.customerId(),
                request.number(), request.ticketNumber(), request.priority(), now, now.plusSeconds(1800),
                CallbackStatus.REQUESTED, 0, null));
    }
}
