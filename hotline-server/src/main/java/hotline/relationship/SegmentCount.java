package hotline.relationship;

import io.vertx.core.json.JsonObject;

/**
 * How many customers of a filter fall in one segment: {@code dim} is district, waterUse, kind, tier or critical
 * ('' for all of them), {@code key} the segment's value ('' for none: no district, no critical reason).
 */
public record SegmentCount(String dim, String key, long customers) {

    public JsonObject toJson() {
        return new JsonObject().put("dim", dim).put("key", key).put("customers", customers);
    }
}
