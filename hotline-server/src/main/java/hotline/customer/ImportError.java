package hotline.customer;

import io.vertx.core.json.JsonObject;

/** A bad row of an import file; {@code row} is the line of the record in the file (the header is row 1). */
public record ImportError(int row, String field, String message) {

    public JsonObject toJson() {
        return new JsonObject().put("row", row).put("field", field).put("message", message);
    }
}
