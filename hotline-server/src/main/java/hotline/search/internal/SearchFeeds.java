package hotline.search.internal;

import hotline.search.OutboxPosition;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances' positions in the outbox ({@code search_feeds}) and the pruning of what every live one has applied.
 * Each instance keeps its own index, so the outbox is kept back to the oldest durable position among them; an instance
 * silent for longer than the expiry no longer holds it back, and rebuilds its index when it returns (its feeder sees
 * its position is older than the pruned horizon). Non-blocking; any thread.
 */
public final class SearchFeeds {

    private static final Logger log = LoggerFactory.getLogger(SearchFeeds.class);
    /** Outbox rows deleted per statement, so pruning a long backlog holds no lock for long. */
    private static final int PRUNE_BATCH = 10_000;

    private final Pool pool;
    private final String instanceId;
    private final int expirySeconds;

    /** @param expirySeconds silence after which another instance's position stops holding the outbox back */
    public SearchFeeds(Pool pool, String instanceId, int expirySeconds) {
        this.pool = pool;
        this.instanceId = instanceId;
        this.expirySeconds = expirySeconds;
    }

    /** Says this instance is alive and its index durably holds the outbox up to {@code position}. */
    public Future<Void> heartbeat(OutboxPosition position) {
        return pool.preparedQuery(SearchSql.HEARTBEAT).execute(Tuple.of(instanceId, position.snapshot())).mapEmpty();
    }

    /**
     * The snapshot a rebuild of this instance's index starts from; registered at once as its position unless it has
     * one already (older, so protecting more of the outbox), so pruning keeps what the rebuild will need.
     */
    public Future<OutboxPosition> rebuildStart() {
        return pool.preparedQuery(SearchSql.REBUILD_START).execute(Tuple.of(instanceId))
                .map(rows -> new OutboxPosition(rows.iterator().next().getString("start")));
    }

    /** Drops expired instances, raises the horizon to the oldest live position and deletes the rows below it. */
    public Future<Void> prune() {
        return pool.preparedQuery(SearchSql.RAISE_HORIZON).execute(Tuple.of(expirySeconds)).compose(rows -> {
            String[] expired = rows.iterator().next().getArrayOfStrings("expired");
            if (expired != null) {
                log.warn("Search instances {} silent for over {} s: the outbox no longer waits for them, and each "
                        + "rebuilds its index when it returns", String.join(", ", expired), expirySeconds);
            }
            return deleteBelowHorizon(0);
        });
    }

    /** The committed outbox rows {@code position} has not seen, counted up to {@code cap}. */
    public Future<Long> pending(OutboxPosition position, int cap) {
        return pool.preparedQuery(SearchSql.OUTBOX_PENDING)
                .execute(Tuple.of(OutboxPage.TOPICS.toArray(String[]::new), position.snapshot(), cap))
                .map(rows -> rows.iterator().next().getLong("pending"));
    }

    private Future<Void> deleteBelowHorizon(long deleted) {
        return pool.preparedQuery(SearchSql.PRUNE)
                .execute(Tuple.of(OutboxPage.TOPICS.toArray(String[]::new), PRUNE_BATCH))
                .compose(result -> {
                    long total = deleted + result.rowCount();
                    if (result.rowCount() == PRUNE_BATCH) {
                        return deleteBelowHorizon(total);
                    }
                    if (total > 0) {
                        log.debug("Pruned {} outbox rows every search instance has applied", total);
                    }
                    return Future.succeededFuture();
                });
    }
}
