package hotline.search.internal;

import hotline.common.ConflictException;
import hotline.search.OutboxPosition;
import hotline.search.ReindexProgress;
import hotline.search.Reindexed;
import hotline.search.Reindexing;
import hotline.search.SearchDocument;
import hotline.search.SearchIndex;
import hotline.search.SearchService;
import hotline.store.DatabaseUnavailable;
import hotline.ticket.TicketService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps the index in step with the outbox (topics {@link OutboxPage#TOPICS}). The index's {@link OutboxPosition} is a
 * database snapshot, so a drain takes the rows of the transactions that finished since — in whatever order their ids
 * were drawn — loads the tickets they name (with events and customer; a customer's row names all its tickets) and
 * applies them with the new position. At start it catches up from the position committed with the index (so a crash
 * loses nothing); afterwards a hint on {@value TicketService#BUS_ADDRESS} — or, for changes through another instance
 * or to customers, a poll every {@value #POLL_MS} ms — drains {@value #COALESCE_MS} ms later. Work runs one step at a
 * time on this verticle's context; the index work itself on the search workers.
 *
 * <p>An index with no position (new, or written before positions were snapshots) or one behind the pruned horizon
 * (its instance was silent past the expiry and the others pruned what it still lacked) is rebuilt: at start before
 * serving, later as soon as a drain finds it. Every heartbeat this instance records its committed position in
 * {@link SearchFeeds} and prunes what every live instance has applied.
 *
 * <p>{@link #reindex} rebuilds from the tickets table into a new index while the live one keeps being fed, then —
 * in the same queue as the feeding, so nothing slips between — applies the outbox rows committed since the snapshot
 * it started from, and swaps; its {@link #progress} is kept as it goes. One rebuild at a time, whoever starts it.
 */
public final class OutboxFeeder extends VerticleBase implements Reindexing {

    private static final Logger log = LoggerFactory.getLogger(OutboxFeeder.class);

    /**
     * The poll that stands in for hints this instance never gets (tickets changed through another instance, customer
     * changes): with the {@value SearchIndex#REFRESH_MS} ms refresh it keeps every change searchable within a second.
     */
    public static final long POLL_MS = 500;
    /**
     * How long a hint waits for others to join it. A change is only searchable at the index's next refresh anyway;
     * draining once per ticket under load cost more database time than indexing them all.
     */
    public static final long COALESCE_MS = 50;
    private static final int BATCH = 500;
    private static final int REBUILD_PAGE = 1_000;
    /** Where {@link #status} stops counting the changes the index lacks. */
    private static final int PENDING_CAP = 100_000;

    private interface Sink {
        Future<Void> put(List<SearchDocument> tickets, OutboxPosition position);
    }

    private final Pool pool;
    private final SearchService search;
    private final SearchFeeds feeds;
    private final long heartbeatMs;
    private final Clock clock;
    private Future<Void> queue = Future.succeededFuture();
    private boolean pollQueued;
    /** Taken by whoever starts a rebuild, from any thread; given back when it ends. */
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<ReindexProgress> progress = new AtomicReference<>(ReindexProgress.idle());
    private boolean housekeeping;
    private Context home;
    /** The snapshot a running rebuild started from; null when none runs. */
    private volatile OutboxPosition rebuildStart;
    /** {@link System#nanoTime} when the snapshot of the applied position was taken (about). */
    private volatile long caughtUpAt = System.nanoTime();

    /**
     * @param heartbeatMs how often this instance records its position and prunes the outbox
     * @param clock       the times of a rebuild's {@link #progress}
     */
    public OutboxFeeder(Pool pool, SearchService search, SearchFeeds feeds, long heartbeatMs, Clock clock) {
        this.pool = pool;
        this.search = search;
        this.feeds = feeds;
        this.heartbeatMs = heartbeatMs;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        home = context;
        vertx.eventBus().consumer(TicketService.BUS_ADDRESS, hint -> poll());
        vertx.setPeriodic(POLL_MS, id -> poll());
        vertx.setPeriodic(heartbeatMs, id -> housekeeping());
        // What start-up caught up with is visible to the first search, not only after the next periodic refresh.
        return serially(this::catchUp)
                .compose(caughtUp -> caughtUp ? Future.succeededFuture() : rebuildStale())
                .compose(done -> search.run(() -> {
                    search.index().refresh();
                    return null;
                }));
    }

    /** Rebuilds the index from PostgreSQL and swaps it in; failed at once while another rebuild runs. */
    @Override
    public Future<Reindexed> reindex() {
        if (!claimRebuild()) {
            return alreadyRunning();
        }
        Promise<Reindexed> done = Promise.promise();
        home.runOnContext(v -> rebuild().onComplete(done));
        return done.future();
    }

    @Override
    public ReindexProgress progress() {
        return progress.get();
    }

    /**
     * For {@code /health}: the applied {@code position}; {@code lagMillis}, how long ago the database was as the index
     * shows it; {@code pendingChanges}, the committed outbox rows it lacks (counted up to {@value #PENDING_CAP});
     * {@code rebuilding}. Callable from anywhere.
     */
    public Future<JsonObject> status() {
        JsonObject status = new JsonObject().put("rebuilding", rebuildStart != null);
        Optional<OutboxPosition> position = search.index().appliedPosition();
        if (position.isEmpty()) {
            return Future.succeededFuture(status.putNull("position"));
        }
        long lagMillis = (System.nanoTime() - caughtUpAt) / 1_000_000;
        return feeds.pending(position.get(), PENDING_CAP).map(pending -> status
                .put("position", position.get().snapshot()).put("lagMillis", lagMillis).put("pendingChanges", pending));
    }

    /** Drains the outbox {@value #COALESCE_MS} ms from now; hints and polls meanwhile are served by that drain. */
    private void poll() {
        if (!pollQueued) {
            pollQueued = true;
            vertx.setTimer(COALESCE_MS, timer -> serially(() -> {
                pollQueued = false;
                return catchUp();
            }).onSuccess(caughtUp -> {
                if (!caughtUp && !rebuilding.get()) {
                    rebuildStale();
                }
            }));
        }
    }

    private <T> Future<T> serially(Supplier<Future<T>> task) {
        Future<T> next = queue.transform(previous -> {
            try {
                return task.get();
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
        queue = next.<Void>mapEmpty().recover(failure -> {
            if (DatabaseUnavailable.is(failure)) {
                DatabaseUnavailable.noticed(failure); // once per interval while the database is down
            } else {
                log.warn("Search index feeding failed, retrying at the next hint or poll: {}", failure.getMessage());
            }
            return Future.succeededFuture();
        });
        return next;
    }

    /** Applies what committed since the index's position; false when only a rebuild can bring the index up to date. */
    private Future<Boolean> catchUp() {
        Optional<OutboxPosition> from = search.index().appliedPosition();
        if (from.isEmpty()) {
            return Future.succeededFuture(false);
        }
        long started = System.nanoTime();
        return drain(from.get(), search::apply).map(reached -> {
            reached.ifPresent(position -> caughtUpAt = started);
            return reached.isPresent();
        });
    }

    /**
     * Puts into {@code sink} the tickets named by the outbox rows of transactions finished after {@code from} and by
     * the snapshot of the first page; answers that snapshot, or empty when rows after {@code from} were pruned.
     */
    private Future<Optional<OutboxPosition>> drain(OutboxPosition from, Sink sink) {
        return page(from, null, "0", 0, sink);
    }

    private Future<Optional<OutboxPosition>> page(OutboxPosition from, OutboxPosition upto, String afterXid,
                                                  long afterId, Sink sink) {
        Tuple parameters = Tuple.of(OutboxPage.TOPICS.toArray(String[]::new), from.snapshot(),
                upto == null ? null : upto.snapshot(), afterXid, afterId, BATCH);
        return pool.preparedQuery(SearchSql.OUTBOX_PAGE).execute(parameters).compose(rows -> {
            OutboxPage page = OutboxPage.of(rows);
            if (page.behind()) {
                return Future.succeededFuture(Optional.empty());
            }
            boolean last = page.rows() < BATCH;
            // The position moves only once every page up to the first one's snapshot is in.
            OutboxPosition reached = last ? page.upto() : from;
            return documents(page).compose(tickets -> sink.put(tickets, reached))
                    .compose(v -> last ? Future.succeededFuture(Optional.of(reached))
                            : page(from, page.upto(), page.lastXid(), page.lastId(), sink));
        });
    }

    private Future<List<SearchDocument>> documents(OutboxPage page) {
        if (page.ticketIds().isEmpty() && page.customerIds().isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        // Planned for these ids every time: a connection's cached generic plan, made while the tables were small (a
        // new installation), scanned every ticket once per id - 58 ms per call at 85,000 tickets. Planning is 1 ms.
        Tuple ids = Tuple.from(List.of(page.ticketIds().toArray(Long[]::new), page.customerIds().toArray(Long[]::new)));
        return pool.withTransaction(tx -> tx.query(SearchSql.CUSTOM_PLANS).execute()
                        .compose(set -> tx.preparedQuery(SearchSql.DOCUMENTS_OF).execute(ids)))
                .map(rows -> {
                    List<SearchDocument> tickets = new ArrayList<>(rows.size());
                    rows.forEach(row -> tickets.add(TicketDocuments.fromRow(row)));
                    return tickets;
                });
    }

    /** Rebuilds an index that {@link #catchUp} cannot bring up to date, saying why. */
    private Future<Reindexed> rebuildStale() {
        if (!claimRebuild()) {
            return alreadyRunning();
        }
        if (search.index().appliedPosition().isEmpty()) {
            log.info("The search index has no outbox position (new, or written by an older version): building it");
        } else {
            log.warn("The search index lacks outbox rows pruned while its instance was silent: rebuilding it");
        }
        return rebuild();
    }

    /** Takes the one rebuild of this instance (false while one runs) and starts its progress. */
    private boolean claimRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        progress.set(ReindexProgress.starting(clock.instant()));
        return true;
    }

    private static Future<Reindexed> alreadyRunning() {
        return Future.failedFuture(new ConflictException("a reindex is already running; wait for it to finish"));
    }

    /** Runs the rebuild this caller has claimed. */
    private Future<Reindexed> rebuild() {
        long started = System.nanoTime();
        Future<Reindexed> result = feeds.rebuildStart().compose(start -> {
            rebuildStart = start;
            return pool.query(SearchSql.COUNT_TICKETS).execute()
                    .compose(counted -> {
                        progress.updateAndGet(p -> p.copying(counted.iterator().next().getLong(0)));
                        return search.run(() -> search.index().rebuild());
                    })
                    .compose(rebuild -> copyAll(rebuild, 0, 0)
                            .compose(count -> {
                                progress.updateAndGet(ReindexProgress::catchingUp);
                                return serially(() -> finish(rebuild, start, count, started));
                            })
                            .onFailure(failure -> search.run(() -> {
                                rebuild.close();
                                return null;
                            })));
        });
        return result.onComplete(done -> {
                    progress.updateAndGet(p -> done.succeeded() ? p.finished(done.result().tickets(), clock.instant())
                            : p.failed(done.cause().getMessage(), clock.instant()));
                    rebuildStart = null;
                    rebuilding.set(false);
                })
                .onSuccess(r -> log.info("Search index rebuilt: {} tickets up to outbox position {} in {} ms",
                        r.tickets(), r.position(), r.millis()))
                .onFailure(failure -> log.warn("Search index rebuild failed: {}", failure.getMessage()));
    }

    /** Adds what committed while the tickets were copied, then swaps the rebuilt index in. Runs in the queue. */
    private Future<Reindexed> finish(SearchIndex.Rebuild rebuild, OutboxPosition start, long count, long started) {
        long drained = System.nanoTime();
        return drain(start, (tickets, position) -> addTo(rebuild, tickets)).compose(reached -> reached.isEmpty()
                ? Future.failedFuture(new IllegalStateException("outbox rows after the rebuild's start were pruned"))
                : search.run(() -> {
                    rebuild.complete(reached.get());
                    caughtUpAt = drained;
                    return new Reindexed(count, reached.get(), (System.nanoTime() - started) / 1_000_000);
                }));
    }

    private Future<Long> copyAll(SearchIndex.Rebuild rebuild, long afterId, long copied) {
        return pool.preparedQuery(SearchSql.DOCUMENTS_AFTER).execute(Tuple.of(afterId, REBUILD_PAGE))
                .compose(rows -> {
                    List<SearchDocument> tickets = new ArrayList<>(rows.size());
                    rows.forEach(row -> tickets.add(TicketDocuments.fromRow(row)));
                    if (tickets.isEmpty()) {
                        return Future.succeededFuture(copied);
                    }
                    long total = copied + tickets.size();
                    long lastId = tickets.getLast().id();
                    return addTo(rebuild, tickets).compose(v -> {
                        progress.updateAndGet(p -> p.copied(tickets.size()));
                        return tickets.size() < REBUILD_PAGE
                                ? Future.succeededFuture(total) : copyAll(rebuild, lastId, total);
                    });
                });
    }

    private Future<Void> addTo(SearchIndex.Rebuild rebuild, List<SearchDocument> tickets) {
        return search.run(() -> {
            rebuild.add(tickets);
            return null;
        });
    }

    /** Records this instance's durable position (before its first, the rebuild's start) and prunes the outbox. */
    private void housekeeping() {
        Optional<OutboxPosition> position = search.index().committedPosition()
                .or(() -> Optional.ofNullable(rebuildStart));
        if (housekeeping || position.isEmpty()) {
            return;
        }
        housekeeping = true;
        feeds.heartbeat(position.get()).compose(v -> feeds.prune())
                .onFailure(failure -> log.warn("Search heartbeat or outbox pruning failed, retrying in {} ms: {}",
                        heartbeatMs, failure.getMessage()))
                .onComplete(done -> housekeeping = false);
    }
}
