package hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} is 0-based, {@code total} counts every match, not only this page. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    /** {@code {"items": [...], "total": n, "page": p, "size": s}}. */
    public JsonObject toJson(Function<T, JsonObject> item) {
        return new JsonObject()
                .put("items", new JsonArray(items.stream().map(item).toList()))
                .put("total", total)
                .put("page", page)
                .put("size", size);
    }
}
