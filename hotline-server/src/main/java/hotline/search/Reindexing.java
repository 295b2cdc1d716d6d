package hotline.search;

import io.vertx.core.Future;

/**
 * Rebuilding this instance's search index from the database while searches go on ({@code POST /api/admin/reindex},
 * the reindex page). One rebuild at a time per instance. Callable from any thread.
 */
public interface Reindexing {

    /**
     * Starts a rebuild; the future completes when the new index is live. While one runs it fails at once (the future
     * is already failed on return) with a {@link hotline.common.ConflictException}.
     */
    Future<Reindexed> reindex();

    /** The running rebuild, or the last one since this instance started. */
    ReindexProgress progress();
}
