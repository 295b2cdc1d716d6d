package hotline.relationship;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** A customer as the archive lists it, with the last contact (latest ticket or call; null: never). */
public record ArchiveCustomer(long id, String accountNumber, String name, String address, String district,
                              String waterUse, String kind, String tier, String criticalReason, List<String> phones,
                              Instant createdAt, Instant updatedAt, Instant lastContactAt) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("accountNumber", accountNumber).put("name", name)
                .put("address", address).put("district", district).put("waterUse", waterUse).put("kind", kind)
                .put("tier", tier).put("criticalReason", criticalReason).put("phones", new JsonArray(phones))
                .put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString())
                .put("lastContactAt", lastContactAt == null ? null : lastContactAt.toString());
    }
}
