package hotline.billing;

import hotline.customer.ImportError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The answer to a ledger import: data rows read, rows imported (all of them, or none when any row was bad),
 * accounts replaced, the first bad rows and how many were bad in all. Shaped like the customer import's report.
 */
public record LedgerReport(int rows, int imported, int accounts, List<ImportError> errors, int errorCount) {

    public LedgerReport {
        errors = List.copyOf(errors);
    }

    public JsonObject toJson() {
        return new JsonObject().put("rows", rows).put("imported", imported).put("accounts", accounts)
                .put("errorCount", errorCount)
                .put("errors", new JsonArray(errors.stream().map(ImportError::toJson).toList()));
    }
}
