package hotline.billing.internal;

import hotline.billing.BillingSource;
import hotline.billing.BillingUnavailableException;
import hotline.billing.Statement;
import hotline.billing.UnknownAccountException;
import hotline.common.InvalidInputException;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;

/**
 * The billing port over the ledger in Hotline's own database (loaded by {@link LedgerImport}): one round trip per
 * account; its answers are as of the import that loaded the account. An account the export did not carry is unknown;
 * a database that cannot be read makes billing unavailable. Thread-safe.
 */
public final class LedgerSource implements BillingSource {

    private static final Logger log = LoggerFactory.getLogger(LedgerSource.class);

    private final Pool pool;

    public LedgerSource(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public Future<Statement> statement(String accountNumber) {
        return pool.preparedQuery(BillingSql.STATEMENT).execute(Tuple.of(accountNumber))
                .recover(failure -> {
                    log.warn("Billing: the ledger cannot be read: {}", failure.getMessage());
                    return Future.failedFuture(new BillingUnavailableException("the billing ledger cannot be read now"));
                })
                .compose(rows -> rows.size() == 0 ? Future.failedFuture(new UnknownAccountException(accountNumber))
                        : read(accountNumber, rows.iterator().next()));
    }

    private static Future<Statement> read(String accountNumber, Row row) {
        LocalDate next = row.getLocalDate("next_reading_on");
        JsonObject json = new JsonObject().put("accountNumber", accountNumber).put("balance", row.getString("balance"))
                .put("nextReadingOn", next == null ? null : next.toString())
                .put("bills", row.getValue("bills")).put("payments", row.getValue("payments"))
                .put("readings", row.getValue("readings"));
        try {
            return Future.succeededFuture(StatementJson.statement(accountNumber, json, SqlTime.instant(row, "imported_at")));
        } catch (InvalidInputException e) {
            // The import checked every value; a row that does not read back is a bug worth a message, not a guess.
            return Future.failedFuture(new BillingUnavailableException("the billing ledger holds a bad value: "
                    + e.field() + " " + e.getMessage()));
        }
    }
}
