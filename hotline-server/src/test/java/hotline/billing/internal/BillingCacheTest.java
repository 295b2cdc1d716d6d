package hotline.billing.internal;

import hotline.billing.BillingAnswer;
import hotline.billing.BillingSource;
import hotline.billing.BillingUnavailableException;
import hotline.billing.FakeCis;
import hotline.billing.Statement;
import hotline.billing.UnknownAccountException;
import hotline.testing.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-account cache in front of the billing port, on a movable clock and a scripted source. */
class BillingCacheTest {

    private static final String ACCOUNT = "8800010000";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));
    private final Script source = new Script();
    private final BillingCache cache = new BillingCache(source, Duration.ofSeconds(60), 2, clock);

    /** Answers with the promises the test queues, and counts the reads. */
    private static final class Script implements BillingSource {
        final Deque<Promise<Statement>> next = new ArrayDeque<>();
        int reads;

        Promise<Statement> queue() {
            Promise<Statement> promise = Promise.promise();
            next.add(promise);
            return promise;
        }

        @Override
        public String name() {
            return "script";
        }

        @Override
        public Future<Statement> statement(String accountNumber) {
            reads++;
            return next.removeFirst().future();
        }
    }

    private static Statement statement(String balance) {
        return FakeCis.year(ACCOUNT, balance, LocalDate.of(2026, 11, 20));
    }

    @Test
    @DisplayName("one read serves every ask within the time to live, those made while it is under way included")
    void sharedWithinTtl() {
        Promise<Statement> read = source.queue();
        Future<BillingAnswer> first = cache.answer(ACCOUNT);
        Future<BillingAnswer> during = cache.answer(ACCOUNT);
        read.complete(statement("10.00"));
        clock.advance(Duration.ofSeconds(59));

        Future<BillingAnswer> later = cache.answer(ACCOUNT);

        assertThat(source.reads).isEqualTo(1);
        assertThat(during.result()).isSameAs(first.result()).isSameAs(later.result());
        assertThat(((BillingAnswer.Known) first.result()).fetchedAt()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
    }

    @Test
    @DisplayName("after the time to live the account is read again, so a payment shows within a minute")
    void readAgainAfterTtl() {
        source.queue().complete(statement("10.00"));
        cache.answer(ACCOUNT);
        clock.advance(Duration.ofSeconds(61));
        source.queue().complete(statement("0.00"));

        BillingAnswer answer = cache.answer(ACCOUNT).result();

        assertThat(source.reads).isEqualTo(2);
        assertThat(((BillingAnswer.Known) answer).statement().balance()).isEqualByComparingTo("0.00");
    }

    @Test
    @DisplayName("a failure carries the last good answer and its time, and is not reused: the next ask tries again")
    void failureKeepsLastGood() {
        source.queue().complete(statement("10.00"));
        cache.answer(ACCOUNT);
        clock.advance(Duration.ofMinutes(5));
        source.queue().fail(new BillingUnavailableException("the billing system answered HTTP 503"));

        BillingAnswer.Unavailable down = (BillingAnswer.Unavailable) cache.answer(ACCOUNT).result();

        assertThat(down.reason()).contains("503");
        assertThat(down.lastGood().fetchedAt()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
        assertThat(down.lastGood().statement().balance()).isEqualByComparingTo("10.00");
        source.queue().complete(statement("0.00"));
        assertThat(cache.answer(ACCOUNT).result()).isInstanceOf(BillingAnswer.Known.class);
        assertThat(source.reads).isEqualTo(3);
    }

    @Test
    @DisplayName("an unknown account is an answer, not a failure; a failure with nothing remembered has no last good")
    void unknownAndNothingRemembered() {
        source.queue().fail(new UnknownAccountException(ACCOUNT));
        assertThat(cache.answer(ACCOUNT).result()).isEqualTo(new BillingAnswer.Unknown(ACCOUNT));

        source.queue().fail(new BillingUnavailableException("down"));
        assertThat(((BillingAnswer.Unavailable) cache.answer("8800010001").result()).lastGood()).isNull();
    }

    @Test
    @DisplayName("the cache keeps only the most recently asked accounts")
    void bounded() {
        for (String account : new String[] {"8800010001", "8800010002", "8800010003", "8800010001"}) {
            source.queue().complete(statement("1.00"));
            cache.answer(account);
        }
        assertThat(source.reads).isEqualTo(4);
    }
}
