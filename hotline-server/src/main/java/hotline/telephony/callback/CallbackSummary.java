package hotline.telephony.callback;

import io.vertx.core.json.JsonObject;

/** Callbacks still to make (requested or being dialled), and how many of them are past their due time. */
public record CallbackSummary(int pending, int overdue) {

    public JsonObject toJson() {
        return new JsonObject().put("pending", pending).put("overdue", overdue);
    }
}
