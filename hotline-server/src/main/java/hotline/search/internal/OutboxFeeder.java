package hotline.search.internal;

import hotline.common.ConflictException;
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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the index in step with the ticket outbox. At start it catches up from the outbox id committed with the
 * index (so a crash loses nothing); afterwards a hint on {@value TicketService#BUS_ADDRESS} — or, should hints be
 * lost, a poll every {@value #POLL_MS} ms — reads, {@value #COALESCE_MS} ms later, the outbox rows after the last
 * applied one, loads those tickets (with events and customer) and applies them. Work runs one step at a time on
 * this verticle's context; the index work itself on the search workers.
 *
 * <p>{@link #reindex} rebuilds from the tickets table into a new index while the live one keeps being fed, then —
 * in the same queue as the feeding, so nothing slips between — applies the outbox rows written meanwhile and swaps.
 */
public final class OutboxFeeder extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(OutboxFeeder.class);

    /**
     * The poll that stands in for hints this instance never gets (tickets changed through another instance): with
     * the {@value SearchIndex#REFRESH_MS} ms refresh it keeps every change searchable within a second.
     */
    public static final long POLL_MS = 500;
    /**
     * How long a hint waits for others to join it. A change is only searchable at the index's next refresh anyway;
     * draining once per ticket under load cost more database time than indexing them all.
     */
    public static final long COALESCE_MS = 50;
    private static final int BATCH = 500;
    private static final int REBUILD_PAGE = 1_000;

    /** What a finished reindex did. */
    public record Rebuilt(long tickets, long outboxId, long millis) {

        public JsonObject toJson() {
            return new JsonObject().put("tickets", tickets).put("outboxId", outboxId).put("millis", millis);
        }
    }

    private interface Sink {
        Future<Void> put(List<SearchDocument> tickets, long outboxId);
    }

    private final Pool pool;
    private final SearchService search;
    private Future<Void> queue = Future.succeededFuture();
    private boolean pollQueued;
    private boolean rebuilding;
    private Context home;

    public OutboxFeeder(Pool pool, SearchService search) {
        this.pool = pool;
        this.search = search;
    }

    @Override
    public Future<?> start() {
        home = context;
        vertx.eventBus().consumer(TicketService.BUS_ADDRESS, hint -> poll());
        vertx.setPeriodic(POLL_MS, id -> poll());
        // What start-up caught up with is visible to the first search, not only after the next periodic refresh.
        return serially(() -> catchUp().compose(v -> search.run(() -> {
            search.index().refresh();
            return null;
        })));
    }

    /** Rebuilds the index from PostgreSQL and swaps it in; 409 while another rebuild runs. Callable from anywhere. */
    public Future<Rebuilt> reindex() {
        Promise<Rebuilt> done = Promise.promise();
        home.runOnContext(v -> rebuild().onComplete(done));
        return done.future();
    }

    /** Drains the outbox {@value #COALESCE_MS} ms from now; hints and polls meanwhile are served by that drain. */
    private void poll() {
        if (!pollQueued) {
            pollQueued = true;
            vertx.setTimer(COALESCE_MS, timer -> serially(() -> {
                pollQueued = false;
                return catchUp();
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

    private Future<Void> catchUp() {
        SearchIndex index = search.index();
        return drain(index.appliedOutboxId(), (tickets, outboxId) -> search.apply(tickets, outboxId)).mapEmpty();
    }

    /** Applies every outbox row after {@code after} to {@code sink}; answers the last outbox id reached. */
    private Future<Long> drain(long after, Sink sink) {
        return pool.preparedQuery(SearchSql.OUTBOX_AFTER).execute(Tuple.of(TicketService.OUTBOX_TOPIC, after, BATCH))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(after);
                    }
                    Set<Long> ids = new LinkedHashSet<>();
                    long last = after;
                    for (Row row : rows) {
                        ids.add(row.getLong("aggregate_id"));
                        last = row.getLong("id");
                    }
                    long reached = last;
                    return documents(ids)
                            .compose(tickets -> sink.put(tickets, reached))
                            .compose(v -> rows.size() < BATCH ? Future.succeededFuture(reached) : drain(reached, sink));
                });
    }

    private Future<List<SearchDocument>> documents(Set<Long> ids) {
        // Planned for these ids every time: a connection's cached generic plan, made while the tables were small (a
        // new installation), scanned every ticket once per id - 58 ms per call at 85,000 tickets. Planning is 1 ms.
        return pool.withTransaction(tx -> tx.query(SearchSql.CUSTOM_PLANS).execute()
                        .compose(set -> tx.preparedQuery(SearchSql.DOCUMENTS_BY_ID)
                                .execute(Tuple.of(ids.toArray(Long[]::new)))))
                .map(rows -> {
                    List<SearchDocument> tickets = new ArrayList<>(rows.size());
                    rows.forEach(row -> tickets.add(TicketDocuments.fromRow(row)));
                    return tickets;
                });
    }

    private Future<Rebuilt> rebuild() {
        if (rebuilding) {
            return Future.failedFuture(new ConflictException("a reindex is already running"));
        }
        rebuilding = true;
        long started = System.nanoTime();
        Future<Rebuilt> result = pool.preparedQuery(SearchSql.OUTBOX_HEAD).execute(Tuple.of(TicketService.OUTBOX_TOPIC))
                .map(rows -> rows.iterator().next().getLong("head"))
                .compose(head -> search.run(() -> search.index().rebuild()).compose(rebuild ->
                        copyAll(rebuild, 0, 0)
                                .compose(count -> serially(() -> drain(head, (tickets, outboxId) ->
                                        addTo(rebuild, tickets)).compose(last -> search.run(() -> {
                                            rebuild.complete(last);
                                            return new Rebuilt(count, last, (System.nanoTime() - started) / 1_000_000);
                                        }))))
                                .onFailure(failure -> search.run(() -> {
                                    rebuild.close();
                                    return null;
                                }))));
        return result.onComplete(done -> rebuilding = false)
                .onSuccess(r -> log.info("Search index rebuilt: {} tickets up to outbox id {} in {} ms", r.tickets(),
                        r.outboxId(), r.millis()));
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
                    return addTo(rebuild, tickets).compose(v -> tickets.size() < REBUILD_PAGE
                            ? Future.succeededFuture(total) : copyAll(rebuild, lastId, total));
                });
    }

    private Future<Void> addTo(SearchIndex.Rebuild rebuild, List<SearchDocument> tickets) {
        return search.run(() -> {
            rebuild.add(tickets);
            return null;
        });
    }
}
