package hotline.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The asynchronous face of the {@link SearchIndex}: every call runs on a worker pool of its own (so a slow search
 * never holds an event loop, nor the shared worker pool) and answers a Vert.x {@link Future}. Domain failures
 * ({@code InvalidInputException}) arrive as failed futures.
 */
public final class SearchService {

    /** Similar cases returned when the caller does not say. */
    public static final int SIMILAR_DEFAULT = 10;

    private final SearchIndex index;
    private final WorkerExecutor workers;

    /** Runs on a pool of {@code threads} workers named {@code hotline-search}. */
    public SearchService(Vertx vertx, SearchIndex index, int threads) {
        this.index = index;
        this.workers = vertx.createSharedWorkerExecutor("hotline-search", threads);
    }

    public Future<SearchResults> search(SearchRequest request) {
        return run(() -> index.search(request));
    }

    /** Cases like a ticket; with {@code collapse}, one per group of near-duplicates (see {@link SearchIndex}). */
    public Future<List<SearchHit>> similarTo(long ticketId, int size, boolean collapse) {
        return run(() -> index.similarTo(ticketId, size, collapse));
    }

    /** Cases like a text, near-duplicates collapsed: what a similar-cases panel shows. */
    public Future<List<SearchHit>> similarToText(String text, int size) {
        return similarToText(text, size, true);
    }

    public Future<List<SearchHit>> similarToText(String text, int size, boolean collapse) {
        return run(() -> index.similarToText(text, size, collapse));
    }

    public Future<Void> apply(Collection<SearchDocument> tickets, OutboxPosition position) {
        return run(() -> {
            index.apply(tickets, position);
            return null;
        });
    }

    public SearchIndex index() {
        return index;
    }

    /** Runs blocking index work (a rebuild step, a commit) on the search workers. */
    public <T> Future<T> run(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }
}
