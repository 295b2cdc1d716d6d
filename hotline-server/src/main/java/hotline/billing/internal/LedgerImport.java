package hotline.billing.internal;

import hotline.billing.LedgerReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Loads a CIS export into the ledger, all or nothing, in one transaction: every account the file names loses its old
 * rows and gets the file's (an account the file leaves out keeps what it had, so a partial export of changed accounts
 * works too). The file is parsed on a worker thread as it arrives, and each chunk of {@value #CHUNK} rows is written
 * while the next is parsed; a bad row stops the writing, and at the end any bad row rolls the transaction back, so
 * nothing is half imported. One import runs at a time (an advisory lock); readers see the old ledger until the commit.
 */
public final class LedgerImport {

    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    static final int CHUNK = 5_000;

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;

    public LedgerImport(Vertx vertx, Pool pool, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
    }

    /** Imports {@code csv} (a blocking reader is fine: it is read on a worker thread). */
    public Future<LedgerReport> run(Reader csv) {
        return vertx.executeBlocking(() -> {
            try {
                return importNow(csv);
            } catch (WriteFailed e) {
                throw e.cause;
            }
        }, false);
    }

    private LedgerReport importNow(Reader csv) throws Exception {
        long started = System.nanoTime();
        SqlConnection conn = await(pool.getConnection());
        try {
            Transaction tx = await(conn.begin());
            try {
                await(conn.query(BillingSql.IMPORT_LOCK).execute());
                Instant now = clock.instant();
                Set<String> replaced = new HashSet<>();
                List<Future<?>> pending = new ArrayList<>(List.of(Future.succeededFuture()));
                LedgerCsv.Parsed parsed = LedgerCsv.parse(csv, CHUNK, chunk -> {
                    // One chunk in the database while the next is parsed; the writer waits for the one before.
                    written(pending.getFirst());
                    pending.set(0, write(conn, chunk, replaced, now));
                });
                written(pending.getFirst());
                if (parsed.errorCount() > 0) {
                    await(tx.rollback());
                    return new LedgerReport(parsed.rows(), 0, 0, parsed.errors(), parsed.errorCount());
                }
                await(tx.commit());
                log.info("Billing ledger: imported {} rows of {} accounts in {} ms", parsed.written(), parsed.accounts(),
                        (System.nanoTime() - started) / 1_000_000);
                return new LedgerReport(parsed.rows(), parsed.written(), parsed.accounts(), List.of(), 0);
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
        } finally {
            conn.close();
        }
    }

    /** Deletes the old rows of the chunk's accounts not replaced yet in this import, then inserts the chunk. */
    private static Future<?> write(SqlConnection conn, LedgerChunk chunk, Set<String> replaced, Instant now) {
        String[] fresh = chunk.accountNumbers().stream().filter(replaced::add).toArray(String[]::new);
        Future<?> done = Future.succeededFuture();
        if (fresh.length > 0) {
            Tuple accounts = Tuple.of(fresh);
            for (String delete : List.of(BillingSql.DELETE_ACCOUNTS, BillingSql.DELETE_BILLS,
                    BillingSql.DELETE_PAYMENTS, BillingSql.DELETE_READINGS)) {
                done = done.compose(v -> conn.preparedQuery(delete).execute(accounts));
            }
        }
        done = insert(conn, done, BillingSql.INSERT_ACCOUNTS, chunk.accounts, rows -> Tuple.of(
                strings(rows, a -> a.accountNumber()), strings(rows, a -> a.balance().toPlainString()),
                rows.stream().map(LedgerChunk.Account::nextReadingOn).toArray(LocalDate[]::new), now.atOffset(java.time.ZoneOffset.UTC)));
        done = insert(conn, done, BillingSql.INSERT_BILLS, chunk.bills, rows -> Tuple.of(
                strings(rows, LedgerChunk.Owned::accountNumber),
                rows.stream().map(b -> b.item().period().atDay(1)).toArray(LocalDate[]::new),
                rows.stream().map(b -> b.item().issuedOn()).toArray(LocalDate[]::new),
                rows.stream().map(b -> b.item().dueOn()).toArray(LocalDate[]::new),
                strings(rows, b -> b.item().consumption().toPlainString()),
                strings(rows, b -> b.item().amount().toPlainString())));
        done = insert(conn, done, BillingSql.INSERT_PAYMENTS, chunk.payments, rows -> Tuple.of(
                strings(rows, LedgerChunk.Owned::accountNumber),
                rows.stream().map(p -> p.item().paidOn()).toArray(LocalDate[]::new),
                strings(rows, p -> p.item().amount().toPlainString()), strings(rows, p -> p.item().method())));
        return insert(conn, done, BillingSql.INSERT_READINGS, chunk.readings, rows -> Tuple.of(
                strings(rows, LedgerChunk.Owned::accountNumber),
                rows.stream().map(r -> r.item().readOn()).toArray(LocalDate[]::new),
                strings(rows, r -> r.item().value().toPlainString()),
                rows.stream().map(r -> r.item().estimated()).toArray(Boolean[]::new)));
    }

    private static <T> Future<?> insert(SqlConnection conn, Future<?> before, String sql, List<T> rows,
                                        Function<List<T>, Tuple> arrays) {
        return rows.isEmpty() ? before : before.compose(v -> conn.preparedQuery(sql).execute(arrays.apply(rows)));
    }

    private static <T> String[] strings(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    /** Waits for a chunk written before; its failure leaves the parser as a {@link WriteFailed}. */
    private static void written(Future<?> chunk) {
        try {
            await(chunk);
        } catch (Exception e) {
            throw new WriteFailed(e);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The database refused a chunk. Carried past the CSV reader as its own type, so the reader does not take a
     * failure of the database for a fault of the file.
     */
    private static final class WriteFailed extends RuntimeException {
        final Exception cause;

        WriteFailed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
