package hotline.billing.internal;

import hotline.billing.BillingAnswer;
import hotline.billing.BillingSource;
import hotline.billing.UnknownAccountException;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers per account, reused for {@code ttl}: during one call the IVR, the caller card, the customer page and the
 * API read the same account within a minute or two, and a statement changes at most when a payment arrives, so one
 * read of the billing system serves them all. A read already under way is shared, not repeated. When the billing
 * system fails, the last good answer of the account (kept while the account stays among the {@code capacity} most
 * recently asked) goes with the failure, to be shown as stale; a failure itself is not reused (the next ask tries
 * again; the CIS adapter's circuit breaker spares a failing system). Thread-safe.
 */
public final class BillingCache {

    private final BillingSource source;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Kept> entries;

    /** The latest answer or read under way ({@code answer} not yet complete) of an account, and the last good one. */
    private record Kept(Future<BillingAnswer> answer, Instant askedAt, BillingAnswer.Known lastGood) {
    }

    public BillingCache(BillingSource source, Duration ttl, int capacity, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The account's answer: the one kept when it is fresh or still coming, else a new read. Never fails. */
    public Future<BillingAnswer> answer(String accountNumber) {
        Instant now = clock.instant();
        Promise<BillingAnswer> promise;
        BillingAnswer.Known lastGood;
        synchronized (entries) {
            Kept kept = entries.get(accountNumber);
            if (kept != null && (!kept.answer().isComplete() || kept.askedAt().plus(ttl).isAfter(now)
                    && !(kept.answer().result() instanceof BillingAnswer.Unavailable))) {
                return kept.answer();
            }
            lastGood = kept == null ? null : kept.lastGood();
            promise = Promise.promise();
            entries.put(accountNumber, new Kept(promise.future(), now, lastGood));
        }
        source.statement(accountNumber).onComplete(read -> {
            BillingAnswer answer = read.succeeded() ? new BillingAnswer.Known(read.result(), clock.instant())
                    : read.cause() instanceof UnknownAccountException ? new BillingAnswer.Unknown(accountNumber)
                    : new BillingAnswer.Unavailable(read.cause().getMessage(), lastGood);
            if (answer instanceof BillingAnswer.Known known) {
                synchronized (entries) {
                    Kept kept = entries.get(accountNumber);
                    if (kept != null && kept.answer() == promise.future()) {
                        entries.put(accountNumber, new Kept(promise.future(), kept.askedAt(), known));
                    }
                }
            }
            promise.complete(answer);
        });
        return promise.future();
    }
}
