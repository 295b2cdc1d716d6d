package hotline.telephony.ami;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The right of this instance to hold the AMI link to one Asterisk: a PostgreSQL session-level advisory lock keyed by
 * {@code hashtext('hotline-ami:' || host:port)}, taken on a dedicated {@link PgConnection} (not the pool) kept open
 * for as long as it is held, so the lock lives exactly as long as that database session. When the session ends (the
 * connection drops, the server restarts, {@code pg_terminate_backend}) the lock is gone: {@code whenLost} runs and
 * {@link #isHeld()} turns false, and the link must be closed. Every instance must name an Asterisk by the same
 * {@code host:port} for the locks to meet.
 *
 * <p>Threading: {@link #acquire}, {@link #confirm} and {@link #release} block (up to {@value #TIMEOUT_MS} ms each); call
 * them from the link's virtual thread only, never from an event loop.
 */
final class AmiLease {

    private static final Logger log = LoggerFactory.getLogger(AmiLease.class);
    private static final long TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final String target;
    private final Runnable whenLost;
    private volatile PgConnection session;
    private volatile boolean held;

    /** {@code target} is the Asterisk's {@code host:port}; {@code whenLost} runs on an event loop and must not block. */
    AmiLease(Vertx vertx, PgConnectOptions database, String target, Runnable whenLost) {
        this.vertx = vertx;
        this.database = database;
        this.target = target;
        this.whenLost = whenLost;
    }

    /**
     * Takes the lock if it is free; true when this instance holds it now, false while another instance does. The
     * session stays open either way, so a standby does not reconnect on every try.
     *
     * @throws Exception when the database cannot be reached or does not answer in time
     */
    boolean acquire() throws Exception {
        if (held) {
            return true;
        }
        PgConnection current = session;
        if (current == null) {
            current = await(PgConnection.connect(vertx, database));
            PgConnection opened = current;
            opened.closeHandler(none -> ended(opened));
            session = opened;
        }
        boolean took;
        try {
            took = await(current.preparedQuery(AmiSql.TRY_AMI_LOCK).execute(Tuple.of(target)))
                    .iterator().next().getBoolean("held");
        } catch (Exception e) {
            // a session that does not answer is not reused: the next try starts a new one
            release();
            throw e;
        }
        held = took && session == current;
        return held;
    }

    /** While held: true when the lock's session still answers; otherwise (or when it does not) the session is closed. */
    boolean confirm() {
        PgConnection current = session;
        if (!held || current == null) {
            return false;
        }
        try {
            await(current.query(AmiSql.PING).execute());
            return held;
        } catch (Exception e) {
            log.warn("The database session holding the AMI lock on {} does not answer: {}", target, e.toString());
            release();
            return false;
        }
    }

    boolean isHeld() {
        return held;
    }

    /** Ends the session, which frees the lock for another instance. */
    void release() {
        PgConnection current = session;
        session = null;
        held = false;
        if (current != null) {
            try {
                await(current.close());
            } catch (Exception e) {
                log.debug("Closing the AMI lock session for {}: {}", target, e.toString());
            }
        }
    }

    private void ended(PgConnection closed) {
        if (session != closed) {
            return;
        }
        session = null;
        boolean wasHeld = held;
        held = false;
        if (wasHeld) {
            whenLost.run();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
