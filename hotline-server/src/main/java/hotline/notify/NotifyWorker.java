package hotline.notify;

import hotline.notify.internal.NotifySql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Delivers notices. Each round it plans the notices that have come due ({@link DeliveryPlanner}, in one transaction
 * with marking them planned), then claims a batch of due deliveries ({@code FOR UPDATE SKIP LOCKED}; the claim is a
 * lease in this worker's name that moves the row's next attempt to the lease's end, so any number of workers on one
 * database share the rows and never hold one at once), sends them concurrently, and records each outcome as soon as it
 * is known: sent; retried with backoff ({@link RetryPolicy}), within quiet hours held to the morning; given up after
 * the last attempt; failed at once when the far side refuses for good.
 *
 * <p><b>What "sent once" means.</b> A claim is committed before anything is sent, and each outcome is recorded
 * right after the send answers, only if this worker still holds the claim. {@link #stop} stops claiming and waits
 * for the batch in hand, so a restart repeats nothing. A sender killed between a send and its record (one database
 * round trip per message; at most a batch of messages) leaves rows whose lease runs out: they are sent again,
 * under the same delivery id as SMTP Message-ID and SMS reference, so a far side that keeps those recognises the
 * repeat. The guarantee is therefore at-least-once with a de-duplication key, never silently lost.
 *
 * <p>Runs on one Vert.x context; one round at a time. Time comes from the injected clock.
 */
public final class NotifyWorker {

    private static final Logger log = LoggerFactory.getLogger(NotifyWorker.class);

    /** What one round did. */
    public record Round(int planned, int claimed, int sent, int failed) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final String instance;
    private final DeliveryPlanner planner;
    private final NoticeTemplates templates;
    private final Map<NoticeChannel, Sender> senders;
    private final RetryPolicy retry;
    private final QuietHours quietHours;
    private final int batchSize;
    private final Duration lease;
    private volatile boolean running;
    private Future<Round> current = Future.succeededFuture(new Round(0, 0, 0, 0));
    private long timer = -1;

    /**
     * @param instance a name unique among the workers sharing the database (it marks this worker's claims)
     * @param lease    how long a claim keeps other workers away; longer than any send may take
     */
    public NotifyWorker(Vertx vertx, Pool pool, Clock clock, String instance, DeliveryPlanner planner,
                        NoticeTemplates templates, Map<NoticeChannel, Sender> senders, RetryPolicy retry,
                        QuietHours quietHours, int batchSize, Duration lease) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.instance = instance;
        this.planner = planner;
        this.templates = templates;
        this.senders = Map.copyOf(senders);
        this.retry = retry;
        this.quietHours = quietHours;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Runs rounds back to back while they find work, else every {@code idle}, until {@link #stop}. */
    public void start(Duration idle) {
        running = true;
        vertx.runOnContext(go -> loop(idle));
    }

    private void loop(Duration idle) {
        if (!running) {
            return;
        }
        current = roundOnce().onFailure(e -> log.warn("Notice delivery round failed: {}", e.getMessage()));
        current.onComplete(done -> {
            boolean busy = done.succeeded() && (done.result().planned() == batchSize || done.result().claimed() == batchSize);
            if (running) {
                if (busy) {
                    vertx.runOnContext(next -> loop(idle));
                } else {
                    timer = vertx.setTimer(idle.toMillis(), next -> loop(idle));
                }
            }
        });
    }

    /** Stops claiming; completes when the batch in hand has been sent and recorded. */
    public Future<Void> stop() {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        Promise<Void> stopped = Promise.promise();
        vertx.runOnContext(go -> current.onComplete(done -> stopped.complete()));
        return stopped.future();
    }

    /** One round: plans due notices, then claims, sends and records one batch of deliveries. */
    public Future<Round> roundOnce() {
        return planOnce().compose(planned -> sendOnce().map(round ->
                new Round(planned, round.claimed(), round.sent(), round.failed())));
    }

    /** Plans up to a batch of due notices; answers how many. */
    public Future<Integer> planOnce() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(NotifySql.PLAN_DUE)
                .execute(Tuple.of(SqlTime.param(now), batchSize)).compose(rows -> {
                    List<DeliveryPlanner.Planned> planned = new ArrayList<>();
                    rows.forEach(row -> planned.addAll(planner.plan(due(row), now)));
                    if (planned.isEmpty()) {
                        return Future.succeededFuture(rows.size());
                    }
                    return tx.preparedQuery(NotifySql.INSERT_DELIVERIES).execute(Tuple.of(
                            planned.stream().map(DeliveryPlanner.Planned::noticeId).toArray(Long[]::new),
                            planned.stream().map(p -> p.channel().code()).toArray(String[]::new),
                            planned.stream().map(DeliveryPlanner.Planned::address).toArray(String[]::new),
                            planned.stream().map(p -> p.language().code()).toArray(String[]::new),
                            planned.stream().map(p -> p.status().code()).toArray(String[]::new),
                            planned.stream().map(DeliveryPlanner.Planned::reason).toArray(String[]::new),
                            planned.stream().map(p -> SqlTime.param(p.nextAttemptAt())).toArray(OffsetDateTime[]::new),
                            SqlTime.param(now))).map(rows.size());
                }));
    }

    private static DeliveryPlanner.DueNotice due(Row row) {
        Long customerId = row.getLong("customer_id");
        String language = row.getString("language");
        ContactPreferences contact = language == null ? ContactPreferences.defaults(customerId == null ? 0 : customerId)
                : new ContactPreferences(customerId, row.getString("email"), Language.valueOf(language.toUpperCase()),
                row.getBoolean("sms_opt_out"), row.getBoolean("email_opt_out"));
        String[] phones = row.getArrayOfStrings("phones");
        return new DeliveryPlanner.DueNotice(row.getLong("id"), NoticeKind.ofCode(row.getString("kind")),
                SqlTime.instant(row, "created_at"), row.getString("phone"),
                phones == null ? List.of() : Arrays.asList(phones), contact);
    }

    /** Claims one batch of due deliveries, sends them concurrently and records every outcome. */
    public Future<Round> sendOnce() {
        Instant now = clock.instant();
        return pool.preparedQuery(NotifySql.CLAIM).execute(Tuple.of(SqlTime.param(now), SqlTime.param(now.plus(lease)),
                instance, batchSize)).compose(rows -> {
            List<Future<Boolean>> outcomes = new ArrayList<>(rows.size());
            rows.forEach(row -> outcomes.add(deliver(row)));
            return Future.join(outcomes).transform(all -> {
                int sent = (int) outcomes.stream().filter(f -> f.succeeded() && f.result()).count();
                return Future.succeededFuture(new Round(0, rows.size(), sent, rows.size() - sent));
            });
        });
    }

    /** Sends one claimed delivery and records the outcome; true when it was sent. */
    private Future<Boolean> deliver(Row row) {
        long id = row.getLong("id");
        int attempts = row.getInteger("attempts");
        NoticeKind kind = NoticeKind.ofCode(row.getString("kind"));
        NoticeChannel channel = NoticeChannel.valueOf(row.getString("channel").toUpperCase());
        Sender sender = senders.get(channel);
        Future<Void> sending;
        try {
            if (sender == null) {
                throw new SendFailure(false, channel.code() + " is not configured on this server");
            }
            JsonObject variables = row.getJsonObject("variables");
            RenderedMessage message = templates.render(kind, Language.valueOf(row.getString("language").toUpperCase()),
                    channel, variables == null ? new JsonObject() : variables);
            sending = sender.send(id, row.getString("address"), message);
        } catch (RuntimeException e) {
            sending = Future.failedFuture(e);
        }
        return sending.transform(done -> {
            Instant at = clock.instant();
            if (done.succeeded()) {
                return pool.preparedQuery(NotifySql.SENT).execute(Tuple.of(id, SqlTime.param(at), instance)).map(true);
            }
            Throwable cause = done.cause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (cause instanceof SendFailure failure && failure.permanent()) {
                return settle(id, DeliveryStatus.FAILED, reason, at);
            }
            return retry.next(attempts, at)
                    .map(next -> pool.preparedQuery(NotifySql.RETRY).execute(Tuple.of(id,
                            SqlTime.param(quietHours.release(kind, next)), reason, SqlTime.param(at), instance)).map(false))
                    .orElseGet(() -> settle(id, DeliveryStatus.GIVEN_UP, reason, at));
        });
    }

    private Future<Boolean> settle(long id, DeliveryStatus status, String reason, Instant at) {
        return pool.preparedQuery(NotifySql.SETTLE)
                .execute(Tuple.of(id, status.code(), reason, SqlTime.param(at), instance)).map(false);
    }
}
