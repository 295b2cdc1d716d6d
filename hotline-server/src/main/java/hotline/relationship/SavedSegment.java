package hotline.relationship;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A filter of the archive a supervisor saved under a name. */
public record SavedSegment(long id, String name, ArchiveFilter filter, String createdBy, Instant createdAt) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("filter", filter.toJson())
                .put("createdBy", createdBy).put("createdAt", createdAt.toString());
    }
}
