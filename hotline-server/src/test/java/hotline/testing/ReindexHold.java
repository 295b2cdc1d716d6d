package hotline.testing;

import hotline.App;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

/**
 * Holds the next search index rebuild of a server at its start, so a test can look at a rebuild that runs: a row
 * lock on the server's {@code search_feeds} row, which a rebuild writes first. {@link #close} lets it go on.
 */
public final class ReindexHold implements AutoCloseable {

    private final SqlConnection connection;
    private final Transaction transaction;

    private ReindexHold(SqlConnection connection, Transaction transaction) {
        this.connection = connection;
        this.transaction = transaction;
    }

    /** Takes the lock (the server must have recorded its search position once: it does so at start-up). */
    public static ReindexHold on(App app) {
        String instance = app.search().service().index().instanceId();
        SqlConnection connection = app.pool().getConnection().await();
        Transaction transaction = connection.begin().await();
        int locked = connection.preparedQuery("SELECT 1 FROM search_feeds WHERE instance_id = $1 FOR UPDATE")
                .execute(Tuple.of(instance)).await().size();
        if (locked != 1) {
            transaction.rollback().await();
            connection.close().await();
            throw new IllegalStateException("the server has no search_feeds row to hold yet");
        }
        return new ReindexHold(connection, transaction);
    }

    @Override
    public void close() {
        try {
            transaction.rollback().await();
        } finally {
            connection.close().await();
        }
    }
}
