package hotline.relationship;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, the page number (from 1), the page size and how many there are in all. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) page * size < total;
    }

    public JsonObject toJson(Function<T, JsonObject> item) {
        return new JsonObject().put("items", new JsonArray(items.stream().map(item).toList())).put("page", page)
                .put("size", size).put("total", total);
    }
}
