package hotline.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes that arrive together share one transaction. Each event-loop context keeps its own queue: an item submitted
 * while {@code maxInFlight} writes of that context are running waits, and everything that waited goes into the next
 * write, up to {@code maxBatch} items; under no load an item is written alone at the end of the current event-loop
 * turn. One commit (and one WAL flush) then serves many callers, which is what lets a small machine take thousands of
 * tickets a second (see {@code docs/benchmarks.md}).
 *
 * <p>{@code writeAll} gets the items in submission order and answers one result per item, in the same order, after
 * its transaction committed. If a shared write fails with a failure that {@code retryAlone} accepts (one that
 * certainly rolled back, such as an SQL error), each of its items is written again alone, so one bad item fails only
 * its own caller; any other failure (a lost connection: the commit may or may not have happened) fails every caller
 * of the batch. Items submitted outside an event-loop context are written alone, at once.
 *
 * <p>All state of a queue is touched only on its context's thread.
 *
 * @param <I> what a caller submits
 * @param <O> what it gets back
 */
public final class GroupCommit<I, O> {

    private final Function<List<I>, Future<List<O>>> writeAll;
    private final Predicate<Throwable> retryAlone;
    private final int maxBatch;
    private final int maxInFlight;

    public GroupCommit(Function<List<I>, Future<List<O>>> writeAll, Predicate<Throwable> retryAlone, int maxBatch,
                       int maxInFlight) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
        }
        this.writeAll = writeAll;
        this.retryAlone = retryAlone;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
    }

    private record Pending<I, O>(I item, Promise<O> promise) {
    }

    /** The waiting items and running writes of one context. */
    private final class Queue {
        private final Context context;
        private final List<Pending<I, O>> waiting = new ArrayList<>();
        private int inFlight;
        private boolean flushScheduled;

        Queue(Context context) {
            this.context = context;
        }

        Future<O> add(I item) {
            Promise<O> promise = Promise.promise();
            waiting.add(new Pending<>(item, promise));
            if (!flushScheduled && inFlight < maxInFlight) {
                // At the end of this turn, so that the other requests read in this turn join the same write.
                flushScheduled = true;
                context.runOnContext(ignored -> {
                    flushScheduled = false;
                    flush();
                });
            }
            return promise.future();
        }

        private void flush() {
            while (inFlight < maxInFlight && !waiting.isEmpty()) {
                List<Pending<I, O>> batch = new ArrayList<>(waiting.subList(0, Math.min(maxBatch, waiting.size())));
                waiting.subList(0, batch.size()).clear();
                inFlight++;
                write(batch).onComplete(done -> {
                    inFlight--;
                    flush();
                });
            }
        }
    }

    /** Answers {@code item}'s result once the transaction that wrote it committed. */
    public Future<O> submit(I item) {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            Promise<O> promise = Promise.promise();
            write(List.of(new Pending<>(item, promise)));
            return promise.future();
        }
        Queue queue = context.get(this);
        if (queue == null) {
            queue = new Queue(context);
            context.put(this, queue);
        }
        return queue.add(item);
    }

    /** Writes the batch; completes when every promise of it is completed. */
    private Future<Void> write(List<Pending<I, O>> batch) {
        Future<List<O>> written;
        try {
            written = writeAll.apply(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        return written.transform(outcome -> {
            if (outcome.succeeded() && outcome.result().size() != batch.size()) {
                IllegalStateException broken = new IllegalStateException("a write of " + batch.size()
                        + " items answered " + outcome.result().size() + " results");
                batch.forEach(pending -> pending.promise().fail(broken));
                return Future.succeededFuture();
            }
            if (outcome.succeeded()) {
                List<O> results = outcome.result();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).promise().complete(results.get(i));
                }
                return Future.succeededFuture();
            }
            if (batch.size() > 1 && retryAlone.test(outcome.cause())) {
                return Future.all(batch.stream().map(pending -> write(List.of(pending))).toList()).mapEmpty();
            }
            batch.forEach(pending -> pending.promise().fail(outcome.cause()));
            return Future.succeededFuture();
        });
    }
}
