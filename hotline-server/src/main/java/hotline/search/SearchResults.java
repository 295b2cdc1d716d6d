package hotline.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the exact number of matching tickets, and — when asked for — facet counts: for each of
 * {@code type}, {@code status}, {@code district}, {@code tier} the matching tickets per value, largest first.
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {

    public JsonObject toJson() {
        JsonObject facetJson = new JsonObject();
        facets.forEach((dimension, counts) -> {
            JsonArray values = new JsonArray();
            counts.forEach((value, count) -> values.add(new JsonObject().put("value", value).put("count", count)));
            facetJson.put(dimension, values);
        });
        return new JsonObject()
                .put("total", total)
                .put("hits", new JsonArray(hits.stream().map(SearchHit::toJson).toList()))
                .put("facets", facetJson);
    }
}
