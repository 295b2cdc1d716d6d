package hotline.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The answer to an import: data rows read, rows imported (created + updated), the first bad rows (at most
 * {@link ImportErrors#MAX}) and how many rows were bad in all.
 */
public record ImportReport(ImportMode mode, int rows, int created, int updated, List<ImportError> errors,
                           int errorCount) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public int imported() {
        return created + updated;
    }

    public JsonObject toJson() {
        return new JsonObject().put("mode", mode.code()).put("rows", rows).put("imported", imported())
                .put("created", created).put("updated", updated)
                .put("errorCount", errorCount)
                .put("errors", new JsonArray(errors.stream().map(ImportError::toJson).toList()));
    }
}
